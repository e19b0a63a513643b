import TernConfig

/// `next-message`: in the viewer, shows the next message of the list; in the list, selects it.
public struct NextMessageCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `next-message`.
    public var name: CommandName { .nextMessage }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if invocation.context == .viewer { return state.showAdjacentMessage(1) }
        state.move(.rows(1), in: .list)
        return []
    }
}
