import TernConfig

/// `move-down`: selects the next line.
public struct MoveDownCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `move-down`.
    public var name: CommandName { .moveDown }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .attachments, .urls, .composer, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if invocation.context == .composer {
            state.selectAttachment(by: 1)
            return []
        }
        state.move(.rows(1), in: invocation.context)
        return []
    }
}
