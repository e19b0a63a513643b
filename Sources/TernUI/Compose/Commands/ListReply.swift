import TernConfig

/// `list-reply`: replies to the mailing list the message came through (its List-Post).
public struct ListReplyCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `list-reply`.
    public var name: CommandName { .listReply }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startCompose(.reply(.list), in: invocation.context)
    }
}
