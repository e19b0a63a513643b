import TernConfig

/// `edit-message`: opens the editor on the text again; in the outbox view, takes the selected
/// message back into the composer.
public struct EditMessageCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-message`.
    public var name: CommandName { .editMessage }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        invocation.context == .outbox ? state.editOutboxMessage() : state.editDraft()
    }
}
