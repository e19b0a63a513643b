import MailCore

/// One line of a threaded message list.
public struct ThreadLine: Hashable, Sendable {
    /// The message's index in ``ThreadedList/uids``, or nil for a missing parent.
    public var message: Int?
    /// The tree drawing before the subject (`├─>`, `└─>`, `│ `), empty for a thread's root.
    public var prefix: String
    /// 0 for a root.
    public var depth: Int
    /// What collapsing the line's thread stores in ``ThreadedList/collapsed``.
    public var threadKey: Int?
    /// Whether replies are hidden under this line.
    public var isCollapsed: Bool
    /// How many messages are hidden under this line.
    public var hiddenCount: Int

    /// Creates a line.
    public init(message: Int?, prefix: String, depth: Int, threadKey: Int?, isCollapsed: Bool = false, hiddenCount: Int = 0) {
        self.message = message
        self.prefix = prefix
        self.depth = depth
        self.threadKey = threadKey
        self.isCollapsed = isCollapsed
        self.hiddenCount = hiddenCount
    }
}

/// Lays out a threaded list: the threading engine behind ``ThreadedList`` (JWZ, from MailCore).
public protocol ThreadLayout: Sendable {
    /// The lines with the threads (or subthreads) whose keys are in `collapsed` folded up.
    func lines(collapsed: Set<Int>) -> [ThreadLine]
    /// The messages (indexes) of the whole thread that contains `message`, in display order.
    func threadMessages(containing message: Int) -> [Int]
}

/// A folder shown as threads: every message's row is in memory (a threaded list must know all its
/// messages to draw the trees), the lines follow the collapse state.
public struct ThreadedList: Sendable {
    /// The threading engine's result.
    public var layout: any ThreadLayout
    /// Message index to uid.
    public var uids: [UID]
    /// The rows, by uid (filled as pages of summaries arrive).
    public var rows: [UID: MessageRow]
    /// The visible lines.
    public private(set) var lines: [ThreadLine]
    /// The collapsed thread keys.
    public private(set) var collapsed: Set<Int> = []

    /// Creates a list with every thread expanded.
    public init(layout: any ThreadLayout, uids: [UID], rows: [UID: MessageRow] = [:]) {
        self.layout = layout
        self.uids = uids
        self.rows = rows
        self.lines = layout.lines(collapsed: [])
    }

    /// The uid on line `index`, nil for a missing parent or out of range.
    public func uid(atLine index: Int) -> UID? {
        guard lines.indices.contains(index), let message = lines[index].message, uids.indices.contains(message) else { return nil }
        return uids[message]
    }

    /// The line that shows `uid`, if visible.
    public func line(of uid: UID) -> Int? {
        lines.firstIndex { $0.message.map { uids.indices.contains($0) && uids[$0] == uid } ?? false }
    }

    /// Folds or unfolds the thread of line `index`; returns the line the same thread starts on now.
    public mutating func toggle(line index: Int) -> Int? {
        guard lines.indices.contains(index), let key = lines[index].threadKey else { return nil }
        if collapsed.contains(key) { collapsed.remove(key) } else { collapsed.insert(key) }
        lines = layout.lines(collapsed: collapsed)
        return lines.firstIndex { $0.threadKey == key }
    }

    /// Folds every thread (`all == true`) or unfolds every thread.
    public mutating func setAllCollapsed(_ all: Bool) {
        collapsed = all ? Set(layout.lines(collapsed: []).compactMap(\.threadKey)) : []
        lines = layout.lines(collapsed: collapsed)
    }

    /// The uids of the whole thread shown on line `index`.
    public func threadUIDs(atLine index: Int) -> [UID] {
        guard lines.indices.contains(index) else { return [] }
        let message = lines[index].message ?? lines[index].threadKey
        guard let message else { return [] }
        return layout.threadMessages(containing: message).compactMap { uids.indices.contains($0) ? uids[$0] : nil }
    }
}
