import Foundation
import GRDB
import MailCore

/// Changes to the header cache inside one transaction (see ``HeaderCache/write(_:)``).
///
/// Uids that the writer assigns (``insertNew(_:in:)``) are drawn from the mailbox's `uidnext`,
/// which is saved when the transaction ends, so concurrent writers (a second tern process) never
/// hand out the same uid: SQLite serialises write transactions.
public final class CacheWriter {
    let db: Database
    private var pendingUIDNext: [Int64: UInt32] = [:]
    /// Rows inserted in this transaction below the full-text index's boundary (ids reused after
    /// the highest rows were deleted), indexed when it ends; rows above it wait for
    /// ``indexPendingRows()``.
    private var unindexed: [Int64] = []
    /// `fts_state.indexed_below`, read on first use.
    private var indexedBelow: Int64?
    /// Rows inserted in this transaction and not yet in their folder's `total` / `unread`, by
    /// folder id (see ``countInserted(_:in:)``).
    private var uncounted: [Int64: (total: Int64, unread: Int64)] = [:]
    /// The prepared insert of new rows, made on first use.
    private var newRows: RowInserter?
    /// The prepared upsert of encoded rows whose uid is cached, made on first use.
    private var changedRows: RowInserter?

    static let insertNewSQL = "INSERT OR IGNORE INTO message(\(insertColumns)) VALUES (\(insertPlaceholders))"

    // An upsert rather than INSERT OR REPLACE: REPLACE would delete without firing the trigger
    // that keeps the full-text index in step.
    static let upsertSQL = """
        INSERT INTO message(\(insertColumns)) VALUES (\(insertPlaceholders))
        ON CONFLICT(mailbox_id, uid) DO UPDATE SET \(upsertAssignments)
        """

    init(db: Database) {
        self.db = db
    }

    // MARK: - Mailboxes

    /// The folder's row, created when missing.
    /// - Parameters:
    ///   - uidValidity: The server's UIDVALIDITY (IMAP). When it differs from the cached one, every
    ///     cached message of the folder is dropped and `uidnext` starts again (RFC 9051 §2.3.1.1).
    ///     Nil (Maildir) keeps the existing value, or uses the current time for a new row.
    /// - Returns: the row, and whether its messages were dropped because UIDVALIDITY changed.
    @discardableResult
    public func ensureMailbox(_ path: MailboxPath, uidValidity: UInt32? = nil) throws -> (mailbox: CacheMailbox, reset: Bool) {
        try indexNewRows()
        if var box = try Self.mailbox(path, db: db) {
            guard let uidValidity, uidValidity != box.uidValidity else { return (box, false) }
            try db.execute(sql: "DELETE FROM message WHERE mailbox_id = ?", arguments: [box.id])
            try db.execute(sql: """
                UPDATE mailbox SET uidvalidity = ?, uidnext = 1, highestmodseq = NULL, new_mtime = NULL, cur_mtime = NULL,
                    complete = 0
                WHERE id = ?
                """, arguments: [Int64(uidValidity), box.id])
            pendingUIDNext[box.id] = nil
            box.uidValidity = uidValidity
            box.uidNext = 1
            box.highestModSeq = nil
            box.directoryTimes = MaildirDirectoryTimes()
            box.isComplete = false
            return (box, true)
        }
        let validity = uidValidity ?? UInt32(clamping: Int64(Date().timeIntervalSince1970))
        try db.execute(sql: "INSERT INTO mailbox(path, uidvalidity, uidnext) VALUES (?, ?, 1)",
                       arguments: [CacheCoding.encode(path), Int64(validity)])
        let box = CacheMailbox(id: db.lastInsertedRowID, path: path, uidValidity: validity, uidNext: 1)
        return (box, false)
    }

    /// Forgets a folder and its messages.
    public func removeMailbox(_ path: MailboxPath) throws {
        try indexNewRows()
        try db.execute(sql: "DELETE FROM mailbox WHERE path = ?", arguments: [CacheCoding.encode(path)])
    }

    /// Gives a cached folder a new path, keeping its messages and uids.
    public func renameMailbox(_ path: MailboxPath, to newPath: MailboxPath) throws {
        try indexNewRows()
        try db.execute(sql: "UPDATE mailbox SET path = ? WHERE path = ?",
                       arguments: [CacheCoding.encode(newPath), CacheCoding.encode(path)])
    }

