import TernConfig

/// `edit-reply-to`: edits the Reply-To addresses.
public struct EditReplyToCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-reply-to`.
    public var name: CommandName { .editReplyTo }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editHeader(.replyTo)
    }
}
