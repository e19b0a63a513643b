import TernConfig

/// `edit-cc`: edits the Cc recipients.
public struct EditCcCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-cc`.
    public var name: CommandName { .editCc }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editHeader(.cc)
    }
}
