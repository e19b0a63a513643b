import TernConfig

/// `scroll-down`: scrolls a page of text down one line.
public struct ScrollDownCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `scroll-down`.
    public var name: CommandName { .scrollDown }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer, .help] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.move(.rows(1), in: invocation.context)
        return []
    }
}
