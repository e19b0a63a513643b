import TernConfig

/// `previous-unread`: like `next-unread`, toward the top.
public struct PreviousUnreadCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `previous-unread`.
    public var name: CommandName { .previousUnread }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        UnreadJump.run(invocation, state: &state, backward: true)
    }
}
