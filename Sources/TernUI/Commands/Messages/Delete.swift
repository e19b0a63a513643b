import TernConfig

/// `delete`: marks the message (or, after `;`, the tagged ones) for deletion. Nothing is deleted
/// until the folder is synced (`$`), left, or tern quits; `undelete` takes the mark back until then.
public struct DeleteCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `delete`.
    public var name: CommandName { .delete }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if invocation.context == .outbox { return state.deleteOutboxMessage() }
        let uids = state.targets(useTagged: invocation.useTagged)
        guard !uids.isEmpty, var view = state.folder else { return [] }
        view.pendingDeletion.formUnion(uids)
        state.folder = view
        state.show(.info, (uids.count == 1 ? "Marked for deletion" : "\(uids.count) marked for deletion") + "; $ deletes, u undoes")
        if invocation.context == .viewer { return state.showAdjacentMessage(1) }
        if !invocation.useTagged { state.move(.rows(1), in: .list) }
        return []
    }
}
