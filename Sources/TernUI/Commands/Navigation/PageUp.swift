import TernConfig

/// `page-up`: goes up one screen.
public struct PageUpCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `page-up`.
    public var name: CommandName { .pageUp }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .viewer, .attachments, .urls, .help, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.move(.pages(-1), in: invocation.context)
        return []
    }
}
