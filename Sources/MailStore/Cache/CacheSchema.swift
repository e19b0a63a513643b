import GRDB

/// The header cache's tables, indexes and triggers. The cache is disposable: when
/// ``CacheSchema/version`` differs from the database's `PRAGMA user_version`, the file is deleted and
/// built again from the mail (meli's `sqlite3_cache.rs` does the same).
///
/// One database per account. Messages are keyed by (mailbox, uid); the mailbox row carries the
/// UIDVALIDITY its uids belong to, and changing it drops the mailbox's messages (RFC 9051 §2.3.1.1).
enum CacheSchema {
    /// Bump on every change to the statements below.
    static let version: Int32 = 9

    /// The statements that create an empty cache, in order.
    static let statements: [String] = [
        """
        CREATE TABLE meta(
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        // One row per folder. `path` is the JSON array of the path's components.
        // uidvalidity / uidnext / highestmodseq: IMAP (RFC 9051, RFC 7162); for Maildir the cache
        // assigns uids itself from uidnext, and uidvalidity is the time the row was created.
        // new_mtime / cur_mtime: Maildir directory modification times (ns) at the last complete scan,
        // stored only when they were old enough to trust; NULL forces a full comparison.
        // complete: IMAP: 1 once every message below uidnext is cached (a first sync that was
        // interrupted leaves 0, and the next sync fetches what is missing).
        // total / unread: the folder's message counts, so that the sidebar and the list read two
        // numbers instead of counting 100,000 index entries. Inserts are counted by CacheWriter,
        // one UPDATE per folder and transaction (a trigger's UPDATE per row was 40% of the cost
        // of inserting a first sync's 100,000 rows); deletes and flag changes by the triggers below.
        """
        CREATE TABLE mailbox(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            uidvalidity INTEGER NOT NULL,
            uidnext INTEGER NOT NULL DEFAULT 1,
            highestmodseq INTEGER,
            new_mtime INTEGER,
            cur_mtime INTEGER,
            complete INTEGER NOT NULL DEFAULT 0,
            synced_at REAL,
            total INTEGER NOT NULL DEFAULT 0,
            unread INTEGER NOT NULL DEFAULT 0
        )
        """,
        // One row per message. Addresses use the compact encoding of `CacheCoding` (name U+001F
        // address, entries separated by U+001E), which FTS5's unicode61 tokenizer splits like spaces.
        // flags: bit set (CacheCoding.flagBits); keywords: other IMAP keywords, space separated.
        // sort_date: the Date header, else the received date, else 0 (seconds since 1970).
        // has_attachments_exact: 1 when has_attachments comes from a parse of the whole message.
        // maildir_unique / maildir_file: the Maildir file's unique name and its path ("cur/NAME:2,S").
        """
        CREATE TABLE message(
            id INTEGER PRIMARY KEY,
            mailbox_id INTEGER NOT NULL REFERENCES mailbox(id) ON DELETE CASCADE,
            uid INTEGER NOT NULL,
            flags INTEGER NOT NULL DEFAULT 0,
            keywords TEXT,
            modseq INTEGER,
            size INTEGER NOT NULL,
            received REAL,
            date REAL,
            sort_date REAL NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            sort_subject TEXT NOT NULL DEFAULT '',
            sort_from TEXT NOT NULL DEFAULT '',
            addr_from TEXT NOT NULL DEFAULT '',
            addr_to TEXT NOT NULL DEFAULT '',
            addr_cc TEXT NOT NULL DEFAULT '',
            addr_bcc TEXT NOT NULL DEFAULT '',
            addr_reply_to TEXT NOT NULL DEFAULT '',
            addr_sender TEXT NOT NULL DEFAULT '',
            message_id TEXT,
            in_reply_to TEXT,
            refs TEXT,
            has_attachments INTEGER NOT NULL DEFAULT 0,
            has_attachments_exact INTEGER NOT NULL DEFAULT 0,
            maildir_unique TEXT,
            maildir_file TEXT,
            UNIQUE(mailbox_id, uid)
        )
        """,
        "CREATE UNIQUE INDEX message_maildir ON message(mailbox_id, maildir_unique) WHERE maildir_unique IS NOT NULL",
        "CREATE INDEX message_by_date ON message(mailbox_id, sort_date, uid)",
        // The indexes of the orders by sender, subject and size are made when first used
        // (``sortIndex(for:)``).
        "CREATE INDEX message_unseen ON message(mailbox_id) WHERE flags & 1 = 0",
        // The few IMAP rows with neither a Date header nor an arrival date: a sync fetches the
        // INTERNALDATE of these only (``HeaderCache/undatedUIDs(in:)``), not of every message.
        "CREATE INDEX message_undated ON message(mailbox_id) WHERE date IS NULL AND received IS NULL",
        // The few files in a Maildir's new/, so that a scan after new mail reads only their rows.
        "CREATE INDEX message_in_new ON message(mailbox_id) WHERE substr(maildir_file, 1, 4) = 'new/'",
        // Full-text index over the header fields people search; its text lives in `message`
        // (external content), so only the index takes space. New rows are indexed when first
        // needed: the first full-text search after them (or a caller) runs
        // ``HeaderCache/indexPendingText(chunk:)``, one statement per 4,096 rows (a first sync of
        // 100,000 headers spent about a sixth of its CPU indexing them as they came). `fts_state`
        // holds the boundary: the rows with an id below `indexed_below` are in the index, the rows
        // above are not (a new row that reuses an id below it is indexed in its own transaction).
        // Deletes and changes of the indexed columns of rows below it are kept in step by the
        // triggers below; rows above it are indexed with what they hold then.
        """
        CREATE VIRTUAL TABLE message_fts USING fts5(
            subject, addr_from, addr_to, addr_cc,
            content='message', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        )
        """,
        "CREATE TABLE fts_state(indexed_below INTEGER NOT NULL)",
        "INSERT INTO fts_state(indexed_below) VALUES (1)",
        """
        CREATE TRIGGER message_count_delete AFTER DELETE ON message BEGIN
            UPDATE mailbox SET total = total - 1, unread = unread - (old.flags & 1 = 0) WHERE id = old.mailbox_id;
        END
        """,
        """
        CREATE TRIGGER message_count_flags AFTER UPDATE OF flags ON message WHEN (old.flags & 1) != (new.flags & 1) BEGIN
            UPDATE mailbox SET unread = unread + (new.flags & 1 = 0) - (old.flags & 1 = 0) WHERE id = new.mailbox_id;
        END
        """,
        """
        CREATE TRIGGER message_fts_delete AFTER DELETE ON message WHEN old.id < (SELECT indexed_below FROM fts_state) BEGIN
            INSERT INTO message_fts(message_fts, rowid, subject, addr_from, addr_to, addr_cc)
            VALUES ('delete', old.id, old.subject, old.addr_from, old.addr_to, old.addr_cc);
        END
        """,
        """
        CREATE TRIGGER message_fts_update AFTER UPDATE OF subject, addr_from, addr_to, addr_cc ON message
        WHEN old.id < (SELECT indexed_below FROM fts_state) BEGIN
            INSERT INTO message_fts(message_fts, rowid, subject, addr_from, addr_to, addr_cc)
            VALUES ('delete', old.id, old.subject, old.addr_from, old.addr_to, old.addr_cc);
            INSERT INTO message_fts(rowid, subject, addr_from, addr_to, addr_cc)
            VALUES (new.id, new.subject, new.addr_from, new.addr_to, new.addr_cc);
        END
        """,
    ]

    /// The index that serves `column`'s order when it is one made on first use, else nil (date and
    /// uid are served from the start).
    ///
    /// Sender, subject and size orders are rare, and their indexes fill in random order: keeping
    /// them from the start made a first sync of 100,000 IMAP headers rewrite most of their pages
    /// in every transaction (400 MB written for a 48 MB file). Without them, `tern sync` of that
    /// folder (warm server, release build) took 3.9-5.1 s instead of 5.2-6.3 s, with 0.3 s of
    /// system time instead of 0.8-0.9 s. Made once (a sort of what the cache holds), they are kept
    /// up to date like the others.
    static func sortIndex(for column: CacheSort.Column) -> String? {
        switch column {
        case .from: "CREATE INDEX IF NOT EXISTS message_by_from ON message(mailbox_id, sort_from, uid)"
        case .subject: "CREATE INDEX IF NOT EXISTS message_by_subject ON message(mailbox_id, sort_subject, uid)"
        case .size: "CREATE INDEX IF NOT EXISTS message_by_size ON message(mailbox_id, size, uid)"
        case .date, .uid: nil
        }
    }

    /// Creates every table in an empty database and stamps it with the version, the account and
    /// the source the cache describes.
    static func create(_ db: Database, account: String, source: String) throws {
        for statement in statements { try db.execute(sql: statement) }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('account', ?), ('source', ?)",
                       arguments: [account, source])
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }
}
