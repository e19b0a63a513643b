import TernConfig

/// `edit-as-new`: starts a new message from this one; in the Drafts folder, continues the postponed message.
public struct EditAsNewCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `edit-as-new`.
    public var name: CommandName { .editAsNew }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.editAsNew(in: invocation.context)
    }
}
