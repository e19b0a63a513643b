import TernConfig

/// `scroll-up`: scrolls a page of text up one line.
public struct ScrollUpCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `scroll-up`.
    public var name: CommandName { .scrollUp }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer, .help] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.move(.rows(-1), in: invocation.context)
        return []
    }
}
