import TernConfig

/// `half-page-up`: goes up half a screen.
public struct HalfPageUpCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `half-page-up`.
    public var name: CommandName { .halfPageUp }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .viewer, .attachments, .urls, .help, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.move(.halfPages(-1), in: invocation.context)
        return []
    }
}
