import Foundation
import MailCore
import MailEngine
import TerminalKit

extension AppState {
    /// Applies a message from the runtime (a backend event or the answer to an effect).
    /// - Returns: the effects it leads to (more pages to load, a reload, a watch).
    public mutating func apply(_ message: AppMessage) -> [Effect] {
        var effects: [Effect]
        switch message {
        case .event(let account, let event):
            effects = apply(event, account: account)
        case .compose(let answer):
            effects = applyCompose(answer)
        case .foldersLoaded(let account, let result):
            switch result {
            case .success(let folders):
                updateAccount(account) {
                    $0.folders = folders
                    $0.foldersLoaded = true
                }
                rebuildSidebar()
                if var view = folder, view.key.account == account {
                    view.role = self.account(account)?.role(of: view.key.path)
                    folder = view
                }
            case .failure(let error):
                show(.error, "\(account): cannot list folders: \(error.message)")
            }
            effects = []
        case .counted(let key, let generation, let result):
            effects = applyCount(key, generation, result)
        case .firstRowsLoaded(let key, let generation, let result, let pages):
            if var view = folder, view.key == key, view.generation == generation {
                for (page, rows) in pages { view.pages.store(page: page, rows: rows) }
                folder = view
            }
            effects = applyCount(key, generation, result)
            if !pages.isEmpty { effects += syncOnceShown() }
        case .pageLoaded(let key, let generation, let page, let result):
            effects = applyPage(key, generation, page, result)
        case .threadsBuilt(let key, let generation, let result):
            effects = applyThreads(key, generation, result)
        case .threadRowsLoaded(let key, let generation, let rows):
            if var view = folder, view.key == key, view.generation == generation, var threads = view.threads {
                for row in rows { threads.rows[row.uid] = row }
                view.threads = threads
                folder = view
            }
            effects = []
        case .found(let request, let result):
            effects = applyFound(request, result)
        case .matched(let key, let generation, let purpose, let result):
            effects = applyMatches(key, generation, purpose, result)
        case .viewer(let answer):
            effects = applyViewer(answer)
        case .synced(let key, let result):
            effects = applySync(key, result)
        case .newestSynced(let key, let result):
            effects = applyNewest(key, result)
        case .performed(let action, let uids, let key, let result):
            effects = applyPerformed(action, uids, key, result)
        case .outboxCounted(let counts):
            // A send in progress reports what it left when it ends.
            for (account, count) in counts where !compose.sending.contains(account) {
                updateAccount(account) { $0.outboxQueued = count }
            }
            effects = []
        }
        effects += followUnreadJump()
        return effects + ensureVisibleRows()
    }

    private mutating func apply(_ event: BackendEvent, account: String) -> [Effect] {
        switch event {
        case .connection(let connection):
            updateAccount(account) { $0.connection = connection }
        case .syncProgress(let folder, let done, let total, _):
            updateAccount(account) { $0.sync = SyncProgress(folder: folder, done: done, total: total) }
            // A first sync of a big folder: show the rows already in the cache while it goes on.
            if isOpen(account, folder), let view = self.folder, view.isLoaded, !view.loads.awaitingList,
               view.rowCount < layout.list.height, done > view.rowCount {
                return reloadWhileFilling()
            }
        case .syncFinished(let report):
            updateAccount(account) { $0.sync = nil }
            if report.warnings.count > 0 {
                for warning in report.warnings { record(.warning, "\(account)/\(report.folder): \(warning)") }
            }
            if isOpen(account, report.folder), report.added + report.removed + report.flagsChanged > 0 || report.rebuilt {
                return reloadAfterSync()
            }
        case .messagesAdded(let folder, _):
            if isOpen(account, folder) { return reloadWhileFilling() }
        case .messagesRemoved(let folder, let uids):
            if isOpen(account, folder), var view = self.folder {
                view.tagged.subtract(uids)
                view.pendingDeletion.subtract(uids)
                self.folder = view
                return reloadFolder()
            }
        case .flagsChanged(let folder, let changes):
            if isOpen(account, folder), var view = self.folder {
                for (uid, flags) in changes {
                    view.updateRows([uid]) { $0.flags = RowFlags(flags) }
                }
                self.folder = view
            }
        case .folderCounts(let info):
            updateAccount(account) { $0.update(info) }
            rebuildSidebar()
        case .foldersChanged(let folders):
            updateAccount(account) {
                $0.folders = folders
                $0.foldersLoaded = true
            }
            rebuildSidebar()
        case .error(let text):
            show(.error, "\(account): \(text)")
        case .notice(let text):
            show(.info, "\(account): \(text)")
        }
        return []
    }

