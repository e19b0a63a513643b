import Foundation
import MailCore
import MailEngine

/// Requests made before the UI was up, handed to the first effect that asks for the same thing.
///
/// The launcher starts on the first folder as soon as its account's backend exists, while the
/// terminal is set up: a folder with nothing cached (a cold IMAP start, which spends most of its
/// time waiting for the server) gets its newest page (``fetchNewest(_:on:count:)``, then
/// ``MailBackend/syncNewest(_:count:)``), a cached one its count and the rows of its first screen
/// (``readFirstRows(_:on:order:height:)``). The UI's own ``Effect/syncNewest(_:count:)`` and ``Effect/loadFirstRows(_:order:filter:atEnd:height:generation:)``
/// for that folder then take these instead of asking again. Each is handed out once.
public final class EarlyRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var newest: [FolderKey: Task<SyncReport, any Error>] = [:]
    private var firstRows: [FolderKey: Task<FirstRows?, Never>] = [:]
    private var counts: [FolderKey: Task<Int?, Never>] = [:]

    /// A folder's count and the pages of its first screen, read before the UI asked.
    public struct FirstRows: Sendable {
        /// What the rows were read for.
        public var order: MailEngine.SortOrder
        /// At the list's end (else its start).
        public var atEnd: Bool
        /// The list's height.
        public var height: Int
        /// The folder's count.
        public var count: Int
        /// The pages (``RowPages/edgePages(count:height:atEnd:)``) and their rows.
        public var pages: [(page: Int, rows: [MessageRow])]
    }

    /// Creates an empty set.
    public init() {}

    /// The count of `key`'s folder, read once for both early requests.
    private func counted(_ key: FolderKey, on backend: any MailBackend) -> Task<Int?, Never> {
        lock.withLock {
            if let task = counts[key] { return task }
            let task = Task<Int?, Never> { try? await backend.count(in: key.path, filter: nil) }
            counts[key] = task
            return task
        }
    }

    /// Fetches the newest page of `key`'s folder now, when nothing of it is cached (an account
    /// that fetches the newest messages first: IMAP).
    /// - Parameters:
    ///   - key: the folder.
    ///   - backend: its account's backend.
    ///   - count: how many of the newest messages (at least a screenful).
    public func fetchNewest(_ key: FolderKey, on backend: any MailBackend, count: Int) {
        let counted = counted(key, on: backend)
        let task = Task<SyncReport, any Error> {
            guard await counted.value == 0 else { return SyncReport(folder: key.path) }
            return try await backend.syncNewest(key.path, count: count)
        }
        lock.withLock { newest[key] = task }
    }

    /// Reads the count of `key`'s folder and the rows of its first screen from the cache now, in
    /// `order`, `height` rows at the end or the start as `order` opens (nothing for a threaded
    /// order, or when nothing is cached).
    /// - Parameters:
    ///   - key: the folder.
    ///   - backend: its account's backend.
    ///   - order: the list's order.
    ///   - height: the list's height.
    public func readFirstRows(_ key: FolderKey, on backend: any MailBackend, order: ListOrder, height: Int) {
        guard !order.isThreaded else { return }
        let counted = counted(key, on: backend)
        let sort = order.backendOrder, atEnd = order.startsAtEnd
        let rows = Task<FirstRows?, Never> {
            guard let total = await counted.value, let pages = RowPages.edgePages(count: total, height: height, atEnd: atEnd) else {
                return nil
            }
            var loaded: [(page: Int, rows: [MessageRow])] = []
            for page in pages {
                let range = RowPages.range(ofPage: page, count: total)
                guard let summaries = try? await backend.summaries(in: key.path, order: sort, range: range, filter: nil) else {
                    return nil
                }
                loaded.append((page, summaries.map(MessageRow.init)))
            }
            return FirstRows(order: sort, atEnd: atEnd, height: height, count: total, pages: loaded)
        }
        lock.withLock { firstRows[key] = rows }
    }

    /// The first rows read for `key`, if any; handed out once.
    public func takeFirstRows(_ key: FolderKey) -> Task<FirstRows?, Never>? {
        lock.withLock { firstRows.removeValue(forKey: key) }
    }

    /// The newest-page request started for `key`, if any; it is handed out once.
    public func takeNewest(_ key: FolderKey) -> Task<SyncReport, any Error>? {
        lock.withLock { newest.removeValue(forKey: key) }
    }
}
