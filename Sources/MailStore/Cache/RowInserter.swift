import Foundation
import GRDB
import GRDBSQLite
import MailCore

/// Inserts message rows with SQLite's C interface: one prepared statement per transaction, the 25
/// values of a row bound straight from its ``EncodedRow`` (a first scan inserts 100,000 rows;
/// building GRDB `StatementArguments` for each cost more than SQLite's insert itself). The
/// statement may be an upsert (``CacheWriter/upsertSQL``) as well as an `INSERT OR IGNORE`.
///
/// The statement is finalized by ``close()`` (``CacheWriter`` calls it when its transaction
/// ends) or when the inserter is released.
final class RowInserter {
    private let db: Database
    private let sql: String
    private var statement: OpaquePointer?

    /// Prepares `sql`, an INSERT of ``CacheWriter/insertColumns`` in their order.
    init(db: Database, sql: String) throws {
        self.db = db
        self.sql = sql
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed", sql: sql)
        }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            sqlite3_finalize(prepared)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        statement = prepared
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Finalizes the statement; later inserts fail.
    func close() {
        sqlite3_finalize(statement)
        statement = nil
    }

    /// Inserts one row.
    /// - Returns: true when a row was inserted (false when `INSERT OR IGNORE` ignored it).
    /// - Throws: `DatabaseError` when SQLite fails.
    func insert(_ m: CachedMessage, uid: UID, mailbox: CacheMailbox) throws -> Bool {
        try insert(EncodedRow(m, uid: uid), mailboxID: mailbox.id)
    }

    /// Inserts one encoded row (its own uid) into the folder `mailboxID`.
    /// - Returns: true when a row was inserted (false when `INSERT OR IGNORE` ignored it, or an
    ///   upsert updated the existing row).
    /// - Throws: `DatabaseError` when SQLite fails.
    func insert(_ row: EncodedRow, mailboxID: Int64) throws -> Bool {
        guard let statement else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the insert statement was finalized", sql: sql)
        }
        // The text is bound in place (SQLITE_STATIC): the row's buffer stays put until the step
        // and the clearing of the bindings below are done. Copying each of the 13 columns cost
        // SQLite a malloc, a copy and a free per column.
        return try row.withTextColumns { columnBytes in
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            var column: Int32 = 0
            func next() -> Int32 {
                column += 1
                return column
            }
            func int(_ value: Int64?) {
                if let value { sqlite3_bind_int64(statement, next(), value) } else { sqlite3_bind_null(statement, next()) }
            }
            func real(_ value: Double?) {
                if let value { sqlite3_bind_double(statement, next(), value) } else { sqlite3_bind_null(statement, next()) }
            }
            func text(_ value: EncodedRow.Text) {
                let index = next()
                guard let bytes = columnBytes(value) else {
                    sqlite3_bind_null(statement, index)
                    return
                }
                // An empty buffer may have no address; SQLite reads a null pointer as NULL, not ''.
                if let base = bytes.baseAddress, !bytes.isEmpty {
                    sqlite3_bind_text(statement, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
                } else {
                    sqlite3_bind_text(statement, index, "", 0, Self.transient)
                }
            }
            int(mailboxID)
            int(Int64(row.uid.value))
            int(row.flagBits)
            text(.keywords)
            int(row.modSeq)
            int(row.size)
            real(row.received)
            real(row.date)
            real(row.sortDate)
            text(.subject)
            text(.sortSubject)
            text(.sortFrom)
            text(.from)
            text(.to)
            text(.cc)
            text(.bcc)
            text(.replyTo)
            text(.sender)
            text(.messageID)
            text(.inReplyTo)
            text(.references)
            int(row.hasAttachments ? 1 : 0)
            int(row.hasAttachmentsIsExact ? 1 : 0)
            text(.maildirUnique)
            text(.maildirFile)
            switch sqlite3_step(statement) {
            case SQLITE_DONE, SQLITE_ROW:
                return sqlite3_changes(db.sqliteConnection) > 0
            case let code:
                let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
        }
    }

    /// ``CachedMessage/maildirUnique`` as a slice of the path (no copy).
    static func unique(ofFile file: String?) -> Substring? {
        guard let file else { return nil }
        let utf8 = file.utf8
        let start = utf8.firstIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let end = utf8[start...].firstIndex(of: UInt8(ascii: ":")) ?? utf8.endIndex
        return file[start ..< end]
    }

    /// SQLite copies bound text before `sqlite3_bind_text` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
