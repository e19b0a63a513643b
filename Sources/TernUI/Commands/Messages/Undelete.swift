import TernConfig

/// `undelete`: takes back the deletion mark of the message (or, after `;`, the tagged ones).
public struct UndeleteCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `undelete`.
    public var name: CommandName { .undelete }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        let uids = state.targets(useTagged: invocation.useTagged)
        guard !uids.isEmpty, var view = state.folder else { return [] }
        let marked = view.pendingDeletion.intersection(uids)
        view.pendingDeletion.subtract(uids)
        state.folder = view
        if marked.isEmpty {
            state.show(.info, "Not marked for deletion")
        } else if !invocation.useTagged, invocation.context == .list {
            state.move(.rows(1), in: .list)
        }
        return []
    }
}
