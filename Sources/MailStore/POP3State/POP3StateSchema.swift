import GRDB

/// The versioned schema of the POP3 state database.
///
/// This is state, not a cache: losing it would download every message still on the server
/// again. So the schema only ever moves forward through migrations that keep the rows; it is
/// never dropped and rebuilt. A database written by a newer tern (with migrations this build does
/// not know) is refused rather than changed.
enum POP3StateSchema {
    /// The migrations, oldest first. Never edit a registered migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: messages") { db in
            try db.execute(sql: """
                CREATE TABLE message (
                    uidl TEXT NOT NULL PRIMARY KEY,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'downloaded')),
                    maildir_unique TEXT NOT NULL,
                    size INTEGER,
                    server_size INTEGER,
                    downloaded_at REAL,
                    deleted_on_server INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE INDEX message_status ON message (status) WHERE status = 'pending';
                """)
        }
        return migrator
    }
}
