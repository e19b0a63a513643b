import MailCore
import MailEngine
import TerminalKit

extension AppState {
    /// Moves to the next (previous) unread message: at once when the rows on the way are loaded,
    /// else through a ``FindRequest`` that pages through the cache in the background.
    public mutating func jumpToUnread(backward: Bool) -> [Effect] {
        guard var view = folder, view.rowCount > 0 else { return [] }
        let count = view.rowCount
        let start = view.list.selected ?? (backward ? count : -1)
        let step = backward ? -1 : 1
        var i = start + step
        // Loaded rows first: no request when the next unread message is near.
        while i >= 0, i < count, let row = view.row(at: i) {
            if row.isUnread && !view.pendingDeletion.contains(row.uid) {
                view.list.select(i, count: count)
                view.anchor = nil
                folder = view
                return []
            }
            i += step
        }
        if view.order.isThreaded {
            // A threaded list holds every row: wrap around here.
            var j = backward ? count - 1 : 0
            while j != start && j >= 0 && j < count {
                if let row = view.row(at: j), row.isUnread, !view.pendingDeletion.contains(row.uid) {
                    view.list.select(j, count: count)
                    folder = view
                    show(.info, "Search wrapped around")
                    return []
                }
                j += step
            }
            show(.info, "No unread messages")
            return []
        }
        isSearching = true
        return [.find(FindRequest(folder: view.key, order: view.order.backendOrder, filter: view.filter,
                                  generation: view.generation, start: start, count: count, backward: backward,
                                  wraps: true, predicate: .unread))]
    }

    /// Searches the list for `query` from the selected line.
    public mutating func searchList(_ query: SearchQuery, text: String, backward: Bool) -> [Effect] {
        guard let view = folder, view.rowCount > 0 else {
            show(.info, "Nothing to search")
            return []
        }
        lastSearch = LastSearch(text: text, backward: backward)
        isSearching = true
        let start = view.list.selected ?? 0
        if view.order.isThreaded {
            return [.collectMatches(view.key, query: query, purpose: .search(start: start, backward: backward),
                                    generation: view.generation)]
        }
        return [.find(FindRequest(folder: view.key, order: view.order.backendOrder, filter: view.filter,
                                  generation: view.generation, start: start, count: view.rowCount, backward: backward,
                                  wraps: true, predicate: .query(query)))]
    }

    /// Applies the answer of a ``FindRequest``. An answer about a list that was reloaded meanwhile
    /// (a sync brought rows: its lines may have moved) is not used: the search runs again on the
    /// list as it is now, from the line selected now, so that a search made during a sync is
    /// never lost.
    mutating func applyFound(_ request: FindRequest, _ result: Result<Int?, UIError>) -> [Effect] {
        isSearching = false
        guard var view = folder, view.key == request.folder else { return [] }
        guard view.generation == request.generation else {
            guard view.rowCount > 0, !view.order.isThreaded, view.order.backendOrder == request.order,
                  view.filter == request.filter else { return [] }
            var again = request
            again.generation = view.generation
            again.count = view.rowCount
            again.start = view.list.selected ?? min(request.start, view.rowCount - 1)
            isSearching = true
            return [.find(again)]
        }
        switch result {
        case .success(let line?):
            view.list.select(line, count: view.rowCount)
            view.anchor = nil
            folder = view
            if request.backward ? line > request.start : line < request.start { show(.info, "Search wrapped around") }
        case .success(nil):
            if case .unread = request.predicate {
                show(.info, "No unread messages")
            } else {
                show(.info, "Not found: \(lastSearch?.text ?? "")")
            }
        case .failure(let error):
            show(.error, "Search failed: \(error.message)")
        }
        return []
    }

    /// Applies the messages matching a query: tags them, untags them, or moves to the next one.
    mutating func applyMatches(_ key: FolderKey, _ generation: Int, _ purpose: MatchPurpose,
                               _ result: Result<Set<UID>, UIError>) -> [Effect] {
        isSearching = false
        guard var view = folder, view.key == key else { return [] }
        let uids: Set<UID>
        switch result {
        case .success(let found): uids = found
        case .failure(let error):
            show(.error, "Search failed: \(error.message)")
            return []
        }
        switch purpose {
        case .tag:
            let added = uids.subtracting(view.tagged).count
            view.tagged.formUnion(uids)
            show(.info, "\(added) tagged (\(view.tagged.count) in all)")
        case .untag:
            let removed = view.tagged.intersection(uids).count
            view.tagged.subtract(uids)
            show(.info, "\(removed) untagged (\(view.tagged.count) left)")
        case .search(let start, let backward):
            // The matching messages are found by uid: a reload meanwhile changes only where their
            // lines are, which the threads shown now tell.
            guard let threads = view.threads else { return [] }
            let count = threads.lines.count
            guard count > 0 else { return [] }
            let start = generation == view.generation ? start : (view.list.selected ?? min(start, count - 1))
            let step = backward ? -1 : 1
            var i = (start + step + count) % count
            for _ in 0..<count {
                if let uid = threads.uid(atLine: i), uids.contains(uid) {
                    view.list.select(i, count: count)
                    folder = view
                    if backward ? i > start : i < start { show(.info, "Search wrapped around") }
                    return []
                }
                i = (i + step + count) % count
            }
            show(.info, "Not found: \(lastSearch?.text ?? "")")
        }
        folder = view
        return []
    }
}
