import MailCore
import TernConfig

/// `mark-thread-read`: marks every message of the selected thread read (in a threaded list; in a
/// flat list, the selected message).
public struct MarkThreadReadCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `mark-thread-read`.
    public var name: CommandName { .markThreadRead }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        guard let view = state.folder, let line = view.list.selected else { return [] }
        var uids: [UID]
        if let threads = view.threads, view.order.isThreaded {
            uids = threads.threadUIDs(atLine: line)
        } else {
            uids = state.targets(useTagged: false)
        }
        uids = uids.filter { uid in view.line(of: uid).flatMap(view.row(at:))?.isUnread ?? true }
        guard !uids.isEmpty else {
            state.show(.info, "The thread is read")
            return []
        }
        return state.changeFlags(.add([.seen]), on: uids)
    }
}
