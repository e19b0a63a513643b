import Foundation
import GRDB

/// The record of what a POP3 account has downloaded: one small SQLite database per account
/// (``POP3StateStore/fileName`` in the root of the account's Maildir).
///
/// Every change is one transaction, committed durably (WAL with `synchronous = FULL`) before
/// the call returns, so a caller may act on it at once (send DELE for a message it has just
/// marked downloaded).
///
/// ```
/// let state = try POP3StateStore(path: maildirRoot.appendingPathComponent(POP3StateStore.fileName).path)
/// try state.recordPending([POP3PendingDownload(uniqueID: "00000001", maildirUnique: name, serverSize: 120)])
/// ... write the message, commit it into new/ ...
/// try state.markDownloaded([("00000001", 118)], at: Date())
/// ```
public final class POP3StateStore: Sendable {
    /// The name of the database file in the root of the account's Maildir.
    public static let fileName = "tern-pop3-state.sqlite"

    /// The database file, or `:memory:`.
    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating it and its folder if needed) the database at `path` and brings its schema
    /// up to date.
    ///
    /// - Throws: ``POP3StateError`` `.cannotOpen` when the file cannot be opened or is not a
    ///   state database, `.newerSchema` when a newer tern wrote it.
    public convenience init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "tern.pop3-state"
        configuration.prepareDatabase { db in
            // Not `configuration.journalMode = .wal`: GRDB then lowers `synchronous` to NORMAL,
            // whose commits can be lost on power failure. A commit here must be on disk before
            // the DELE it allows is sent.
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw POP3StateError(.cannotOpen, operation: "create its folder", path: path,
                                     reason: (error as NSError).localizedDescription)
            }
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw POP3StateError(.cannotOpen, operation: "open", path: path, reason: Self.reason(error))
        }
        try self.init(queue: queue, path: path)
    }

    /// A database in memory, for tests.
    public static func inMemory() throws -> POP3StateStore {
        try POP3StateStore(queue: DatabaseQueue(), path: ":memory:")
    }

    private init(queue: DatabaseQueue, path: String) throws {
        self.queue = queue
        self.path = path
        let migrator = POP3StateSchema.migrator
        do {
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                throw POP3StateError(.newerSchema, operation: "open", path: path,
                                     reason: "its schema has migrations this tern does not know")
            }
            try migrator.migrate(queue)
        } catch let error as POP3StateError {
            throw error
        } catch {
            throw POP3StateError(.cannotOpen, operation: "open", path: path, reason: Self.reason(error))
        }
    }

    // MARK: - Reading

    /// Every record, by unique id.
    public func records() throws -> [String: POP3StateRecord] {
        try read("read the download records") { db in
            var result: [String: POP3StateRecord] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM message")
            while let row = try rows.next() {
                let record = try Self.record(row, path: self.path)
                result[record.uniqueID] = record
            }
            return result
        }
    }

    /// The records still `pending`: downloads a crash or a lost connection interrupted.
    public func pendingRecords() throws -> [POP3StateRecord] {
        try read("read the interrupted downloads") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM message WHERE status = 'pending' ORDER BY uidl")
                .map { try Self.record($0, path: self.path) }
        }
    }

    /// The record of one message, or nil.
    public func record(for uniqueID: String) throws -> POP3StateRecord? {
        try read("read a download record") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM message WHERE uidl = ?", arguments: [uniqueID])
                .map { try Self.record($0, path: self.path) }
        }
    }

    // MARK: - Writing

    /// Records messages as `pending` under the Maildir names they are about to get, in one
    /// transaction, before any of them becomes visible in the Maildir. A `pending` record of the
    /// same id (left by an interrupted run) is replaced; a `downloaded` one is left as it is.
    ///
    /// - Throws: ``POP3StateError`` `.failed`.
    public func recordPending(_ downloads: [POP3PendingDownload]) throws {
        guard !downloads.isEmpty else { return }
        try write("record the messages about to be downloaded") { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO message (uidl, status, maildir_unique, server_size) VALUES (?, 'pending', ?, ?)
                ON CONFLICT (uidl) DO UPDATE SET maildir_unique = excluded.maildir_unique,
                    server_size = excluded.server_size WHERE status = 'pending'
                """)
            for download in downloads {
                try statement.execute(arguments: [download.uniqueID, download.maildirUnique, download.serverSize])
            }
        }
    }

    /// Marks messages `downloaded` (safe in the Maildir) with their size on disk, in one
    /// transaction. Only after this returns may they be deleted from the server.
    public func markDownloaded(_ messages: [(uniqueID: String, size: Int)], at date: Date) throws {
        guard !messages.isEmpty else { return }
        try write("record downloaded messages") { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE message SET status = 'downloaded', size = ?, downloaded_at = ? WHERE uidl = ?
                """)
            for message in messages {
                try statement.execute(arguments: [message.size, date.timeIntervalSince1970, message.uniqueID])
            }
        }
    }

    /// Removes records (pending downloads that never reached the Maildir).
    public func forget(_ uniqueIDs: [String]) throws {
        guard !uniqueIDs.isEmpty else { return }
        try write("forget interrupted downloads") { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM message WHERE uidl = ?")
            for id in uniqueIDs { try statement.execute(arguments: [id]) }
        }
    }

    /// Marks messages as deleted from the server (after the QUIT that followed their DELE).
    public func markDeletedOnServer(_ uniqueIDs: [String]) throws {
        guard !uniqueIDs.isEmpty else { return }
        try write("record messages deleted from the server") { db in
            let statement = try db.cachedStatement(sql: "UPDATE message SET deleted_on_server = 1 WHERE uidl = ?")
            for id in uniqueIDs { try statement.execute(arguments: [id]) }
        }
    }

    /// Drops the `downloaded` records of messages the server no longer lists (deleted by tern
    /// or by another client), so the database does not grow forever. Pending records stay.
    ///
    /// - Parameter listed: Every unique id of a complete UIDL answer.
    /// - Returns: How many records were dropped.
    @discardableResult
    public func prune(keeping listed: Set<String>) throws -> Int {
        try write("drop records of messages gone from the server") { db in
            let known = try String.fetchAll(db, sql: "SELECT uidl FROM message WHERE status = 'downloaded'")
            let statement = try db.cachedStatement(sql: "DELETE FROM message WHERE uidl = ?")
            var dropped = 0
            for id in known where !listed.contains(id) {
                try statement.execute(arguments: [id])
                dropped += 1
            }
            return dropped
        }
    }

    // MARK: - Helpers

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as POP3StateError {
            throw error
        } catch {
            throw POP3StateError(.failed, operation: operation, path: path, reason: Self.reason(error))
        }
    }

    private func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch {
            throw POP3StateError(.failed, operation: operation, path: path, reason: Self.reason(error))
        }
    }

    private static func record(_ row: Row, path: String) throws -> POP3StateRecord {
        let text: String = row["status"]
        guard let status = POP3StateRecord.Status(rawValue: text) else {
            throw POP3StateError(.failed, operation: "read a download record", path: path,
                                 reason: "unknown status \"\(text)\"")
        }
        let downloaded: Double? = row["downloaded_at"]
        return POP3StateRecord(
            uniqueID: row["uidl"], status: status, maildirUnique: row["maildir_unique"], size: row["size"],
            serverSize: row["server_size"], downloadedAt: downloaded.map { Date(timeIntervalSince1970: $0) },
            deletedOnServer: row["deleted_on_server"])
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        return "\(error)"
    }
}