    /// Reloads the open folder as a sync brings rows. While the list is shorter than a screen it
    /// counts as filling; a filling list whose selection is still where it opened is positioned
    /// again as newly opened (on the newest message in date order).
    mutating func reloadWhileFilling() -> [Effect] {
        guard var view = folder else { return [] }
        if view.rowCount < layout.list.height { view.loads.filling = true }
        let start = view.order.startsAtEnd ? view.rowCount - 1 : 0
        let untouched = view.loads.filling && (view.rowCount == 0 || view.list.selected == start)
        folder = view
        return untouched ? reloadToStartUnlessMoved() : reloadFolder()
    }

    /// Reloads the open folder to show it from its start (the newest message in date order) as if
    /// newly opened, unless the user moves before the rows arrive: the rows on screen stay until then
    /// and keys keep working on them, so a key pressed meanwhile is never undone by the reload.
    mutating func reloadToStartUnlessMoved() -> [Effect] {
        guard var view = folder else { return [] }
        guard view.rowCount > 0, let selected = view.list.selected else { return reloadFolder(resetPosition: true) }
        view.loads.followStart = selected
        folder = view
        return reloadFolder()
    }

    /// Reloads the open folder after a sync. When the list showed a first sync's rows as they came
    /// and the selection is still where the folder opened (the newest message in date order), the
    /// folder is positioned again as newly opened: the rows a sync brings first need not be the newest.
    mutating func reloadAfterSync() -> [Effect] {
        guard var view = folder else { return [] }
        let start = view.order.startsAtEnd ? view.rowCount - 1 : 0
        let untouched = view.loads.filling && view.list.selected == start
        view.loads.filling = false
        folder = view
        return untouched ? reloadToStartUnlessMoved() : reloadFolder()
    }

    /// Whether `path` of `account` is the open folder.
    func isOpen(_ account: String, _ path: MailboxPath) -> Bool {
        folder?.key == FolderKey(account: account, path: path)
    }

    /// Rebuilds the sidebar lines from the accounts' folders, keeping the cursor on its folder.
    mutating func rebuildSidebar() {
        let current = sidebar.list.selected.flatMap { sidebar.entries.indices.contains($0) ? sidebar.entries[$0] : nil }
        sidebar.entries = SidebarModel.entries(for: accounts)
        let target = current?.folderKey ?? folder?.key
        if let target, let line = sidebar.index(of: target) {
            sidebar.list.select(line, count: sidebar.entries.count)
        } else {
            sidebar.list.fit(count: sidebar.entries.count, height: max(1, sidebar.list.viewHeight))
        }
    }

    private mutating func applyCount(_ key: FolderKey, _ generation: Int, _ result: Result<Int, UIError>) -> [Effect] {
        guard var view = folder, view.key == key, view.generation == generation else { return [] }
        view.loads.awaitingList = false
        switch result {
        case .success(let count):
            view.count = count
            let height = max(1, layout.list.height)
            if let follow = view.loads.followStart, count > 0 {
                if view.list.selected == follow {
                    view.list.fit(count: count, height: height)
                    view.list.select(view.order.startsAtEnd ? count - 1 : 0, count: count)
                    // A queued reload follows the start again, unless the user moves meanwhile.
                    view.loads.followStart = view.loads.reloadQueued ? view.list.selected : nil
                } else {
                    // The user moved: the rows still shown name the message to stay on, and no
                    // later reload goes back to the start.
                    view.anchor = view.selectedRow?.uid
                    view.list.fit(count: count, height: height)
                    view.loads.followStart = nil
                }
                view.positioned = true
            } else if !view.positioned, count > 0 {
                view.list.fit(count: count, height: height)
                view.list.select(view.order.startsAtEnd ? count - 1 : 0, count: count)
                view.positioned = true
            } else {
                view.list.fit(count: count, height: height)
            }
        case .failure(let error):
            if view.count == nil { view.count = 0 }
            show(.error, "\(key): \(error.message)")
        }
        let queued = view.loads.reloadQueued
        let empty = view.count == 0
        folder = view
        return (queued ? reloadFolder() : []) + (empty ? syncOnceShown() : [])
    }

