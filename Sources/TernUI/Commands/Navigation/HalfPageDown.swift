import TernConfig

/// `half-page-down`: goes down half a screen.
public struct HalfPageDownCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `half-page-down`.
    public var name: CommandName { .halfPageDown }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .viewer, .attachments, .urls, .help, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.move(.halfPages(1), in: invocation.context)
        return []
    }
}
