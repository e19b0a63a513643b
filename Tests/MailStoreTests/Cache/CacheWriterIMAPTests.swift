import Foundation
import GRDB
import MailCore
import Testing
@testable import MailStore

/// The cache as an IMAP sync uses it: rows under the server's UIDs, per-folder sync state, and
/// a UIDVALIDITY change that drops the folder.
@Suite struct CacheWriterIMAPTests {
    @Test func fetchedRowsKeepTheirUIDsAndAReFetchReplacesInsteadOfDuplicating() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 99).mailbox }
        let first = try cache.write { w in
            try w.insertFetched([100, 7, 4000].map { CacheFixtures.message(uid: $0, subject: "s\($0) lunch", date: CacheFixtures.day(Double($0 % 50))) },
                                in: box)
        }
        #expect(first == 3)
        #expect(try cache.uids(in: .inbox) == [UID(7), UID(100), UID(4000)])
        // Fetched again (an interrupted sync resumed): replaced, counted as not new, still searchable.
        let again = try cache.write { w in
            try w.insertFetched([CacheFixtures.message(uid: 100, subject: "renamed dinner", date: nil, flags: [.seen])], in: box)
        }
        #expect(again == 0)
        #expect(try cache.count(in: .inbox) == 3)
        #expect(try cache.message(UID(100), in: .inbox)?.flags == [.seen])
        #expect(try cache.uids(in: .inbox, filter: .text("dinner")) == [UID(100)])
        #expect(try cache.uids(in: .inbox, filter: .text("lunch")) == [UID(7), UID(4000)])
    }

    /// Rows without a Date header and without an arrival date are listed (they sort as 1970 until
    /// their INTERNALDATE is stored); once it is, they sort by it and leave the list. Rows with a
    /// Date header keep it, whatever date is offered.
    @Test func undatedRowsGetTheirArrivalDate() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 1).mailbox }
        var undated = CacheFixtures.message(uid: 5, subject: "no date", date: nil)
        undated.receivedDate = nil
        let dated = CacheFixtures.message(uid: 6, subject: "dated", date: CacheFixtures.day(3))
        var other = CacheFixtures.message(uid: 9, subject: "no date either", date: nil)
        other.receivedDate = nil
        var inArchive = CacheFixtures.message(uid: 5, subject: "elsewhere", date: nil)
        inArchive.receivedDate = CacheFixtures.day(1)
        let archive = try cache.write { try $0.ensureMailbox(MailboxPath("Archive"), uidValidity: 1).mailbox }
        try cache.write { w in
            try w.insertFetched([undated, dated, other], in: box)
            try w.insertFetched([inArchive], in: archive)
        }
        #expect(try cache.undatedUIDs(in: .inbox) == [UID(5), UID(9)])
        #expect(try cache.undatedUIDs(in: MailboxPath("Archive")) == [], "a row with an arrival date is dated")
        #expect(try cache.summaries(in: .inbox, range: 0 ..< 3).map(\.uid) == [UID(6), UID(9), UID(5)])

        let arrived = CacheFixtures.day(10)
        let changed = try cache.write { try $0.setArrivalDates([UID(5): arrived, UID(6): CacheFixtures.day(20), UID(77): arrived], in: box) }
        #expect(changed == 1)
        #expect(try cache.undatedUIDs(in: .inbox) == [UID(9)])
        #expect(try cache.message(UID(5), in: .inbox)?.receivedDate == arrived)
        #expect(try cache.message(UID(6), in: .inbox)?.envelope.date == CacheFixtures.day(3))
        #expect(try cache.summaries(in: .inbox, range: 0 ..< 3).map(\.uid) == [UID(5), UID(6), UID(9)], "newest first by the arrival date")
    }

    /// Every column written by the fast insert reads back as it was given: empty and missing
    /// values, non-ASCII text, large numbers, keywords and mod-sequences.
    @Test(arguments: [
        CachedMessage(uid: UID(1), envelope: Envelope(), flags: [], size: 0, receivedDate: nil, hasAttachments: false),
        CachedMessage(uid: UID(UInt32.max), envelope: Envelope(
            subject: "Re: Grüße aus Köln 🌷", from: [Address(name: "Zoë Ünal", address: "zoe@example.org")],
            sender: Address(address: "list@example.org"), replyTo: [Address(address: "reply@example.org")],
            to: [Address(name: "Bob", address: "bob@example.org"), Address(address: "carol@example.org")],
            cc: [Address(name: "", address: "cc@example.org")], bcc: [Address(address: "bcc@example.org")],
            date: Date(timeIntervalSince1970: 1_767_225_600.5), messageID: MessageID("m1@example.org"),
            inReplyTo: [MessageID("p@example.org")], references: [MessageID("a@x"), MessageID("b@x")]),
            flags: [.seen, .answered, .keyword("$Label1")], size: Int(Int32.max) + 10,
            receivedDate: Date(timeIntervalSince1970: 1_767_225_000), hasAttachments: true, hasAttachmentsIsExact: false,
            modSeq: UInt64(1) << 62),
    ])
    func aFetchedRowReadsBackAsWritten(_ message: CachedMessage) throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 1).mailbox }
        #expect(try cache.write { try $0.insertFetched([message], in: box) } == 1)
        let stored = try #require(try cache.message(message.uid, in: .inbox))
        #expect(stored.envelope.subject == message.envelope.subject)
        #expect(stored.envelope.from == message.envelope.from && stored.envelope.to == message.envelope.to)
        #expect(stored.envelope.cc.map(\.address) == message.envelope.cc.map(\.address))
        #expect(stored.envelope.bcc == message.envelope.bcc && stored.envelope.replyTo == message.envelope.replyTo)
        #expect(stored.envelope.sender == message.envelope.sender)
        #expect(stored.envelope.date == message.envelope.date && stored.receivedDate == message.receivedDate)
        #expect(stored.envelope.messageID == message.envelope.messageID)
        #expect(stored.envelope.inReplyTo == message.envelope.inReplyTo && stored.envelope.references == message.envelope.references)
        #expect(stored.flags == message.flags && stored.size == message.size && stored.modSeq == message.modSeq)
        #expect(stored.hasAttachments == message.hasAttachments && stored.hasAttachmentsIsExact == message.hasAttachmentsIsExact)
        if let subject = message.envelope.subject {
            #expect(try cache.uids(in: .inbox, filter: .text("köln")) == [message.uid], "indexed for search: \(subject)")
        }
    }

    @Test func syncStateIsStoredAndAUIDValidityChangeResetsIt() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let path = MailboxPath(["Archive", "2024"])
        let box = try cache.write { try $0.ensureMailbox(path, uidValidity: 5).mailbox }
        #expect(!box.isComplete)
        try cache.write { w in
            try w.insertFetched([CacheFixtures.message(uid: 3, subject: "a", date: nil)], in: box)
            try w.setSyncState(of: box, uidNext: 4, highestModSeq: 1 << 40, complete: true)
        }
        let stored = try #require(try cache.mailbox(path))
        #expect(stored.isComplete && stored.uidNext == 4 && stored.highestModSeq == 1 << 40 && stored.uidValidity == 5)
        try cache.write { try $0.markIncomplete(stored) }
        #expect(try cache.mailbox(path)?.isComplete == false)
        try cache.write { try $0.setSyncState(of: stored, uidNext: 4, highestModSeq: nil, complete: true) }
        let (reset, dropped) = try cache.write { w in try w.ensureMailbox(path, uidValidity: 6) }
        #expect(dropped && !reset.isComplete && reset.uidNext == 1 && reset.highestModSeq == nil)
        #expect(try cache.count(in: path) == 0)
        #expect(try cache.mailbox(path)?.isComplete == false)
    }

    @Test func flagsByUIDAndHighestUIDReflectTheRows() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        #expect(try cache.flagsByUID(in: .inbox).isEmpty)
        #expect(try cache.highestUID(in: .inbox) == nil)
        let box = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 1).mailbox }
        try cache.write { w in
            try w.insertFetched([CacheFixtures.message(uid: 10, subject: "a", date: nil, flags: [.seen, .keyword("$Label1")]),
                                 CacheFixtures.message(uid: 11, subject: "b", date: nil)], in: box)
            try w.updateFlags([(uid: UID(11), flags: [.flagged], modSeq: 77), (uid: UID(12), flags: [.seen], modSeq: nil)], in: box)
        }
        let flags = try cache.flagsByUID(in: .inbox)
        #expect(flags == [UID(10): [.seen, .keyword("$Label1")], UID(11): [.flagged]])
        // Of some uids only: those cached among them.
        #expect(try cache.flagsByUID([UID(11), UID(12)], in: .inbox) == [UID(11): [.flagged]])
        #expect(try cache.flagsByUID([UID(10)], in: .inbox) == [UID(10): [.seen, .keyword("$Label1")]])
        #expect(try cache.flagsByUID([], in: .inbox).isEmpty && cache.flagsByUID([UID(10)], in: MailboxPath("Other")).isEmpty)
        #expect(try cache.message(UID(11), in: .inbox)?.modSeq == 77)
        #expect(try cache.highestUID(in: .inbox) == UID(11))
    }

    @Test func aCacheOfTheOldSchemaIsRebuilt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-imap-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("a.sqlite")
        do {
            let cache = try HeaderCache(url: url, account: "a", source: "imap://a@h:993")
            try cache.write { w in try w.ensureMailbox(.inbox, uidValidity: 1) }
            // An older tern wrote version 3 (no `complete` column): the file is rebuilt, not misread.
            try cache.queue.write { try $0.execute(sql: "PRAGMA user_version = 3") }
        }
        let reopened = try HeaderCache(url: url, account: "a", source: "imap://a@h:993")
        #expect(reopened.wasRebuilt)
        #expect(HeaderCache.schemaVersion > 3)
    }

    @Test func theUnreadFilterUsesThePartialIndexOfUnseenMessages() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 1).mailbox }
        try cache.write { w in
            try w.insertFetched([CacheFixtures.message(uid: 1, subject: "a", date: nil, flags: [.seen]),
                                 CacheFixtures.message(uid: 2, subject: "b", date: nil, flags: [.flagged])], in: box)
        }
        // A warm open of a 100,000-message folder counts its unread messages: from the index, not
        // a scan of every row.
        let (condition, _) = CacheFilter.not(.flag(.seen)).sql()
        let plan = try cache.queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT count(*) FROM message WHERE mailbox_id = 1 AND \(condition)")
                .map { $0["detail"] as String? ?? "" }.joined(separator: "; ")
        }
        #expect(plan.contains("message_unseen"), "\(plan)")
        #expect(try cache.uids(in: .inbox, filter: .not(.flag(.seen))) == [UID(2)])
        #expect(try cache.uids(in: .inbox, filter: .not(.flag(.flagged))) == [UID(1)])
        #expect(try cache.uids(in: .inbox, filter: .not(.flag(.keyword("x")))) == [UID(1), UID(2)])
    }
}
