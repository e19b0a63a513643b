import TernConfig

/// `page-down`: goes down one screen.
public struct PageDownCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `page-down`.
    public var name: CommandName { .pageDown }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .viewer, .attachments, .urls, .help, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.move(.pages(1), in: invocation.context)
        return []
    }
}
