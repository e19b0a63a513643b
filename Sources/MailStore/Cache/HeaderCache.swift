import Foundation
import GRDB
import MailCore

/// The header cache of one account: an SQLite database (WAL mode) holding, per folder, the
/// summaries of its messages, their flags, threading headers and a full-text index over the
/// searchable headers, so that the message list, counts and header search never touch the server
/// or read message files.
///
/// The cache is disposable. It is stamped with ``schemaVersion`` (`PRAGMA user_version`), the
/// account's name and a description of the mail source; when any of them differs, or the file is
/// not a usable database, it is deleted and built again (``wasRebuilt`` tells). Writes go through
/// ``write(_:)``, one transaction per call, so a sync batches its changes.
///
/// ```swift
/// let cache = try HeaderCache(url: HeaderCache.defaultLocation(account: "me"), account: "me", source: "maildir:/home/me/Mail")
/// let page = try cache.summaries(in: .inbox, sort: .newestFirst, range: 0 ..< 50)
/// ```
public final class HeaderCache: Sendable {
    /// The version of the tables; a database with another `user_version` is rebuilt.
    public static let schemaVersion = CacheSchema.version

    /// The database file, or `:memory:`.
    public let path: String
    /// The account the cache belongs to.
    public let account: String
    /// What the cache describes (e.g. `maildir:/home/me/Mail`); a different source rebuilds it.
    public let source: String
    /// True when an existing cache file could not be used (other version, account or source, or
    /// damaged) and was replaced by an empty one.
    public let wasRebuilt: Bool

    /// The database: a pool for a file (WAL: reads run beside a write, so a list can page
    /// through the cache while a first scan fills it), a queue in memory.
    let queue: any DatabaseWriter
    /// The sort indexes made on first use that this cache has made (or found) already.
    let madeSortIndexes = MadeSortIndexes()

    /// Opens (creating or rebuilding as needed) the cache database at `url`.
    /// - Parameters:
    ///   - url: The database file; its folder is created (mode 0700) when missing.
    ///   - account: The account's name, stored in the cache and checked on every open.
    ///   - source: A description of the mail source; stored and checked like `account`.
    /// - Throws: `CacheError` when the folder or file cannot be created or the database cannot be
    ///   opened even after a rebuild.
    public init(url: URL, account: String, source: String) throws {
        self.path = url.path
        self.account = account
        self.source = source
        try Self.prepareFile(url)
        var rebuilt = false
        var opened: (any DatabaseWriter)?
        do {
            let queue = try Self.openQueue(path: url.path)
            if try Self.isUsable(queue, account: account, source: source) {
                opened = queue
            } else {
                try? queue.close()
                rebuilt = true
            }
        } catch {
            rebuilt = true
        }
        if opened == nil {
            if rebuilt { Self.deleteFiles(url.path) }
            do {
                try Self.prepareFile(url)
                let queue = try Self.openQueue(path: url.path)
                _ = try Self.isUsable(queue, account: account, source: source)
                opened = queue
            } catch {
                throw CacheError(operation: "open the database", path: url.path, reason: "\(error)")
            }
        }
        self.queue = opened!
        self.wasRebuilt = rebuilt
    }

    /// A cache that lives only in memory (for tests and throw-away use).
    public init(inMemoryFor account: String, source: String = "memory") throws {
        self.path = ":memory:"
        self.account = account
        self.source = source
        self.wasRebuilt = false
        do {
            self.queue = try DatabaseQueue(configuration: Self.configuration())
            _ = try Self.isUsable(queue, account: account, source: source)
        } catch {
            throw CacheError(operation: "create an in-memory database", path: ":memory:", reason: "\(error)")
        }
    }

