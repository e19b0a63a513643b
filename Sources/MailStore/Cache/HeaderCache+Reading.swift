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

    /// Total and unread counts of a folder (zero for a folder never synced). Both come from indexes.
    public func counts(in path: MailboxPath) throws -> CacheCounts {
        try read("count messages") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return CacheCounts(total: 0, unread: 0) }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE mailbox_id = ?", arguments: [box.id]) ?? 0
            let unread = try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE mailbox_id = ? AND flags & 1 = 0",
                                          arguments: [box.id]) ?? 0
            return CacheCounts(total: total, unread: unread)
        }
    }

    /// How many messages of a folder match `filter` (all when nil).
    public func count(in path: MailboxPath, filter: CacheFilter? = nil) throws -> Int {
        try read("count messages") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return 0 }
            let (condition, arguments) = (filter ?? .all).sql()
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE mailbox_id = ? AND \(condition)",
                                    arguments: StatementArguments([box.id] + arguments)) ?? 0
        }
    }

    /// A page of messages in `sort` order: positions `range` (0 is the first), from the index of
    /// that order with LIMIT/OFFSET, so the first page of a 100,000-message folder costs what a
    /// 50-message folder does.
    public func summaries(in path: MailboxPath, sort: CacheSort = .newestFirst, range: Range<Int>,
                          filter: CacheFilter? = nil) throws -> [CachedMessage] {
        let start = max(0, range.lowerBound)
        let limit = range.upperBound - start
        guard limit > 0 else { return [] }
        return try read("read a page of messages") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [] }
            let (condition, arguments) = (filter ?? .all).sql()
            let sql = """
                SELECT \(CacheWriter.messageColumns) FROM message
                WHERE mailbox_id = ? AND \(condition) ORDER BY \(sort.sql) LIMIT ? OFFSET ?
                """
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments([box.id] + arguments + [limit, start]))
                .map(CacheWriter.message(from:))
        }
    }

    /// The uids of a folder's messages matching `filter` (all when nil), ascending.
    public func uids(in path: MailboxPath, filter: CacheFilter? = nil) throws -> [UID] {
        try read("search messages") { db in
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

    /// For Maildir sync: every cached file of a folder by unique name, with its uid and its path
    /// as last seen (`cur/NAME:2,S`).
    public func maildirIndex(in path: MailboxPath) throws -> [String: MaildirIndexEntry] {
        try read("read the Maildir index") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [:] }
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT maildir_unique, uid, maildir_file FROM message WHERE mailbox_id = ? AND maildir_unique IS NOT NULL
                """, arguments: [box.id])
            var index: [String: MaildirIndexEntry] = [:]
            index.reserveCapacity(1024)
            while let row = try cursor.next() {
                let unique: String = row[0]
                let uid: Int64 = row[1]
                index[unique] = MaildirIndexEntry(uid: UID(UInt32(truncatingIfNeeded: uid)), file: row[2] ?? "")
            }
            return index
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
}
