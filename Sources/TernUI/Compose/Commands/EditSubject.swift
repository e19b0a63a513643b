import TernConfig

/// `edit-subject`: edits the subject.
public struct EditSubjectCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-subject`.
    public var name: CommandName { .editSubject }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editHeader(.subject)
    }
}
