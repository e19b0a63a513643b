import TernConfig

/// `url-list`: lists the links of the message (numbered as in the text) to open or copy one.
public struct URLListCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `url-list`.
    public var name: CommandName { .urlList }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.showURLList()
    }
}
