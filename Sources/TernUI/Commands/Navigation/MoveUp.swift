import TernConfig

/// `move-up`: selects the previous line.
public struct MoveUpCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `move-up`.
    public var name: CommandName { .moveUp }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .attachments, .urls, .composer, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if invocation.context == .composer {
            state.selectAttachment(by: -1)
            return []
        }
        state.move(.rows(-1), in: invocation.context)
        return []
    }
}
