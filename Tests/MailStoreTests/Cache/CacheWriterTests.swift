import Foundation
import MailCore
import Testing
@testable import MailStore

@Suite struct CacheWriterTests {
    @Test func newMessagesGetIncreasingUIDsAndDuplicatesAreIgnored() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let uids = try cache.write { w -> [UID?] in
            let box = try w.ensureMailbox(.inbox).mailbox
            return try ["a", "b", "a", "c"].map { try w.insertNew(CacheFixtures.message(subject: $0, date: nil, file: "new/\($0)"), in: box) }
        }
        #expect(uids == [UID(1), UID(2), nil, UID(3)])
        let later = try cache.write { w in
            try w.insertNew(CacheFixtures.message(subject: "d", date: nil, file: "cur/d:2,S"), in: try w.ensureMailbox(.inbox).mailbox)
        }
        #expect(later == UID(4))
        #expect(try cache.mailbox(.inbox)?.uidNext == 5)
    }

    @Test func uidsAreNotReusedAfterRemoval() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        try cache.write { w in
            try w.insertNew(CacheFixtures.message(subject: "a", date: nil, file: "new/a"), in: box)
            try w.insertNew(CacheFixtures.message(subject: "b", date: nil, file: "new/b"), in: box)
        }
        try cache.write { try $0.remove([UID(2)], in: box) }
        let next = try cache.write { try $0.insertNew(CacheFixtures.message(subject: "c", date: nil, file: "new/c"), in: box) }
        #expect(next == UID(3))
    }

    @Test func aNewUIDValidityDropsTheFolder() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 7).mailbox }
        try cache.write { try $0.insert(CacheFixtures.message(uid: 42, subject: "x", date: nil), in: box) }
        let same = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 7) }
        #expect(!same.reset)
        #expect(try cache.count(in: .inbox) == 1)
        let changed = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 8) }
        #expect(changed.reset)
        #expect(changed.mailbox.uidValidity == 8)
        #expect(try cache.count(in: .inbox) == 0)
    }

    @Test func messagesRoundTrip() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let envelope = Envelope(subject: "Hé", from: [Address(name: "Ann \u{1F} X", address: "ann@example.org")],
                                sender: Address(address: "list@example.org"), replyTo: [Address(address: "r@example.org")],
                                to: [Address(address: "a@x.org"), Address(name: "B", address: "b@x.org")],
                                cc: [Address(name: "C", address: "")], bcc: [Address(address: "hidden@x.org")],
                                date: Date(timeIntervalSince1970: 1_700_000_000.5), messageID: MessageID("<id@x>"),
                                inReplyTo: [MessageID("p@x")], references: [MessageID("r1@x"), MessageID("p@x")])
        let original = CachedMessage(uid: UID(9), envelope: envelope, flags: [.seen, .forwarded, .keyword("$Label1")], size: 1234,
                                     receivedDate: Date(timeIntervalSince1970: 1_700_000_100), hasAttachments: true,
                                     hasAttachmentsIsExact: false, modSeq: 77, maildirFile: "cur/u:2,PS")
        let box = try cache.write { try $0.ensureMailbox(MailboxPath(["A", "b.c/d"])).mailbox }
        try cache.write { try $0.insert(original, in: box) }
        var expected = original
        expected.envelope.from[0].name = "Ann \u{FFFD} X"
        #expect(try cache.message(UID(9), in: MailboxPath(["A", "b.c/d"])) == expected)
        #expect(try cache.mailboxes().map(\.path) == [MailboxPath(["A", "b.c/d"])])
        let rows = try cache.threadingRows(in: MailboxPath(["A", "b.c/d"]))
        #expect(rows == [CachedThreadingRow(uid: UID(9), messageID: MessageID("id@x"), inReplyTo: [MessageID("p@x")],
                                            references: [MessageID("r1@x"), MessageID("p@x")], subject: "Hé",
                                            date: Date(timeIntervalSince1970: 1_700_000_000.5))])
    }

    @Test func flagUpdatesAndRenamesAndAttachmentFixes() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        try cache.write { try $0.insertNew(CacheFixtures.message(subject: "a", date: nil, file: "new/a"), in: box) }
        try cache.write { w in
            try w.updateFlags(UID(1), in: box, flags: [.seen, .flagged], maildirFile: "cur/a:2,FS")
            try w.setHasAttachments(UID(1), in: box, true)
        }
        let m = try #require(try cache.message(UID(1), in: .inbox))
        #expect(m.flags == [.seen, .flagged])
        #expect(m.maildirFile == "cur/a:2,FS")
        #expect(m.hasAttachments && m.hasAttachmentsIsExact)
        #expect(try cache.maildirIndex(in: .inbox) == [MaildirIndexEntry(uid: UID(1), file: "cur/a:2,FS")])
        #expect(try cache.maildirIndex(in: .inbox).first?.unique == "a")
        try cache.write { try $0.renameMailbox(.inbox, to: MailboxPath(["Old"])) }
        #expect(try cache.message(UID(1), in: MailboxPath(["Old"]))?.maildirFile == "cur/a:2,FS")
        try cache.write { try $0.removeMailbox(MailboxPath(["Old"])) }
        #expect(try cache.mailboxes().isEmpty)
    }

    @Test func addressesRoundTripThroughTheCompactEncoding() {
        let list = [Address(name: "A, B", address: "ab@x.org"), Address(address: "plain@x.org"), Address(name: "bad", address: "")]
        #expect(CacheCoding.decodeAddresses(CacheCoding.encode(list)) == list)
        #expect(CacheCoding.decodeAddresses(CacheCoding.encode([])) == [])
    }
}

