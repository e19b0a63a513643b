import Foundation
import IMAP
import MailCore
import MailStore
import Transport

/// Arrival dates: a sync does not fetch INTERNALDATE with every header (see
/// ``IMAPFetchConversion/items``), only for the rows that sort by it, those without a usable
/// Date header.
extension IMAPBackend {
    /// Fetches the INTERNALDATE of the cached rows of `path` that have neither a Date header nor an
    /// arrival date (usually none: one read of a small index) and stores it; they sort by it then.
    /// The folder must be selected on `connection`. A UID the server no longer has, or answers
    /// without a date, keeps its row as it was (the next sync asks again; its reconciliation
    /// removes a vanished one).
    /// - Returns: The dates stored, by UID.
    @discardableResult
    func fillArrivalDates(of path: MailboxPath, box: CacheMailbox, on connection: IMAPConnection) async throws -> [UID: Date] {
        let undated = try cache.undatedUIDs(in: path)
        guard !undated.isEmpty else { return [:] }
        let set = SequenceSet(ranges: undated.map { $0.value ... $0.value }).normalized()
        let collector = FetchedMessagesCollector()
        try await connection.fetch(set, items: [.uid, .internalDate], batchSize: options.batchSize * 10,
                                   pipelineDepth: options.pipelineDepth) { collector.append($0) }
        var dates: [UID: Date] = [:]
        for message in collector.messages {
            if let uid = message.uid, let date = message.internalDate?.date { dates[uid] = date }
        }
        guard !dates.isEmpty else { return [:] }
        try cache.write { try $0.setArrivalDates(dates, in: box) }
        return dates
    }
}
