import TernConfig

/// `edit-bcc`: edits the Bcc recipients.
public struct EditBccCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-bcc`.
    public var name: CommandName { .editBcc }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editHeader(.bcc)
    }
}
