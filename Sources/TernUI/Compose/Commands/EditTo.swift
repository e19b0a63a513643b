import TernConfig

/// `edit-to`: edits the To recipients (Tab completes from the address book).
public struct EditToCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-to`.
    public var name: CommandName { .editTo }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editHeader(.to)
    }
}
