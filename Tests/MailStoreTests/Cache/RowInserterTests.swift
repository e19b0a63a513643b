import Foundation
import GRDB
import MailCore
import Testing
@testable import MailStore

@Suite struct RowInserterTests {
    static let full = CachedMessage(
        uid: UID(9),
        envelope: Envelope(subject: "Hé ☕", from: [Address(name: "Ann", address: "ann@example.org")],
                           sender: Address(address: "list@example.org"), replyTo: [Address(address: "r@example.org")],
                           to: [Address(address: "a@x.org"), Address(name: "B", address: "b@x.org")],
                           cc: [Address(name: "C", address: "")], bcc: [Address(address: "hidden@x.org")],
                           date: Date(timeIntervalSince1970: 1_700_000_000.5), messageID: MessageID("<id@x>"),
                           inReplyTo: [MessageID("p@x")], references: [MessageID("r1@x"), MessageID("p@x")]),
        flags: [.seen, .forwarded, .keyword("$Label1")], size: 1234, receivedDate: Date(timeIntervalSince1970: 1_700_000_100),
        hasAttachments: true, hasAttachmentsIsExact: false, modSeq: 77, maildirFile: "cur/u.1:2,PS")
    static let empty = CachedMessage(uid: UID(3), envelope: Envelope(), flags: [], size: 0, receivedDate: nil,
                                     hasAttachments: false, maildirFile: "new/plain")

    /// Rows bound through SQLite's C interface are stored exactly as GRDB's arguments store them
    /// (types included: an empty subject is '' and not NULL, dates are REAL).
    @Test(arguments: [full, empty])
    func rowsMatchTheArgumentPath(message: CachedMessage) throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let a = try cache.write { try $0.ensureMailbox(MailboxPath(["A"])).mailbox }
        let b = try cache.write { try $0.ensureMailbox(MailboxPath(["B"])).mailbox }
        try cache.write { w in
            let statement = try w.db.cachedStatement(sql: CacheWriter.insertNewSQL)
            try statement.execute(arguments: CacheWriter.arguments(message, uid: message.uid, mailbox: a))
            try w.markUnindexed(w.db.lastInsertedRowID)
        }
        #expect(try cache.write { try $0.insertNew(message, in: b, uid: message.uid) } == message.uid)
        let rows: [[String]] = try cache.read("test") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM message ORDER BY mailbox_id").map { row -> [String] in
                let names = Array(row.columnNames).filter { $0 != "id" && $0 != "mailbox_id" }
                return names.map { name -> String in
                    let value: DatabaseValue = row[name]
                    return "\(name)=\(value)"
                }
            }
        }
        #expect(rows.count == 2)
        #expect(rows.first == rows.last)
        #expect(try cache.message(message.uid, in: MailboxPath(["B"]))?.maildirFile == message.maildirFile)
        // The same unique name again is ignored.
        #expect(try cache.write { try $0.insertNew(message, in: b, uid: UID(99)) } == nil)
    }

    @Test(arguments: [("cur/1.M2P3.host:2,S", "1.M2P3.host"), ("new/abc", "abc"), ("plain", "plain"), ("cur/x:2,:odd", "x")])
    func uniqueNames(file: String, unique: String) {
        #expect(RowInserter.unique(ofFile: file).map(String.init) == unique)
        #expect(CachedMessage(uid: UID(1), envelope: Envelope(), flags: [], size: 0, receivedDate: nil, hasAttachments: false,
                              maildirFile: file).maildirUnique == unique)
    }

    /// Inserting after the transaction ended fails with an error rather than touching a finalized statement.
    @Test func aClosedInserterThrows() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        try cache.write { w in
            let box = try w.ensureMailbox(.inbox).mailbox
            let inserter = try RowInserter(db: w.db, sql: CacheWriter.insertNewSQL)
            inserter.close()
            #expect(throws: DatabaseError.self) { try inserter.insert(Self.empty, uid: UID(1), mailbox: box) }
        }
    }
}
