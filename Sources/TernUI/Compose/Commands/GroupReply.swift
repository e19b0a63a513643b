import TernConfig

/// `group-reply`: replies to the sender and every recipient.
public struct GroupReplyCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `group-reply`.
    public var name: CommandName { .groupReply }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startCompose(.reply(.all), in: invocation.context)
    }
}