    /// Records the server's UIDNEXT and HIGHESTMODSEQ after an IMAP sync.
    public func setState(of mailbox: CacheMailbox, uidNext: UInt32?, highestModSeq: UInt64?) throws {
        if let uidNext {
            pendingUIDNext[mailbox.id] = nil
            try db.execute(sql: "UPDATE mailbox SET uidnext = ? WHERE id = ?", arguments: [Int64(uidNext), mailbox.id])
        }
        try db.execute(sql: "UPDATE mailbox SET highestmodseq = ?, synced_at = ? WHERE id = ?",
                       arguments: [highestModSeq.map { Int64(bitPattern: $0) }, Date().timeIntervalSince1970, mailbox.id])
    }

    /// Records the Maildir directory times after a scan (nil for a subfolder whose time is not
    /// to be trusted).
    public func setDirectoryTimes(of mailbox: CacheMailbox, _ times: MaildirDirectoryTimes) throws {
        try db.execute(sql: "UPDATE mailbox SET new_mtime = ?, cur_mtime = ?, synced_at = ? WHERE id = ?",
                       arguments: [times.new, times.cur, Date().timeIntervalSince1970, mailbox.id])
    }

    // MARK: - Messages

    /// Inserts a message with the uid it carries (IMAP), replacing a cached one with that uid.
    public func insert(_ message: CachedMessage, in mailbox: CacheMailbox) throws {
        let statement = try db.cachedStatement(sql: Self.upsertSQL)
        let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM message WHERE mailbox_id = ? AND uid = ?"),
                                          arguments: [mailbox.id, Int64(message.uid.value)])
        if existing != nil { try indexNewRows() }
        try statement.execute(arguments: Self.arguments(message, uid: message.uid, mailbox: mailbox))
        // An update is re-indexed and recounted by its triggers; a new row waits for the bulk
        // indexing and counting.
        if existing == nil {
            try noteInserted(db.lastInsertedRowID)
            countInserted(message, in: mailbox)
        }
        if let next = pendingUIDNext[mailbox.id], message.uid.value >= next { pendingUIDNext[mailbox.id] = message.uid.value &+ 1 }
    }

    /// Inserts a Maildir message under the next free uid of the folder (``CachedMessage/uid`` is
    /// ignored). A message whose unique name is already cached is left alone.
    /// - Returns: the uid given, or nil when the file was already cached.
    @discardableResult
    public func insertNew(_ message: CachedMessage, in mailbox: CacheMailbox) throws -> UID? {
        let next = try uidNext(mailbox)
        guard try insertRow(message, uid: UID(next), mailbox: mailbox) else { return nil }
        try noteInserted(db.lastInsertedRowID)
        pendingUIDNext[mailbox.id] = next &+ 1
        return UID(next)
    }

    /// Reserves `count` uids for Maildir messages about to be inserted with
    /// ``insertNew(_:in:uid:)`` in another order than their arrival (a first scan reads the newest
    /// files first but numbers them oldest first).
    /// - Returns: the first uid; the folder's next free uid is then `first + count`.
    public func reserveUIDs(_ count: Int, in mailbox: CacheMailbox) throws -> UInt32 {
        let first = try uidNext(mailbox)
        pendingUIDNext[mailbox.id] = first &+ UInt32(clamping: max(0, count))
        return first
    }

    /// Inserts a Maildir message under a uid from ``reserveUIDs(_:in:)`` (``CachedMessage/uid`` is
    /// ignored). A message whose unique name is already cached is left alone.
    /// - Returns: `uid`, or nil when the file was already cached.
    @discardableResult
    public func insertNew(_ message: CachedMessage, in mailbox: CacheMailbox, uid: UID) throws -> UID? {
        guard try insertRow(message, uid: uid, mailbox: mailbox) else { return nil }
        try noteInserted(db.lastInsertedRowID)
        if let next = pendingUIDNext[mailbox.id], uid.value >= next { pendingUIDNext[mailbox.id] = uid.value &+ 1 }
        return uid
    }

    /// Sets a message's flags, and for Maildir its new file path.
    public func updateFlags(_ uid: UID, in mailbox: CacheMailbox, flags: Set<Flag>, maildirFile: String? = nil,
                            modSeq: UInt64? = nil) throws {
        let (bits, keywords) = CacheCoding.encode(flags)
        let statement = try db.cachedStatement(sql: """
            UPDATE message SET flags = ?, keywords = ?, maildir_file = IFNULL(?, maildir_file), modseq = IFNULL(?, modseq)
            WHERE mailbox_id = ? AND uid = ?
            """)
        try statement.execute(arguments: [bits, keywords, maildirFile, modSeq.map { Int64(bitPattern: $0) },
                                          mailbox.id, Int64(uid.value)])
    }

    /// Records whether a message has attachments, as found by parsing it whole.
    public func setHasAttachments(_ uid: UID, in mailbox: CacheMailbox, _ value: Bool) throws {
        try db.execute(sql: """
            UPDATE message SET has_attachments = ?, has_attachments_exact = 1 WHERE mailbox_id = ? AND uid = ?
            """, arguments: [value, mailbox.id, Int64(uid.value)])
    }

    /// Removes messages from the cache.
    public func remove(_ uids: [UID], in mailbox: CacheMailbox) throws {
        try indexNewRows()
        let statement = try db.cachedStatement(sql: "DELETE FROM message WHERE mailbox_id = ? AND uid = ?")
        for uid in uids { try statement.execute(arguments: [mailbox.id, Int64(uid.value)]) }
    }

    /// Inserts a row with ``insertNewSQL`` (`INSERT OR IGNORE`) through the writer's prepared
    /// ``RowInserter``; the new row is not added to the full-text index (see ``markUnindexed(_:)``).
    /// - Returns: true when a row was inserted, false when one with its uid or unique name exists.
    func insertRow(_ message: CachedMessage, uid: UID, mailbox: CacheMailbox) throws -> Bool {
        let inserter = try newRows ?? RowInserter(db: db, sql: Self.insertNewSQL)
        newRows = inserter
        guard try inserter.insert(message, uid: uid, mailbox: mailbox) else { return false }
        countInserted(message, in: mailbox)
        return true
    }

    /// ``insertRow(_:uid:mailbox:)`` for an encoded row (its own uid).
    func insertRow(_ row: EncodedRow, mailbox: CacheMailbox) throws -> Bool {
        let inserter = try newRows ?? RowInserter(db: db, sql: Self.insertNewSQL)
        newRows = inserter
        guard try inserter.insert(row, mailboxID: mailbox.id) else { return false }
        countInserted(unread: row.isUnread, in: mailbox)
        return true
    }

    /// ``insert(_:in:)`` for an encoded row: replaces the cached row with its uid (its triggers
    /// re-index and recount it), or inserts it.
    func upsert(_ row: EncodedRow, in mailbox: CacheMailbox) throws {
        let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM message WHERE mailbox_id = ? AND uid = ?"),
                                          arguments: [mailbox.id, Int64(row.uid.value)])
        if existing != nil { try indexNewRows() }
        let upserter = try changedRows ?? RowInserter(db: db, sql: Self.upsertSQL)
        changedRows = upserter
        _ = try upserter.insert(row, mailboxID: mailbox.id)
        if existing == nil {
            try noteInserted(db.lastInsertedRowID)
            countInserted(unread: row.isUnread, in: mailbox)
        }
        if let next = pendingUIDNext[mailbox.id], row.uid.value >= next { pendingUIDNext[mailbox.id] = row.uid.value &+ 1 }
    }

    /// Counts a row just inserted in its folder's `total` and `unread`, written by
    /// ``countNewRows()`` (the schema has no insert trigger for them).
    private func countInserted(_ message: CachedMessage, in mailbox: CacheMailbox) {
        countInserted(unread: !message.flags.contains(.seen), in: mailbox)
    }

    private func countInserted(unread: Bool, in mailbox: CacheMailbox) {
        var counts = uncounted[mailbox.id] ?? (0, 0)
        counts.total += 1
        if unread { counts.unread += 1 }
        uncounted[mailbox.id] = counts
    }

    /// Adds the rows inserted so far to their folders' counts: one UPDATE per folder. Called
    /// before any statement that could read or reset the counts, and when the transaction ends.
    private func countNewRows() throws {
        guard !uncounted.isEmpty else { return }
        let pending = uncounted
        uncounted = [:]
        for (id, counts) in pending {
            try db.execute(sql: "UPDATE mailbox SET total = total + ?, unread = unread + ? WHERE id = ?",
                           arguments: [counts.total, counts.unread, id])
        }
    }

    /// Notes a row inserted in this transaction that the full-text index does not hold yet.
    func markUnindexed(_ rowID: Int64) throws {
        try noteInserted(rowID)
    }

    /// Saves the uid counters changed by ``insertNew(_:in:)``.
    func flush() throws {
        newRows?.close()
        newRows = nil
        changedRows?.close()
        changedRows = nil
        try indexNewRows()
        for (id, next) in pendingUIDNext {
            try db.execute(sql: "UPDATE mailbox SET uidnext = max(uidnext, ?) WHERE id = ?", arguments: [Int64(next), id])
        }
        pendingUIDNext = [:]
    }

    /// Notes a new row: one with an id below the full-text index's boundary is indexed when the
    /// transaction ends (the index must hold every row below it); the others wait.
    private func noteInserted(_ rowID: Int64) throws {
        if rowID < (try boundary()) { unindexed.append(rowID) }
    }

    /// `fts_state.indexed_below`: the rows with a lower id are in the full-text index.
    private func boundary() throws -> Int64 {
        if let indexedBelow { return indexedBelow }
        let value = try Int64.fetchOne(db, sql: "SELECT indexed_below FROM fts_state") ?? 1
        indexedBelow = value
        return value
    }

    /// Adds rows not yet in the full-text index to it, the lowest ids first, in one statement, and
    /// moves the boundary past them: those with ids below the boundary plus `limit`, or all when
    /// `limit` is nil. Full-text searches call it first (through ``HeaderCache/indexPendingText(chunk:)``);
    /// cheap when nothing waits.
    /// - Returns: How many rows were indexed, and whether rows still wait.
    @discardableResult
    public func indexPendingRows(limit: Int64? = nil) throws -> (count: Int, more: Bool) {
        try indexNewRows()
        let below = try boundary()
        guard let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM message"), highest >= below else { return (0, false) }
        let end = limit.map { min(highest + 1, below + max(1, $0)) } ?? highest + 1
        try db.execute(sql: """
            INSERT INTO message_fts(rowid, subject, addr_from, addr_to, addr_cc)
            SELECT id, subject, addr_from, addr_to, addr_cc FROM message WHERE id >= ? AND id < ?
            """, arguments: [below, end])
        let count = db.changesCount
        try db.execute(sql: "UPDATE fts_state SET indexed_below = ?", arguments: [end])
        indexedBelow = end
        return (count, end <= highest)
    }

    /// Adds the rows inserted so far to the full-text index, in one statement. Called before any
    /// change that could delete or rewrite such a row (its trigger would tell the index to forget
    /// words it was never given, which corrupts an FTS5 index) and when the transaction ends.
    func indexNewRows() throws {
        try countNewRows()
        guard !unindexed.isEmpty else { return }
        let list = "[" + unindexed.map(String.init).joined(separator: ",") + "]"
        unindexed = []
        try db.execute(sql: """
            INSERT INTO message_fts(rowid, subject, addr_from, addr_to, addr_cc)
            SELECT id, subject, addr_from, addr_to, addr_cc FROM message WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [list])
    }

    private func uidNext(_ mailbox: CacheMailbox) throws -> UInt32 {
        if let next = pendingUIDNext[mailbox.id] { return next }
        let stored = try Int64.fetchOne(db, sql: "SELECT uidnext FROM mailbox WHERE id = ?", arguments: [mailbox.id]) ?? 1
        let maxUID = try Int64.fetchOne(db, sql: "SELECT max(uid) FROM message WHERE mailbox_id = ?", arguments: [mailbox.id]) ?? 0
        let next = UInt32(clamping: max(stored, maxUID + 1))
        pendingUIDNext[mailbox.id] = next
        return next
    }
}