    /// Where the cache of `account` lives: `$XDG_CACHE_HOME/tern/ACCOUNT.sqlite`, by default
    /// `~/.cache/tern/ACCOUNT.sqlite`. Characters other than letters, digits, `.`, `_` and `-`
    /// in the account's name are written as `%XX`, so any name makes one plain file name.
    public static func defaultLocation(account: String,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        }
        return base.appendingPathComponent("tern").appendingPathComponent(fileName(for: account) + ".sqlite")
    }

    /// `account` as a file name: safe characters kept, others (and a leading dot) as `%XX`.
    static func fileName(for account: String) -> String {
        var out = ""
        for (index, byte) in account.utf8.enumerated() {
            let c = Character(UnicodeScalar(byte))
            let safe = (c.isASCII && (c.isLetter || c.isNumber)) || c == "_" || c == "-" || (c == "." && index > 0)
            out += safe ? String(c) : String(format: "%%%02X", byte)
        }
        return out.isEmpty ? "%00" : out
    }

    // MARK: - Opening

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.label = "tern header cache"
        config.maximumReaderCount = maximumReaders
        config.prepareDatabase { db in
            // WAL commits without fsync (a crash may lose the last transactions of a disposable
            // cache, never corrupt it). Page caches are upper bounds (pages are allocated only
            // when used, but a first sync fills them): readers fetch one page of rows or a count
            // at a time and get a small one; the writer's (see ``writerCacheKiB``) is what a
            // first sync's inserts need.
            let kibibytes = db.configuration.readonly ? readerCacheKiB : writerCacheKiB
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(kibibytes); PRAGMA temp_store = MEMORY")
        }
        return config
    }

    /// SQLite's page cache of the writing connection, in KiB. A first sync of 100,000 messages
    /// took as long with 4 MiB as with 8 or 16 MiB and peaked 14 MB lower than with 16 MiB
    /// (`tern sync`: IMAP 10.5 s, 79 MB against 93 MB; a Maildir 9 to 11 s either way, 61 MB
    /// against 74 MB).
    static let writerCacheKiB = 4 * 1024
    /// SQLite's page cache of each reading connection, in KiB.
    static let readerCacheKiB = 2 * 1024
    /// Reading connections at most (the list, counts and a sync's reads run side by side).
    static let maximumReaders = 3

    private static func openQueue(path: String) throws -> any DatabaseWriter {
        try DatabasePool(path: path, configuration: configuration())
    }

    /// Creates the folder (0700) and an empty file (0600) so that the cache is private from the
    /// start; SQLite gives its -wal and -shm files the same mode.
    private static func prepareFile(_ url: URL) throws {
        let folder = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw CacheError(operation: "create the cache folder", path: folder.path, reason: "\(error)")
            }
        }
        let fd = Glibc.open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 {
            throw CacheError(operation: "create the database file", path: url.path, reason: String(cString: strerror(errno)))
        }
        close(fd)
    }

    private static func deleteFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// True when the database is a cache of this version, account and source; creates the tables
    /// in an empty database. False means: delete the file and start again.
    private static func isUsable(_ queue: any DatabaseWriter, account: String, source: String) throws -> Bool {
        try queue.write { db in
            let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if version == 0 && tableCount == 0 {
                try CacheSchema.create(db, account: account, source: source)
                return true
            }
            guard version == CacheSchema.version else { return false }
            let meta = try Row.fetchAll(db, sql: "SELECT key, value FROM meta")
            var values: [String: String] = [:]
            for row in meta { values[row["key"]] = row["value"] }
            return values["account"] == account && values["source"] == source
        }
    }

    // MARK: - Access

    /// Runs `body` in one write transaction: every change it makes is committed together, or none
    /// when it throws.
    /// - Throws: what `body` throws, or `CacheError` when SQLite fails.
    @discardableResult
    public func write<T>(_ body: (CacheWriter) throws -> T) throws -> T {
        try translating("write") {
            try queue.write { db in
                let writer = CacheWriter(db: db)
                let result = try body(writer)
                try writer.flush()
                return result
            }
        }
    }

    /// Runs a read on the database.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        try translating(operation) { try queue.read(body) }
    }

    /// Turns GRDB's errors into `CacheError`s; other errors pass through.
    func translating<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw CacheError(operation: operation, path: path, reason: error.message ?? error.description)
        }
    }
}

/// The set of ``CacheSort/Column``s whose first-use index exists, shared by a cache's threads.
final class MadeSortIndexes: @unchecked Sendable {
    private let lock = NSLock()
    private var columns: Set<CacheSort.Column> = []

    func contains(_ column: CacheSort.Column) -> Bool { lock.withLock { columns.contains(column) } }

    func insert(_ column: CacheSort.Column) { _ = lock.withLock { columns.insert(column) } }
}
