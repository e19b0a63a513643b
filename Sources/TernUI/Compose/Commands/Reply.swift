import TernConfig

/// `reply`: replies to the sender of the selected (or shown) message.
public struct ReplyCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `reply`.
    public var name: CommandName { .reply }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startCompose(.reply(.sender), in: invocation.context)
    }
}
