import Foundation
import GRDB
import MailCore

/// Reads an IMAP sync needs: every cached UID and its flags, to compare with the server's.
extension HeaderCache {
    /// The flags of every cached message of a folder, by UID (empty for a folder never synced).
    /// Used by a sync without CONDSTORE, which fetches every message's flags and keeps only the
    /// changes.
    public func flagsByUID(in path: MailboxPath) throws -> [UID: Set<Flag>] {
        try read("read the flags of a folder") { db in
            guard let box = try CacheWriter.mailbox(path, db: db) else { return [:] }
            let cursor = try Row.fetchCursor(db, sql: "SELECT uid, flags, keywords FROM message WHERE mailbox_id = ?",
                                             arguments: [box.id])
            var result: [UID: Set<Flag>] = [:]
            while let row = try cursor.next() {
                let uid: Int64 = row[0]
                result[UID(UInt32(truncatingIfNeeded: uid))] = CacheCoding.decodeFlags(bits: row[1], keywords: row[2])
            }
            return result
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
