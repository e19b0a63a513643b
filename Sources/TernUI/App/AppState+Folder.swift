import MailCore
import MailEngine
import TerminalKit

extension AppState {
    /// Opens a folder: the rows come from the cache at once, a sync follows in the background.
    /// Deletions marked in the folder being left are carried out first.
    /// - Parameters:
    ///   - key: the folder.
    ///   - order: its order; by default the order of the folder open now (or the config's).
    /// - Returns: the loads, the sync, and the deletions of the folder left.
    public mutating func openFolder(_ key: FolderKey, order: ListOrder? = nil) -> [Effect] {
        var effects = flushPendingDeletions()
        let order = order ?? folder?.order ?? config.order
        let generation = nextGeneration()
        folder = FolderView(key: key, role: account(key.account)?.role(of: key.path), order: order, generation: generation)
        if let line = sidebar.index(of: key) { sidebar.list.select(line, count: sidebar.entries.count) }
        // The sync starts once the cached rows are on screen (see ``syncOnceShown()``), so that it
        // does not compete with the first screen.
        effects += listLoadEffects()
        return effects
    }

    /// Loads the rows again (the folder changed, the order or the limit changed). The rows shown
    /// stay until their fresh copies arrive; the selected message stays selected if it is still there.
    /// - Parameter resetPosition: select the first (or last) row again, as for a newly opened folder.
    public mutating func reloadFolder(resetPosition: Bool = false) -> [Effect] {
        guard var view = folder else { return [] }
        if view.loads.awaitingList && !resetPosition {
            view.loads.reloadQueued = true
            folder = view
            return []
        }
        view.generation = nextGeneration()
        // A reload back to the start has no anchor: its message is chosen when the rows arrive.
        view.anchor = view.loads.followStart != nil ? nil : (view.selectedRow?.uid ?? view.anchor)
        view.pages.markStale()
        if resetPosition {
            view.positioned = false
            view.anchor = nil
            view.pages.removeAll()
            view.count = nil
            view.threads = nil
            view.list = ListState()
            view.loads.followStart = nil
        }
        folder = view
        return listLoadEffects()
    }

    /// The request that (re)loads the open folder's list: its count, or its threads.
    mutating func listLoadEffects() -> [Effect] {
        guard var view = folder else { return [] }
        view.loads.awaitingList = true
        view.loads.reloadQueued = false
        folder = view
        if view.order.isThreaded {
            return [.loadThreads(view.key, filter: view.filter, newestFirst: view.order.reverse, generation: view.generation)]
        }
        if view.count == nil && !view.positioned && view.pages.loadedPageCount == 0 {
            // A list shown for the first time opens at its end or its start: those rows come
            // with the count.
            return [.loadFirstRows(view.key, order: view.order.backendOrder, filter: view.filter, atEnd: view.order.startsAtEnd,
                                   height: max(1, layout.list.height), generation: view.generation)]
        }
        return [.loadCount(view.key, filter: view.filter, generation: view.generation)]
    }

    /// Requests the pages of rows around the visible ones that are not loaded yet. Called after
    /// every change; asks for nothing when everything near the view is there.
    public mutating func ensureVisibleRows() -> [Effect] {
        guard var view = folder, !view.order.isThreaded, let count = view.count, count > 0 else { return [] }
        let height = max(1, layout.list.height)
        view.list.fit(count: count, height: height)
        let first = view.list.offset
        let window = (first - RowPages.pageSize / 2)..<(first + height + RowPages.pageSize / 2)
        let pages = view.pages.pagesToRequest(for: window, count: count)
        folder = view
        return pages.map {
            .loadPage(view.key, order: view.order.backendOrder, page: $0, range: RowPages.range(ofPage: $0, count: count),
                      filter: view.filter, generation: view.generation)
        }
    }

    /// Starts the open folder's first sync, once: after its cached rows are shown. A folder with
    /// nothing cached in an account that fetches the newest messages first gets its newest page
    /// (a screenful, at least ``newestPageSize``) first; the sync, and the account's folder list
    /// when it was deferred at start, follow when that page is in (``applyNewest(_:_:)``).
    mutating func syncOnceShown() -> [Effect] {
        guard var view = folder, !view.loads.synced else { return [] }
        view.loads.synced = true
        folder = view
        if view.count == 0, view.filter == nil, account(view.key.account)?.fetchesNewestFirst == true {
            return [.syncNewest(view.key, count: max(Self.newestPageSize, layout.list.height))]
        }
        return deferredFolderLoad(view.key.account) + [.sync(view.key)]
    }

    /// How many of the newest messages a folder with nothing cached gets first.
    public static let newestPageSize = 50

    /// The folder list of `account` if it waited for the first page (see ``start()``), once.
    mutating func deferredFolderLoad(_ account: String) -> [Effect] {
        guard self.account(account)?.folderLoadDeferred == true else { return [] }
        updateAccount(account) { $0.folderLoadDeferred = false }
        return [.loadFolders(account: account)]
    }

    /// The newest page of a folder arrived: it is shown, then the account's folders are listed
    /// (when that waited) and the full sync starts. The backend announced the new rows before it
    /// answered (`messagesAdded`), and the list is usually loading them already: it is reloaded
    /// here only when it is not (a reload now would start that load over).
    mutating func applyNewest(_ key: FolderKey, _ result: Result<SyncReport, UIError>) -> [Effect] {
        var effects = deferredFolderLoad(key.account)
        if case .failure(let error) = result {
            show(.error, "\(key): \(error.message)")
        }
        if isOpen(key.account, key.path), let view = folder {
            if case .success(let report) = result, report.added > 0 || report.rebuilt, view.rowCount == 0, !view.loads.awaitingList {
                effects = reloadWhileFilling() + effects
            }
            effects.append(.sync(key))
        }
        return effects
    }

    /// Deletes for real the messages marked in the open folder.
    public mutating func flushPendingDeletions() -> [Effect] {
        guard var view = folder, !view.pendingDeletion.isEmpty else { return [] }
        let uids = view.pendingDeletion.sorted()
        view.pendingDeletion.removeAll()
        view.tagged.subtract(uids)
        folder = view
        show(.info, uids.count == 1 ? "Deleting 1 message" : "Deleting \(uids.count) messages")
        return [.perform(.delete, uids: uids, in: view.key)]
    }

    /// The messages a command acts on: the tagged ones after `;`, else the selected one.
    public func targets(useTagged: Bool) -> [UID] {
        guard let view = folder else { return [] }
        if useTagged { return view.tagged.sorted() }
        if let uid = view.list.selected.flatMap(view.uid(at:)) { return [uid] }
        return []
    }

    /// Changes the flags of `uids` in the open folder: at once on screen, then in the backend.
    public mutating func changeFlags(_ change: FlagChange, on uids: [UID]) -> [Effect] {
        guard var view = folder, !uids.isEmpty else { return [] }
        view.updateRows(Set(uids)) { $0.flags = $0.flags.applying(change) }
        folder = view
        return [.perform(.setFlags(change), uids: uids, in: view.key)]
    }
}
