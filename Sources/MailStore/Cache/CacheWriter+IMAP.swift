import Foundation
import GRDB
import GRDBSQLite
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
    /// one INSERT per row, its values bound straight to SQLite (GRDB's generic arguments cost
    /// more than the insert itself).
    /// - Returns: how many of them were new to the cache.
    @discardableResult
    public func insertFetched(_ messages: [CachedMessage], in mailbox: CacheMailbox) throws -> Int {
        let statement = try db.cachedStatement(sql: Self.insertNewSQL)
        let handle = statement.sqliteStatement
        var added = 0
        for message in messages {
            sqlite3_reset(handle)
            Self.bind(message, mailbox: mailbox, to: handle)
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: Self.insertNewSQL)
            }
            if sqlite3_changes(db.sqliteConnection) > 0 {
                markUnindexed(sqlite3_last_insert_rowid(db.sqliteConnection))
                added += 1
            } else {
                try insert(message, in: mailbox)
            }
        }
        return added
    }

    /// Binds the columns of ``insertColumns`` for `m` (the values of ``arguments(_:uid:mailbox:)``).
    private static func bind(_ m: CachedMessage, mailbox: CacheMailbox, to handle: SQLiteStatement) {
        let (bits, keywords) = CacheCoding.encode(m.flags)
        let e = m.envelope
        var index: Int32 = 0
        func int(_ value: Int64?) {
            index += 1
            if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }
        func real(_ value: Double?) {
            index += 1
            if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }
        func text(_ value: String?) {
            index += 1
            guard var value else { return _ = sqlite3_bind_null(handle, index) }
            value.withUTF8 { bytes in
                // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns. An empty
                // string still needs a non-null pointer (a null one binds NULL).
                let pointer = UnsafeRawPointer(bytes.baseAddress ?? ("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
                _ = sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
        let date = e.date?.timeIntervalSince1970
        let received = m.receivedDate?.timeIntervalSince1970
        int(mailbox.id)
        int(Int64(m.uid.value))
        int(bits)
        text(keywords)
        int(m.modSeq.map { Int64(bitPattern: $0) })
        int(Int64(m.size))
        real(received)
        real(date)
        real(date ?? received ?? 0)
        text(e.subject ?? "")
        text(CacheCoding.sortSubject(e.subject))
        text(CacheCoding.sortFrom(e.from))
        text(CacheCoding.encode(e.from))
        text(CacheCoding.encode(e.to))
        text(CacheCoding.encode(e.cc))
        text(CacheCoding.encode(e.bcc))
        text(CacheCoding.encode(e.replyTo))
        text(CacheCoding.encode(e.sender.map { [$0] } ?? []))
        text(e.messageID?.value)
        text(CacheCoding.encode(e.inReplyTo))
        text(CacheCoding.encode(e.references))
        int(m.hasAttachments ? 1 : 0)
        int(m.hasAttachmentsIsExact ? 1 : 0)
        text(m.maildirUnique)
        text(m.maildirFile)
    }

    /// Sets the flags (and mod-sequence) of many messages; uids not cached are skipped.
    public func updateFlags(_ changes: [(uid: UID, flags: Set<Flag>, modSeq: UInt64?)], in mailbox: CacheMailbox) throws {
        for change in changes {
            try updateFlags(change.uid, in: mailbox, flags: change.flags, modSeq: change.modSeq)
        }
    }
}
