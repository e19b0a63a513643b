import Foundation
import GRDB
import MailCore

/// The address book on disk (SQLite): contacts imported by the user and the addresses harvested
/// from mail with how often and how recently each was used.
///
/// Imported contacts are the user's data: the schema is migrated, never dropped. Harvesting is
/// idempotent per message (a message counted once however often it is harvested).
public final class ContactStore: Sendable {
    /// The database file.
    public let path: String
    private let queue: DatabaseQueue

    /// The time after which a use counts half as much: 30 days.
    public static let halfLife: TimeInterval = 30 * 86_400

    /// `2^-(Δt / halfLife)`, 1 for a time in the future.
    static func decay(from: Date, to: Date) -> Double {
        let elapsed = to.timeIntervalSince(from)
        return elapsed <= 0 ? 1 : pow(2, -elapsed / halfLife)
    }

    /// Opens (creating when needed) the address book at `path`, its folder with mode 0700.
    ///
    /// - Throws: ``ContactStoreError`` when the file cannot be opened or migrated.
    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw ContactStoreError(operation: "open the address book", path: path, reason: "\(error)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE contact (
                    key TEXT PRIMARY KEY NOT NULL,
                    address TEXT NOT NULL,
                    name TEXT,
                    nickname TEXT,
                    imported INTEGER NOT NULL DEFAULT 0,
                    use_count INTEGER NOT NULL DEFAULT 0,
                    last_used REAL,
                    score REAL NOT NULL DEFAULT 0,
                    score_time REAL,
                    search_text TEXT NOT NULL
                );
                CREATE TABLE harvested_message (key TEXT PRIMARY KEY NOT NULL);
                """)
        }
        return migrator
    }

    // MARK: - Import

    /// Adds imported contacts; an address already known gets the name and nickname it lacked.
    ///
    /// - Throws: ``ContactStoreError`` when the database refuses.
    @discardableResult
    public func importContacts(_ records: [ContactRecord]) throws -> ContactImportSummary {
        try write("import contacts") { db in
            var summary = ContactImportSummary()
            for record in records where record.address.isUsable {
                let key = record.address.comparisonKey
                if let row = try Row.fetchOne(db, sql: "SELECT name, nickname, imported FROM contact WHERE key = ?", arguments: [key]) {
                    let oldName: String? = row["name"]
                    let oldNickname: String? = row["nickname"]
                    let wasImported: Bool = row["imported"]
                    let name = (record.address.name?.isEmpty == false ? record.address.name : nil) ?? oldName
                    let nickname = record.nickname ?? oldNickname
                    // An import is the user's word on the name: it replaces a harvested one.
                    let newName = wasImported ? (oldName ?? name) : name
                    if newName == oldName && nickname == oldNickname && wasImported {
                        summary.unchanged += 1
                        continue
                    }
                    try db.execute(sql: "UPDATE contact SET name = ?, nickname = ?, imported = 1, search_text = ? WHERE key = ?",
                                   arguments: [newName, nickname, Self.searchText(record.address.address, newName, nickname), key])
                    summary.updated += 1
                } else {
                    try db.execute(sql: """
                        INSERT INTO contact (key, address, name, nickname, imported, search_text) VALUES (?, ?, ?, ?, 1, ?)
                        """, arguments: [key, record.address.address, record.address.name, record.nickname,
                                         Self.searchText(record.address.address, record.address.name, record.nickname)])
                    summary.added += 1
                }
            }
            return summary
        }
    }

    // MARK: - Harvest

    /// Records the addresses of one message.
    ///
    /// - Parameters:
    ///   - uses: the addresses and their weights.
    ///   - messageKey: a key of the message (its Message-ID, or account/folder/uid); a message
    ///     already recorded is skipped. Nil records the uses without this check.
    /// - Returns: false when the message had been recorded before.
    /// - Throws: ``ContactStoreError`` when the database refuses.
    @discardableResult
    public func recordUses(_ uses: [ContactUse], messageKey: String?) throws -> Bool {
        try write("remember addresses") { db in
            if let messageKey {
                try db.execute(sql: "INSERT OR IGNORE INTO harvested_message (key) VALUES (?)", arguments: [messageKey])
                if db.changesCount == 0 { return false }
            }
            for use in uses where use.address.isUsable {
                try Self.record(use, in: db)
            }
            return true
        }
    }

    private static func record(_ use: ContactUse, in db: Database) throws {
        let key = use.address.comparisonKey
        let name = use.address.name?.isEmpty == false ? use.address.name : nil
        let time = use.date.timeIntervalSince1970
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contact WHERE key = ?", arguments: [key]) else {
            try db.execute(sql: """
                INSERT INTO contact (key, address, name, use_count, last_used, score, score_time, search_text)
                VALUES (?, ?, ?, 1, ?, ?, ?, ?)
                """, arguments: [key, use.address.address, name, time, use.weight, time, searchText(use.address.address, name, nil)])
            return
        }
        let oldScore: Double = row["score"]
        let oldTime: Double? = row["score_time"]
        let oldLast: Double? = row["last_used"]
        let imported: Bool = row["imported"]
        var score: Double
        var scoreTime: Double
        if let oldTime, oldTime > time {
            // An older mail harvested late: its use counts as it would have decayed by now.
            score = oldScore + use.weight * decay(from: Date(timeIntervalSince1970: time), to: Date(timeIntervalSince1970: oldTime))
            scoreTime = oldTime
        } else {
            score = (oldTime.map { oldScore * decay(from: Date(timeIntervalSince1970: $0), to: use.date) } ?? 0) + use.weight
            scoreTime = time
        }
        let newer = oldLast.map { time >= $0 } ?? true
        var newName: String? = row["name"]
        // The newest mail's display name wins, unless the user imported one.
        if !imported, newer, let name { newName = name }
        if newName == nil { newName = name }
        let nickname: String? = row["nickname"]
        try db.execute(sql: """
            UPDATE contact SET use_count = use_count + 1, last_used = ?, score = ?, score_time = ?, name = ?, search_text = ?
            WHERE key = ?
            """, arguments: [max(time, oldLast ?? time), score, scoreTime, newName,
                             searchText(row["address"], newName, nickname), key])
    }

    // MARK: - Reading

    /// Contacts whose name, address or nickname contains `text` (ignoring case and accents), or
    /// all of them for an empty text; at most `limit` (the most used first when limited).
    ///
    /// - Throws: ``ContactStoreError`` when the database refuses.
    public func search(_ text: String, limit: Int? = nil) throws -> [StoredContact] {
        try read("search the address book") { db in
            var sql = "SELECT * FROM contact"
            var arguments: StatementArguments = []
            let needle = Self.fold(text)
            if !needle.isEmpty {
                sql += " WHERE instr(search_text, ?) > 0"
                arguments += [needle]
            }
            sql += " ORDER BY score DESC, address"
            if let limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.contact)
        }
    }

    /// The number of contacts.
    public func count() throws -> Int {
        try read("count the contacts") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact") ?? 0 }
    }

    /// Removes a contact.
    ///
    /// - Returns: false when there was none with this address.
    @discardableResult
    public func forget(_ address: Address) throws -> Bool {
        try write("remove a contact") { db in
            try db.execute(sql: "DELETE FROM contact WHERE key = ?", arguments: [address.comparisonKey])
            return db.changesCount > 0
        }
    }

    private static func contact(_ row: Row) -> StoredContact {
        let lastUsed: Double? = row["last_used"]
        let scoreTime: Double? = row["score_time"]
        return StoredContact(address: Address(name: row["name"], address: row["address"]), nickname: row["nickname"],
                             imported: row["imported"], useCount: row["use_count"],
                             lastUsed: lastUsed.map { Date(timeIntervalSince1970: $0) }, score: row["score"],
                             scoreTime: scoreTime.map { Date(timeIntervalSince1970: $0) })
    }

    static func searchText(_ address: String, _ name: String?, _ nickname: String?) -> String {
        fold([name, address, nickname].compactMap { $0 }.joined(separator: "\u{1F}"))
    }

    /// Lower case without accents: what searches compare (`emile` finds `Émile`).
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    private func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch {
            throw ContactStoreError(operation: operation, path: path, reason: "\(error)")
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw ContactStoreError(operation: operation, path: path, reason: "\(error)")
        }
    }
}

/// A failure of the address book database.
public struct ContactStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What tern was doing.
    public var operation: String
    /// The database file.
    public var path: String
    /// The reason.
    public var reason: String

    /// An error from its fields.
    public init(operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    public var description: String { "Could not \(operation) (\(path)): \(reason)." }
}
