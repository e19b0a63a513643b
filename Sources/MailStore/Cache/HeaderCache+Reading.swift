import Foundation
import GRDB
import MailCore

extension HeaderCache {
    /// The cached folder at `path`, or nil when it was never synced.
    public func mailbox(_ path: MailboxPath) throws -> CacheMailbox? {
        try read("read a folder") { db in try CacheWriter.mailbox(path, db: db) }
    }

    /// Every cached folder.
    public func mailboxes() throws -> [CacheMailbox] {
        try read("list the folders") { db in
            try Row.fetchAll(db, sql: "SELECT \(CacheWriter.mailboxColumns) FROM mailbox").map(CacheWriter.mailbox(from:))
        }
    }

    /// Total and unread counts of a folder (zero for a folder never synced), kept in the folder's
    /// row by triggers.
    public func counts(in path: MailboxPath) throws -> CacheCounts {
        try read("count messages") { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT total, unread FROM mailbox WHERE path = ?"),
                                       arguments: [CacheCoding.encode(path)])
            guard let row else { return CacheCounts(total: 0, unread: 0) }
            return CacheCounts(total: row[0], unread: row[1])
        }
    }

    /// How many messages of a folder match `filter` (all when nil; the kept count then).
    public func count(in path: MailboxPath, filter: CacheFilter? = nil) throws -> Int {
        try prepareSearch(filter)
        return try read("count messages") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return 0 }
            if filter == nil || filter == .all {
                return try Int.fetchOne(db, sql: "SELECT total FROM mailbox WHERE id = ?", arguments: [box.id]) ?? 0
            }
            let (condition, arguments) = (filter ?? .all).sql()
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE mailbox_id = ? AND \(condition)",
                                    arguments: StatementArguments([box.id] + arguments)) ?? 0
        }
    }

    /// A page of messages in `sort` order: positions `range` (0 is the first), from the index of
    /// that order with LIMIT/OFFSET, so the first page of a 100,000-message folder costs what a
    /// 50-message folder does. A page in the second half of an unfiltered folder is read from the
    /// other end (the opposite order, then reversed): an OFFSET steps through every row before the
    /// page, and a list that opens on its newest message in date order opens at the end.
    public func summaries(in path: MailboxPath, sort: CacheSort = .newestFirst, range: Range<Int>,
                          filter: CacheFilter? = nil) throws -> [CachedMessage] {
        let start = max(0, range.lowerBound)
        guard range.upperBound > start else { return [] }
        try ensureSortIndex(sort.column)
        try prepareSearch(filter)
        return try read("read a page of messages") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [] }
            var order = sort
            var offset = start
            var limit = range.upperBound - start
            var fromTheEnd = false
            if filter == nil || filter == .all, start > 0 {
                let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT total FROM mailbox WHERE id = ?"),
                                             arguments: [box.id]) ?? 0
                if start >= total { return [] }
                if start > total / 2 {
                    let upper = min(range.upperBound, total)
                    offset = total - upper
                    limit = upper - start
                    order.descending.toggle()
                    fromTheEnd = true
                }
            }
            let (condition, arguments) = (filter ?? .all).sql()
            let sql = """
                SELECT \(CacheWriter.messageColumns) FROM message
                WHERE mailbox_id = ? AND \(condition) ORDER BY \(order.sql) LIMIT ? OFFSET ?
                """
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments([box.id] + arguments + [limit, offset]))
                .map(CacheWriter.message(from:))
            return fromTheEnd ? rows.reversed() : rows
        }
    }

    /// Adds the rows the full-text index does not hold yet to it (see ``CacheSchema``: new rows are
    /// indexed when first needed), on the writer: during a first sync, after the transaction being
    /// written. Full-text searches call it first; a client may call it when idle.
    ///
    /// One transaction per `chunk` rows, so that other writes wait for one chunk at most, not for
    /// the whole index: 100,000 rows take about a second, and the interactive client fills the index
    /// right after a first sync, while the user may already open a message (marking it read is a
    /// write; in one transaction, opening the last message of 100,000 took 278 ms instead of 6).
    /// - Returns: How many rows were indexed (0 when none waited: a read of two numbers).
    @discardableResult
    public func indexPendingText(chunk: Int64 = 4096) throws -> Int {
        guard try textIndexIsBehind() else { return 0 }
        var total = 0
        while true {
            let (count, more) = try write { try $0.indexPendingRows(limit: chunk) }
            total += count
            if !more { return total }
        }
    }

    /// True when rows wait to be added to the full-text index.
    public func textIndexIsBehind() throws -> Bool {
        try read("check the search index") { db -> Bool in
            let below = try Int64.fetchOne(db, sql: "SELECT indexed_below FROM fts_state") ?? 1
            let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM message") ?? 0
            return highest >= below
        }
    }

    /// ``indexPendingText()`` when `filter` searches the full-text index.
    func prepareSearch(_ filter: CacheFilter?) throws {
        if let filter, filter.usesFullText { try indexPendingText() }
    }

    /// Makes the index of `column`'s order if it is one made on first use and this cache has not
    /// made it yet (``CacheSchema/sortIndex(for:)``). It waits for the writer: during a first
    /// sync, for the transaction being written.
    func ensureSortIndex(_ column: CacheSort.Column) throws {
        guard let statement = CacheSchema.sortIndex(for: column), !madeSortIndexes.contains(column) else { return }
        try translating("make the index for sorting by \(column.rawValue)") {
            try queue.write { db in try db.execute(sql: statement) }
        }
        madeSortIndexes.insert(column)
    }

    /// The uids of a folder's messages matching `filter` (all when nil), ascending.
    public func uids(in path: MailboxPath, filter: CacheFilter? = nil) throws -> [UID] {
        try prepareSearch(filter)
        return try read("search messages") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [] }
            let (condition, arguments) = (filter ?? .all).sql()
            return try Int64.fetchAll(db, sql: "SELECT uid FROM message WHERE mailbox_id = ? AND \(condition) ORDER BY uid",
                                      arguments: StatementArguments([box.id] + arguments)).map { UID(UInt32(truncatingIfNeeded: $0)) }
        }
    }

    /// One cached message, or nil.
    public func message(_ uid: UID, in path: MailboxPath) throws -> CachedMessage? {
        try messages([uid], in: path).first
    }

    /// The cached messages with these uids, in uid order (unknown uids are left out).
    public func messages(_ uids: [UID], in path: MailboxPath) throws -> [CachedMessage] {
        guard !uids.isEmpty else { return [] }
        return try read("read messages") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [] }
            let list = "[" + uids.map { String($0.value) }.joined(separator: ",") + "]"
            return try Row.fetchAll(db, sql: """
                SELECT \(CacheWriter.messageColumns) FROM message
                WHERE mailbox_id = ? AND uid IN (SELECT value FROM json_each(?)) ORDER BY uid
                """, arguments: [box.id, list]).map(CacheWriter.message(from:))
        }
    }

    /// The threading headers of every message of a folder.
    public func threadingRows(in path: MailboxPath) throws -> [CachedThreadingRow] {
        try read("read threading headers") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [] }
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT uid, message_id, in_reply_to, refs, subject, sort_date FROM message WHERE mailbox_id = ?
                """, arguments: [box.id])
            var rows: [CachedThreadingRow] = []
            while let row = try cursor.next() {
                let uid: Int64 = row[0]
                let id: String? = row[1]
                let date: Double = row[5]
                rows.append(CachedThreadingRow(
                    uid: UID(UInt32(truncatingIfNeeded: uid)), messageID: id.map(MessageID.init),
                    inReplyTo: CacheCoding.decodeIDs(row[2]), references: CacheCoding.decodeIDs(row[3]),
                    subject: row[4], date: date == 0 ? nil : Date(timeIntervalSince1970: date)))
            }
            return rows
        }
    }

    /// For Maildir sync: every cached file of a folder (or of one of its subfolders) with its uid
    /// and its path as last seen (`cur/NAME:2,S`).
    public func maildirIndex(in path: MailboxPath, only subfolder: MaildirMessage.Subfolder? = nil) throws -> [MaildirIndexEntry] {
        try read("read the Maildir index") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [] }
            var entries: [MaildirIndexEntry] = []
            if subfolder == nil {
                entries.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE mailbox_id = ?",
                                                         arguments: [box.id]) ?? 0)
            }
            // The subfolder test is written out (not bound) so that the planner can use the
            // partial index on files in new/.
            let only = switch subfolder {
            case .new: "AND substr(maildir_file, 1, 4) = 'new/'"
            case .cur: "AND substr(maildir_file, 1, 4) = 'cur/'"
            case nil: ""
            }
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT uid, maildir_file FROM message WHERE mailbox_id = ? AND maildir_file IS NOT NULL \(only)
                """, arguments: [box.id])
            while let row = try cursor.next() {
                let uid: Int64 = row[0]
                entries.append(MaildirIndexEntry(uid: UID(UInt32(truncatingIfNeeded: uid)), file: row[1]))
            }
            return entries
        }
    }
}

/// Where the cache last saw a Maildir message.
public struct MaildirIndexEntry: Sendable, Hashable {
    /// The uid the cache gave it.
    public var uid: UID
    /// Its path in the folder, `cur/NAME:2,FLAGS` or `new/NAME`.
    public var file: String

    /// An entry from its fields.
    public init(uid: UID, file: String) {
        self.uid = uid
        self.file = file
    }

    /// The file's unique name (between the subfolder and the first `:`), sharing the storage of
    /// ``file`` (no copy: a scan of 100,000 files builds 100,000 of these).
    public var unique: Substring {
        let utf8 = file.utf8
        let start = utf8.firstIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let end = utf8[start...].firstIndex(of: UInt8(ascii: ":")) ?? utf8.endIndex
        return file[start ..< end]
    }
}
