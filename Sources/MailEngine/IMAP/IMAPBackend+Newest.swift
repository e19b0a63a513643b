import Foundation
import IMAP
import MailCore
import MailStore
import Transport

/// The newest page of a folder never synced: what `tern list` needs, without the first sync of
/// the whole folder.
extension IMAPBackend {
    /// Makes the newest `count` messages of `folder` current in the cache (see
    /// ``MailBackend/syncNewest(_:count:)``).
    ///
    /// A folder whose cache is complete gets the usual ``sync(_:)`` (a quick resync). Otherwise
    /// one `FETCH n:*` by sequence numbers brings the newest `count` messages (the highest
    /// sequence numbers are the highest UIDs, RFC 9051 §2.3.1.2), with no `UID SEARCH` first;
    /// the folder stays marked incomplete, so the next ``sync(_:)`` fetches only the rest.
    /// - Returns: What was added (the cache's view; `removed` and `flagsChanged` are 0).
    public func syncNewest(_ folder: MailboxPath, count: Int) async throws -> SyncReport {
        let (path, name) = try await resolve(folder)
        if count <= 0 || syncs[path] != nil { return try await sync(folder) }
        if let box = try cache.mailbox(path), box.isComplete { return try await sync(folder) }
        let outcome = try await withConnection { connection in
            try await self.selectAndFetchNewest(count, of: path, name: name, on: connection)
        }
        guard let report = outcome else { return try await sync(folder) }
        if report.added > 0 || report.rebuilt { try emitCounts(path) }
        return report
    }

    /// The fetch of ``syncNewest(_:count:)``; nil when the folder holds no more than `count`
    /// messages (a whole sync costs the same then).
    private func selectAndFetchNewest(_ count: Int, of path: MailboxPath, name: MailboxName,
                                      on connection: IMAPConnection) async throws -> SyncReport? {
        let before = try cache.mailbox(path)
        let enabled = await connection.enabledExtensions
        let capabilities = await connection.capabilities
        let qresyncOn = options.useQResync && enabled.contains(.qresync)
        let condStoreOn = options.useCondStore && capabilities.contains(.condStore)
        let selected = try await connection.select(name, condStore: condStoreOn && !qresyncOn)
        guard let validity = selected.uidValidity else {
            throw BackendError.failed("account \"\(accountName)\": the server gave no UIDVALIDITY for \"\(path)\"; it cannot be cached")
        }
        let exists = selected.messageCount
        guard exists > count else { return nil }
        let (box, reset) = try cache.write { try $0.ensureMailbox(path, uidValidity: validity) }
        let added = try await fetchNewest(count, exists: exists, of: path, box: box, on: connection)
        return SyncReport(folder: path, added: added, rebuilt: reset && before != nil)
    }
}

extension IMAPBackend {
    /// One `FETCH (exists - count + 1):exists` of the newest `count` messages of the selected
    /// folder, written to the cache (the folder marked incomplete) and announced.
    /// - Returns: How many were new to the cache.
    func fetchNewest(_ count: Int, exists: Int, of path: MailboxPath, box: CacheMailbox,
                     on connection: IMAPConnection) async throws -> Int {
        guard count > 0, exists > 0 else { return 0 }
        let first = UInt32(max(1, exists - count + 1))
        let collector = FetchedMessagesCollector()
        let clock = ContinuousClock()
        let start = clock.now
        try await connection.fetch(sequenceNumbers: SequenceSet(first ... UInt32(exists)),
                                   items: IMAPFetchConversion.items) { collector.append($0) }
        newestPageTimes[path] = HeaderFetchProbe.QuickPage(time: clock.now - start, count: exists - Int(first) + 1)
        var rows = collector.messages.compactMap(IMAPFetchConversion.cached)
        let added = try cache.write { w in
            try w.markIncomplete(box)
            return try w.insertFetched(rows, in: box)
        }
        // The few without a Date header sort by their arrival date: fetched before they are shown.
        if rows.contains(where: { $0.envelope.date == nil }) {
            let dates = try await fillArrivalDates(of: path, box: box, on: connection)
            for i in rows.indices where rows[i].envelope.date == nil {
                rows[i].receivedDate = dates[rows[i].uid] ?? rows[i].receivedDate
            }
        }
        if added > 0 {
            continuation.yield(.messagesAdded(folder: path, rows.map(MessageSummary.init(cached:))))
        }
        return added
    }
}

/// Messages gathered from a `@Sendable` fetch handler.
final class FetchedMessagesCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [FetchedMessage] = []

    func append(_ group: [FetchedMessage]) {
        lock.withLock { stored += group }
    }

    var messages: [FetchedMessage] { lock.withLock { stored } }
}
