import TernConfig

/// `edit-message`: opens the editor on the text again.
public struct EditMessageCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-message`.
    public var name: CommandName { .editMessage }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editDraft()
    }
}
