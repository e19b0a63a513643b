import TernConfig

/// `edit-from`: chooses the sender among the account's identities (Tab cycles).
public struct EditFromCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-from`.
    public var name: CommandName { .editFrom }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editHeader(.from)
    }
}
