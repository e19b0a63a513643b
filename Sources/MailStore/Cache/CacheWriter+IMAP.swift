import Foundation
import GRDB
import MailCore

/// Changes an IMAP sync makes: rows carrying the server's UIDs, and the folder's sync state
/// (UIDVALIDITY is handled by ``CacheWriter/ensureMailbox(_:uidValidity:)``, which drops the
/// folder's rows when it changes).
extension CacheWriter {
    /// Records where an IMAP sync of the folder stands (RFC 9051 §2.3.1.1, RFC 7162 §3.1).
    /// - Parameters:
    ///   - uidNext: The server's UIDNEXT the cached rows are complete up to.
    ///   - highestModSeq: The HIGHESTMODSEQ flags are up to date with (nil without CONDSTORE).
    ///   - complete: True when every message below `uidNext` is cached; false while a first
    ///     sync is under way (the next sync then fetches what is missing).
    public func setSyncState(of mailbox: CacheMailbox, uidNext: UInt32, highestModSeq: UInt64?, complete: Bool) throws {
        try db.execute(sql: """
            UPDATE mailbox SET uidnext = ?, highestmodseq = ?, complete = ?, synced_at = ? WHERE id = ?
            """, arguments: [Int64(uidNext), highestModSeq.map { Int64(bitPattern: $0) }, complete,
                             Date().timeIntervalSince1970, mailbox.id])
    }

    /// Marks the folder's rows as possibly incomplete (a sync started filling it), keeping them.
    public func markIncomplete(_ mailbox: CacheMailbox) throws {
        try db.execute(sql: "UPDATE mailbox SET complete = 0 WHERE id = ?", arguments: [mailbox.id])
    }

    /// Stores messages fetched from an IMAP server under their own UIDs: a UID not cached yet is
    /// inserted (one statement, indexed in bulk when the transaction ends), a cached one is
    /// replaced. This is the path of a first sync of 100,000 messages, so the common case costs
    /// one INSERT per row, its values bound straight to SQLite by the writer's ``RowInserter`` (the
    /// same statement as a Maildir scan's; GRDB's generic arguments cost more than the insert).
    /// - Returns: how many of them were new to the cache.
    @discardableResult
    public func insertFetched(_ messages: [CachedMessage], in mailbox: CacheMailbox) throws -> Int {
        var added = 0
        for message in messages {
            if try insertRow(message, uid: message.uid, mailbox: mailbox) {
                try markUnindexed(db.lastInsertedRowID)
                added += 1
            } else {
                try insert(message, in: mailbox)
            }
        }
        return added
    }

    /// ``insertFetched(_:in:)-([CachedMessage])`` for rows encoded beforehand (by a sync's
    /// fetching tasks): the writer only binds their bytes.
    /// - Returns: how many of them were new to the cache.
    @discardableResult
    public func insertFetched(_ rows: [EncodedRow], in mailbox: CacheMailbox) throws -> Int {
        var added = 0
        for row in rows {
            if try insertRow(row, mailbox: mailbox) {
                try markUnindexed(db.lastInsertedRowID)
                added += 1
            } else {
                try upsert(row, in: mailbox)
            }
        }
        return added
    }

    /// Stores the arrival dates (IMAP INTERNALDATE) of messages without a usable Date header; they
    /// sort by it from now on. Rows with a Date header, and uids not cached, are left alone.
    /// - Returns: How many rows changed.
    @discardableResult
    public func setArrivalDates(_ dates: [UID: Date], in mailbox: CacheMailbox) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            UPDATE message SET received = ?1, sort_date = ?1 WHERE mailbox_id = ?2 AND uid = ?3 AND date IS NULL
            """)
        var changed = 0
        for (uid, date) in dates {
            try statement.execute(arguments: [date.timeIntervalSince1970, mailbox.id, Int64(uid.value)])
            changed += db.changesCount
        }
        return changed
    }

    /// Sets the flags (and mod-sequence) of many messages; uids not cached are skipped.
    public func updateFlags(_ changes: [(uid: UID, flags: Set<Flag>, modSeq: UInt64?)], in mailbox: CacheMailbox) throws {
        for change in changes {
            try updateFlags(change.uid, in: mailbox, flags: change.flags, modSeq: change.modSeq)
        }
    }
}
