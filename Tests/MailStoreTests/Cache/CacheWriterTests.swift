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
        #expect(try cache.maildirIndex(in: .inbox) == ["a": MaildirIndexEntry(uid: UID(1), file: "cur/a:2,FS")])
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
