import MailCore
import MailEngine
import TerminalKit

/// The open folder: its rows (loaded a page at a time, or all of them when threaded), the
/// selection, tags, deletions waiting for a sync, and the limit.
public struct FolderView: Sendable {
    /// Which folder.
    public let key: FolderKey
    /// The folder's role, for the sender/recipient column.
    public var role: MailboxRole?
    /// The sort order.
    public var order: ListOrder
    /// The limit, if any.
    public var limit: ListLimit?
    /// Bumped whenever the rows must be loaded again (new order, new limit, the folder changed);
    /// answers to older requests are dropped.
    public var generation: Int
    /// The number of rows of a flat list; nil until the backend answered.
    public var count: Int?
    /// The loaded rows of a flat list.
    public var pages = RowPages()
    /// The threads, when the order is by thread and they have been built.
    public var threads: ThreadedList?
    /// The selection and scroll position.
    public var list = ListState()
    /// Tagged messages.
    public var tagged: Set<UID> = []
    /// Messages marked for deletion, deleted for real at the next sync (`$`), when leaving the
    /// folder or on quit; `u` takes the mark back until then.
    public var pendingDeletion: Set<UID> = []
    /// Whether the first selection (top or bottom) has been made.
    public var positioned = false
    /// The message selected before the rows were reloaded, to select it again.
    public var anchor: UID?
    /// Loads in flight.
    public var loads = LoadTracker()

    /// Creates the view of a folder about to be loaded.
    public init(key: FolderKey, role: MailboxRole?, order: ListOrder, limit: ListLimit? = nil, generation: Int) {
        self.key = key
        self.role = role
        self.order = order
        self.limit = limit
        self.generation = generation
    }

    /// Whether the rows are known (count for a flat list, the threads for a threaded one).
    public var isLoaded: Bool { order.isThreaded ? threads != nil : count != nil }

    /// The number of lines the list shows.
    public var rowCount: Int {
        if order.isThreaded { return threads?.lines.count ?? 0 }
        return count ?? 0
    }

    /// The row on line `index`, if loaded.
    public func row(at index: Int) -> MessageRow? {
        if order.isThreaded {
            guard let threads, let uid = threads.uid(atLine: index) else { return nil }
            return threads.rows[uid]
        }
        return pages.row(at: index)
    }

    /// The uid on line `index`, if known.
    public func uid(at index: Int) -> UID? {
        if order.isThreaded { return threads?.uid(atLine: index) }
        return pages.row(at: index)?.uid
    }

    /// The selected row, if loaded.
    public var selectedRow: MessageRow? { list.selected.flatMap(row(at:)) }

    /// The line of a loaded message, if shown.
    public func line(of uid: UID) -> Int? {
        if order.isThreaded { return threads?.line(of: uid) }
        return pages.position(of: uid)
    }

    /// Applies `change` to the loaded rows of `uids`.
    public mutating func updateRows(_ uids: Set<UID>, _ change: (inout MessageRow) -> Void) {
        pages.update(uids: uids, change)
        if var threaded = threads {
            for uid in uids {
                if var row = threaded.rows[uid] {
                    change(&row)
                    threaded.rows[uid] = row
                }
            }
            threads = threaded
        }
    }

    /// The backend filter of the limit.
    public var filter: SearchQuery? { limit?.query }
}
