import Foundation
import GRDB
import MailCore

/// Reads an IMAP sync needs: every cached UID and its flags, to compare with the server's.
extension HeaderCache {
    /// The flags of every cached message of a folder, by UID (empty for a folder never synced).
    /// Used by a sync without CONDSTORE, which fetches every message's flags and keeps only the
    /// changes.
    public func flagsByUID(in path: MailboxPath) throws -> [UID: Set<Flag>] {
        try flags(in: path, uids: nil)
    }

    /// The flags of the cached messages among `uids`, by UID (uids not cached are left out).
    /// Reads those rows only: a sync that refreshes the flags of the few rows cached before it
    /// does not build a dictionary of a whole 100,000-message folder.
    public func flagsByUID(_ uids: [UID], in path: MailboxPath) throws -> [UID: Set<Flag>] {
        guard !uids.isEmpty else { return [:] }
        return try flags(in: path, uids: uids)
    }

    private func flags(in path: MailboxPath, uids: [UID]?) throws -> [UID: Set<Flag>] {
        try read("read the flags of a folder") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [:] }
            let cursor: RowCursor
            if let uids {
                let list = "[" + uids.map { String($0.value) }.joined(separator: ",") + "]"
                cursor = try Row.fetchCursor(db, sql: """
                    SELECT uid, flags, keywords FROM message WHERE mailbox_id = ? AND uid IN (SELECT value FROM json_each(?))
                    """, arguments: [box.id, list])
            } else {
                cursor = try Row.fetchCursor(db, sql: "SELECT uid, flags, keywords FROM message WHERE mailbox_id = ?",
                                             arguments: [box.id])
            }
            var result: [UID: Set<Flag>] = [:]
            while let row = try cursor.next() {
                let uid: Int64 = row[0]
                result[UID(UInt32(truncatingIfNeeded: uid))] = CacheCoding.decodeFlags(bits: row[1], keywords: row[2])
            }
            return result
        }
    }

    /// The cached messages of a folder with neither a usable Date header nor an arrival date
    /// (an IMAP sync fetches INTERNALDATE for these only; see ``CacheWriter/setArrivalDates(_:in:)``),
    /// ascending. Reads a partial index that holds only such rows.
    public func undatedUIDs(in path: MailboxPath) throws -> [UID] {
        try read("read the messages without a date") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [] }
            return try Int64.fetchAll(db, sql: """
                SELECT uid FROM message WHERE mailbox_id = ? AND date IS NULL AND received IS NULL ORDER BY uid
                """, arguments: [box.id]).map { UID(UInt32(truncatingIfNeeded: $0)) }
        }
    }

    /// The highest cached UID of a folder, or nil when it holds none.
    public func highestUID(in path: MailboxPath) throws -> UID? {
        try read("read the highest uid") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return nil }
            let value = try Int64.fetchOne(db, sql: "SELECT max(uid) FROM message WHERE mailbox_id = ?", arguments: [box.id])
            return value.map { UID(UInt32(truncatingIfNeeded: $0)) }
        }
    }
}
