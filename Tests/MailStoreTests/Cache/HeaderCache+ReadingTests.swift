import Foundation
import GRDB
import MailCore
import Testing
@testable import MailStore

@Suite struct HeaderCacheCountTests {
    /// The counts kept in the folder's row, next to counting the rows.
    static func check(_ cache: HeaderCache, _ path: MailboxPath, total: Int, unread: Int,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let counted = try cache.read("test") { db -> (Int, Int) in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM mailbox WHERE path = ?", arguments: [CacheCoding.encode(path)]) ?? -1
            return (try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE mailbox_id = ?", arguments: [id]) ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE mailbox_id = ? AND flags & 1 = 0", arguments: [id]) ?? 0)
        }
        #expect(counted.0 == total && counted.1 == unread, "rows", sourceLocation: sourceLocation)
        #expect(try cache.counts(in: path) == CacheCounts(total: total, unread: unread), "kept counts", sourceLocation: sourceLocation)
        #expect(try cache.count(in: path) == total, sourceLocation: sourceLocation)
        #expect(try cache.count(in: path, filter: .all) == total, sourceLocation: sourceLocation)
    }

    @Test func countsFollowEveryChange() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let inbox = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        let other = try cache.write { try $0.ensureMailbox(MailboxPath(["Other"])).mailbox }
        try Self.check(cache, .inbox, total: 0, unread: 0)
        try cache.write { w in
            try w.insertNew(CacheFixtures.message(subject: "a", date: nil, file: "new/a"), in: inbox)
            try w.insertNew(CacheFixtures.message(subject: "b", date: nil, flags: [.seen], file: "cur/b:2,S"), in: inbox)
            try w.insertNew(CacheFixtures.message(subject: "c", date: nil, file: "new/c"), in: inbox)
            try w.insertNew(CacheFixtures.message(subject: "a", date: nil, file: "new/a"), in: inbox) // ignored: known
            try w.insertNew(CacheFixtures.message(subject: "x", date: nil, file: "new/x"), in: other)
        }
        try Self.check(cache, .inbox, total: 3, unread: 2)
        try Self.check(cache, MailboxPath(["Other"]), total: 1, unread: 1)
        try cache.write { try $0.updateFlags(UID(1), in: inbox, flags: [.seen, .flagged]) }
        try Self.check(cache, .inbox, total: 3, unread: 1)
        try cache.write { try $0.updateFlags(UID(1), in: inbox, flags: [.seen]) }
        try Self.check(cache, .inbox, total: 3, unread: 1)
        try cache.write { try $0.remove([UID(2)], in: inbox) }
        try Self.check(cache, .inbox, total: 2, unread: 1)
        // IMAP-style upserts: a new uid, then the same uid with other flags.
        try cache.write { try $0.insert(CacheFixtures.message(uid: 40, subject: "imap", date: nil), in: inbox) }
        try Self.check(cache, .inbox, total: 3, unread: 2)
        try cache.write { try $0.insert(CacheFixtures.message(uid: 40, subject: "imap", date: nil, flags: [.seen]), in: inbox) }
        try Self.check(cache, .inbox, total: 3, unread: 1)
        // A new UIDVALIDITY drops the folder's messages.
        try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 7) }
        try Self.check(cache, .inbox, total: 0, unread: 0)
        try Self.check(cache, MailboxPath(["Other"]), total: 1, unread: 1)
        try cache.write { try $0.removeMailbox(MailboxPath(["Other"])) }
        try Self.check(cache, MailboxPath(["Other"]), total: 0, unread: 0)
    }

    /// Inserts are counted by the writer when the transaction ends (no trigger per row): changes
    /// to the same rows in the same transaction must still leave the counts right.
    @Test func countsOfRowsInsertedAndChangedInOneTransaction() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let inbox = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 1).mailbox }
        let fetched = (1 ... 6).map { CacheFixtures.message(uid: UInt32($0), subject: "m\($0)", date: nil, flags: $0 % 2 == 0 ? [.seen] : []) }
        try cache.write { w in
            #expect(try w.insertFetched(fetched, in: inbox) == 6)
            #expect(try w.insertFetched(Array(fetched.prefix(2)), in: inbox) == 0, "known uids are replaced, not counted again")
            try w.updateFlags(UID(1), in: inbox, flags: [.seen])
            try w.remove([UID(2), UID(3)], in: inbox)
        }
        try Self.check(cache, .inbox, total: 4, unread: 1)
        try cache.write { w in
            try w.insertFetched([CacheFixtures.message(uid: 9, subject: "new", date: nil)], in: inbox)
            // A new UIDVALIDITY in the same transaction drops the row just inserted too.
            try w.ensureMailbox(.inbox, uidValidity: 2)
            try w.insertFetched([CacheFixtures.message(uid: 1, subject: "again", date: nil)], in: inbox)
        }
        try Self.check(cache, .inbox, total: 1, unread: 1)
    }

    @Test func filteredCountsStillCountRows() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let inbox = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        try cache.write { w in
            try w.insertNew(CacheFixtures.message(subject: "alpha", date: nil, file: "new/a"), in: inbox)
            try w.insertNew(CacheFixtures.message(subject: "beta", date: nil, flags: [.seen], file: "cur/b:2,S"), in: inbox)
        }
        #expect(try cache.count(in: .inbox, filter: .field(.subject, "alpha")) == 1)
        #expect(try cache.count(in: .inbox, filter: .flag(.seen)) == 1)
        #expect(try cache.count(in: .inbox, filter: CacheFilter.none) == 0)
    }
}
