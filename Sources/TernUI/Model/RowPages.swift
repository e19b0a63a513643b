import MailCore

/// The rows of a flat message list that have been loaded, in fixed-size pages around what is shown.
///
/// Only pages near the visible rows are ever requested; the least recently used pages are dropped
/// beyond ``capacity``, so a folder of any size holds a few thousand rows at most. After the folder
/// changes under the list, pages are marked stale: they are still shown (no flicker) but are
/// requested again.
public struct RowPages: Sendable {
    /// Rows per page.
    public static let pageSize = 128
    /// Pages kept at most.
    public let capacity: Int

    private var pages: [Int: [MessageRow]] = [:]
    private var stale: Set<Int> = []
    private var requested: Set<Int> = []
    private var lastUse: [Int: UInt64] = [:]
    private var clock: UInt64 = 0

    /// Creates an empty cache.
    /// - Parameter capacity: pages kept at most (64 pages: 8,192 rows).
    public init(capacity: Int = 64) {
        self.capacity = max(4, capacity)
    }

    /// The page that holds row `index`.
    public static func page(of index: Int) -> Int { index / pageSize }

    /// The rows of page `page`.
    public static func range(ofPage page: Int, count: Int) -> Range<Int> {
        let start = page * pageSize
        return start..<min(count, start + pageSize)
    }

    /// The pages a newly opened list of `count` rows shows first, `height` rows high, at its end
    /// or at its start: the pages ``AppState/ensureVisibleRows()`` asks for once the list is
    /// positioned there (the visible rows and half a page either side).
    public static func edgePages(count: Int, height: Int, atEnd: Bool) -> ClosedRange<Int>? {
        guard count > 0 else { return nil }
        let first = atEnd ? max(0, count - height) : 0
        let lower = max(0, first - pageSize / 2), upper = min(count, first + height + pageSize / 2)
        guard lower < upper else { return nil }
        return page(of: lower)...page(of: upper - 1)
    }

    /// The row at `index`, if its page is loaded (stale pages count).
    public func row(at index: Int) -> MessageRow? {
        guard index >= 0, let page = pages[Self.page(of: index)] else { return nil }
        let offset = index % Self.pageSize
        return offset < page.count ? page[offset] : nil
    }

    /// The number of pages held.
    public var loadedPageCount: Int { pages.count }

    /// The pages of `rows` that are neither loaded (fresh) nor already requested, now marked as
    /// requested: the caller asks the backend for them.
    public mutating func pagesToRequest(for rows: Range<Int>, count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let lower = max(0, rows.lowerBound), upper = min(count, rows.upperBound)
        guard lower < upper else { return [] }
        var result: [Int] = []
        for page in Self.page(of: lower)...Self.page(of: upper - 1) {
            clock += 1
            lastUse[page] = clock
            if (pages[page] == nil || stale.contains(page)) && !requested.contains(page) {
                requested.insert(page)
                result.append(page)
            }
        }
        return result
    }

    /// Stores a loaded page and drops the least recently used pages beyond the capacity.
    public mutating func store(page: Int, rows: [MessageRow]) {
        pages[page] = rows
        stale.remove(page)
        requested.remove(page)
        clock += 1
        lastUse[page] = clock
        if pages.count > capacity {
            let victims = pages.keys.sorted { (lastUse[$0] ?? 0) < (lastUse[$1] ?? 0) }.prefix(pages.count - capacity)
            for victim in victims where victim != page {
                pages[victim] = nil
                lastUse[victim] = nil
                stale.remove(victim)
            }
        }
    }

    /// Forgets that `page` was requested (its request failed), so it is asked for again.
    public mutating func requestFailed(page: Int) {
        requested.remove(page)
    }

    /// Marks every page stale: kept for display, requested again.
    public mutating func markStale() {
        stale = Set(pages.keys)
        requested.removeAll()
    }

    /// Drops everything.
    public mutating func removeAll() {
        pages.removeAll()
        stale.removeAll()
        requested.removeAll()
        lastUse.removeAll()
    }

    /// Changes the loaded rows of message `uid` in place; returns true if it was loaded.
    @discardableResult
    public mutating func update(uid: UID, _ change: (inout MessageRow) -> Void) -> Bool {
        var found = false
        for (page, var rows) in pages {
            guard let i = rows.firstIndex(where: { $0.uid == uid }) else { continue }
            change(&rows[i])
            pages[page] = rows
            found = true
        }
        return found
    }

    /// Applies `change` to every loaded row whose uid is in `uids`.
    public mutating func update(uids: Set<UID>, _ change: (inout MessageRow) -> Void) {
        guard !uids.isEmpty else { return }
        for (page, var rows) in pages {
            var touched = false
            for i in rows.indices where uids.contains(rows[i].uid) {
                change(&rows[i])
                touched = true
            }
            if touched { pages[page] = rows }
        }
    }

    /// The position of a loaded row with `uid`, if any.
    public func position(of uid: UID) -> Int? {
        for (page, rows) in pages {
            if let i = rows.firstIndex(where: { $0.uid == uid }) { return page * Self.pageSize + i }
        }
        return nil
    }
}