    private mutating func applyPage(_ key: FolderKey, _ generation: Int, _ page: Int, _ result: Result<[MessageRow], UIError>) -> [Effect] {
        guard var view = folder, view.key == key, view.generation == generation else { return [] }
        switch result {
        case .success(let rows):
            view.pages.store(page: page, rows: rows)
            if let anchor = view.anchor, let i = rows.firstIndex(where: { $0.uid == anchor }), let count = view.count {
                view.list.select(page * RowPages.pageSize + i, count: count)
                view.anchor = nil
            }
        case .failure(let error):
            view.pages.requestFailed(page: page)
            show(.error, "\(key): \(error.message)")
        }
        folder = view
        return syncOnceShown()
    }

    private mutating func applyThreads(_ key: FolderKey, _ generation: Int, _ result: Result<ThreadedList, UIError>) -> [Effect] {
        guard var view = folder, view.key == key, view.generation == generation else { return [] }
        var effects: [Effect] = []
        view.loads.awaitingList = false
        switch result {
        case .success(let threads):
            let toStart = view.loads.followStart != nil && view.list.selected == view.loads.followStart
            let anchor = toStart ? nil : view.anchor ?? view.selectedRow?.uid
            view.threads = threads
            let count = threads.lines.count
            view.list.fit(count: count, height: max(1, layout.list.height))
            if toStart, count > 0 {
                view.list.select(view.order.startsAtEnd ? count - 1 : 0, count: count)
            } else if let anchor, let line = threads.line(of: anchor) {
                view.list.select(line, count: count)
            } else if !view.positioned, count > 0 {
                view.list.select(view.order.startsAtEnd ? count - 1 : 0, count: count)
            }
            view.positioned = true
            view.anchor = nil
            view.loads.followStart = view.loads.reloadQueued && toStart ? view.list.selected : nil
            folder = view
            effects += syncOnceShown()
        case .failure(let error):
            // Without threads the list falls back to date order.
            show(.error, "\(key): cannot show threads: \(error.message)")
            view.order = ListOrder(field: .date, reverse: view.order.reverse)
            folder = view
            return reloadFolder(resetPosition: true)
        }
        if let current = folder, current.key == key { view.loads = current.loads }
        let queued = view.loads.reloadQueued
        folder = view
        return effects + (queued ? reloadFolder() : [])
    }

    private mutating func applySync(_ key: FolderKey, _ result: Result<SyncReport, UIError>) -> [Effect] {
        updateAccount(key.account) { if $0.sync?.folder == key.path { $0.sync = nil } }
        var effects: [Effect] = []
        switch result {
        case .success(let report):
            if report.added > 0 || report.removed > 0 || report.flagsChanged > 0 || report.rebuilt {
                if folder?.key == key { effects += reloadAfterSync() }
            }
            if report.added > 0, folder?.key == key { effects.append(.prefetchNewest(key)) }
        case .failure(let error):
            show(.error, "\(key): sync failed: \(error.message)")
        }
        if var view = folder, view.key == key, !view.loads.watching {
            view.loads.watching = true
            folder = view
            effects.append(.watch(key))
        }
        return effects
    }

    private mutating func applyPerformed(_ action: MessageAction, _ uids: [UID], _ key: FolderKey,
                                         _ result: Result<Void, UIError>) -> [Effect] {
        let noun = uids.count == 1 ? "1 message" : "\(uids.count) messages"
        switch result {
        case .success:
            switch action {
            case .setFlags:
                return []
            case .move, .delete:
                show(.info, "\(noun) \(action.pastTense)")
                if var view = folder, view.key == key {
                    view.tagged.subtract(uids)
                    folder = view
                    return reloadFolder()
                }
            case .copy:
                show(.info, "\(noun) \(action.pastTense)")
            }
        case .failure(let error):
            show(.error, "\(noun) not \(action.pastTense): \(error.message)")
            // The rows changed on screen before the backend answered: show what it holds.
            if folder?.key == key { return reloadFolder() }
        }
        return []
    }
}