@Suite struct CacheFullTextIndexTests {
    /// FTS5's own consistency check of the external-content index: it throws when the index and
    /// the `message` table disagree. The rows that wait for the index are added first (until then
    /// the check finds them missing, by design).
    private func check(_ cache: HeaderCache) throws {
        try cache.indexPendingText()
        try cache.queue.write { try $0.execute(sql: "INSERT INTO message_fts(message_fts, rank) VALUES ('integrity-check', 1)") }
    }

    /// Rows in the index, and the boundary below which every row is in it.
    private func state(_ cache: HeaderCache) throws -> (indexed: Int, below: Int64) {
        try cache.queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM message_fts_docsize") ?? -1,
             try Int64.fetchOne(db, sql: "SELECT indexed_below FROM fts_state") ?? -1)
        }
    }

    @Test func newRowsAreIndexedByTheFirstSearchThatNeedsThem() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        try cache.write { w in
            for (uid, subject) in [(1, "alpha"), (2, "beta"), (3, "gamma"), (4, "delta")] {
                try w.insert(CacheFixtures.message(uid: UInt32(uid), subject: subject, date: nil), in: box)
            }
        }
        #expect(try state(cache) == (0, 1), "nothing indexed while rows come in")
        // Changes to rows the index does not hold yet: no trigger touches the index.
        try cache.write { w in
            try w.remove([UID(2)], in: box)
            try w.insert(CacheFixtures.message(uid: 3, subject: "omega", date: nil), in: box)
        }
        // A search that is not full-text leaves the index alone.
        #expect(try cache.uids(in: .inbox, filter: .flag(.seen)).isEmpty)
        #expect(try cache.count(in: .inbox, filter: .text("!!")) == 0)
        #expect(try state(cache).indexed == 0)
        #expect(try cache.uids(in: .inbox, filter: .text("omega")).map(\.value) == [3])
        #expect(try state(cache) == (3, 5))
        #expect(try cache.uids(in: .inbox, filter: .text("gamma")).isEmpty)
        #expect(try cache.uids(in: .inbox, filter: .text("beta")).isEmpty)
        #expect(try cache.summaries(in: .inbox, range: 0 ..< 10, filter: .text("alpha")).map(\.uid.value) == [1])
        #expect(try cache.indexPendingText() == 0, "nothing waits")
        try check(cache)
        // Rows below the boundary are kept in step at once; new rows wait again.
        try cache.write { w in
            try w.insert(CacheFixtures.message(uid: 1, subject: "renamed", date: nil), in: box)
            try w.insert(CacheFixtures.message(uid: 9, subject: "later", date: nil), in: box)
        }
        #expect(try state(cache) == (3, 5))
        try check(cache)
        #expect(try cache.count(in: .inbox, filter: .field(.subject, "renamed")) == 1)
        #expect(try cache.count(in: .inbox, filter: .text("alpha")) == 0)
        #expect(try cache.count(in: .inbox, filter: .text("later")) == 1)
        try check(cache)
    }

    /// Indexing in chunks (one transaction each) moves the boundary chunk by chunk and ends with
    /// the same index as one statement would.
    @Test func pendingRowsAreIndexedChunkByChunk() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        try cache.write { w in
            for uid in 1 ... 10 { try w.insert(CacheFixtures.message(uid: UInt32(uid), subject: "word\(uid) common", date: nil), in: box) }
        }
        let first = try cache.write { try $0.indexPendingRows(limit: 4) }
        #expect(first.count == 4 && first.more)
        #expect(try state(cache) == (4, 5))
        #expect(try cache.indexPendingText(chunk: 3) == 6)
        #expect(try state(cache) == (10, 11))
        #expect(try cache.write { try $0.indexPendingRows(limit: 3) } == (0, false))
        try check(cache)
        #expect(try cache.count(in: .inbox, filter: .text("common")) == 10)
        #expect(try cache.uids(in: .inbox, filter: .text("word7")).map(\.value) == [7])
    }

    @Test func aRowThatReusesAnIndexedIdIsIndexedAtOnce() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        try cache.write { w in
            for uid in 1 ... 3 { try w.insert(CacheFixtures.message(uid: UInt32(uid), subject: "first \(uid)", date: nil), in: box) }
        }
        #expect(try cache.indexPendingText() == 3)
        #expect(try state(cache) == (3, 4))
        // The highest row goes; SQLite gives its id to the next row, below the boundary.
        try cache.write { w in
            try w.remove([UID(3)], in: box)
            try w.insert(CacheFixtures.message(uid: 10, subject: "reused", date: nil), in: box)
        }
        let id = try cache.queue.read { try Int64.fetchOne($0, sql: "SELECT id FROM message WHERE uid = 10") }
        #expect(id == 3)
        #expect(try state(cache) == (3, 4))
        try check(cache)
        #expect(try cache.uids(in: .inbox, filter: .text("reused")).map(\.value) == [10])
        #expect(try cache.uids(in: .inbox, filter: .text("first")).map(\.value) == [1, 2])
    }

    @Test func theIndexStaysConsistentThroughMixedChangesInOneTransaction() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        try cache.write { w in
            try w.insertNew(CacheFixtures.message(subject: "alpha", date: nil, file: "new/a"), in: box)
            try w.insertNew(CacheFixtures.message(subject: "beta", date: nil, file: "new/b"), in: box)
            try w.remove([UID(1)], in: box)
            try w.insert(CacheFixtures.message(uid: 2, subject: "gamma", date: nil, file: "new/b"), in: box)
            try w.insert(CacheFixtures.message(uid: 7, subject: "delta", date: nil), in: box)
            try w.insertNew(CacheFixtures.message(subject: "epsilon", date: nil, file: "new/e"), in: box)
        }
        try check(cache)
        #expect(try cache.uids(in: .inbox, filter: .text("alpha")).isEmpty)
        #expect(try cache.uids(in: .inbox, filter: .text("beta")).isEmpty)
        #expect(try cache.uids(in: .inbox, filter: .text("gamma")).map(\.value) == [2])
        #expect(try cache.uids(in: .inbox, filter: .text("delta")).map(\.value) == [7])
        #expect(try cache.uids(in: .inbox, filter: .text("epsilon")).map(\.value) == [8])
        try cache.write { w in
            try w.insert(CacheFixtures.message(uid: 7, subject: "zeta", date: nil), in: box)
            try w.removeMailbox(.inbox)
        }
        try check(cache)
        #expect(try cache.mailboxes().isEmpty)
    }
}
