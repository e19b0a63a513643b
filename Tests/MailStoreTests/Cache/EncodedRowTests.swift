import Foundation
import MailCore
import Testing
@testable import MailStore

/// Rows encoded before they reach the writer (a sync's fetching tasks make them): they store
/// and read back exactly as the messages they came from.
@Suite struct EncodedRowTests {
    static let messages: [CachedMessage] = [
        CachedMessage(uid: UID(1), envelope: Envelope(), flags: [], size: 0, receivedDate: nil, hasAttachments: false),
        CachedMessage(uid: UID(UInt32.max), envelope: Envelope(
            subject: "Re: Grüße aus Köln 🌷", from: [Address(name: "Zoë Ünal", address: "zoe@example.org")],
            sender: Address(address: "list@example.org"), replyTo: [Address(address: "reply@example.org")],
            to: [Address(name: "Bob", address: "bob@example.org"), Address(address: "carol@example.org")],
            cc: [Address(address: "cc@example.org")], bcc: [Address(address: "bcc@example.org")],
            date: Date(timeIntervalSince1970: 1_767_225_600.5), messageID: MessageID("m1@example.org"),
            inReplyTo: [MessageID("p@example.org")], references: [MessageID("a@x"), MessageID("b@x")]),
            flags: [.seen, .answered, .keyword("$Label1"), .keyword("Work")], size: Int(Int32.max) + 10,
            receivedDate: Date(timeIntervalSince1970: 1_767_225_000), hasAttachments: true, hasAttachmentsIsExact: false,
            modSeq: UInt64(1) << 62),
        CachedMessage(uid: UID(5), envelope: Envelope(subject: "", from: [Address(name: "Only Name", address: "")]),
                      flags: [.flagged], size: 12, receivedDate: Date(timeIntervalSince1970: 0), hasAttachments: false,
                      maildirFile: "cur/123.abc:2,F"),
    ]

    @Test(arguments: messages)
    func anEncodedRowStoresAndReadsBackAsItsMessage(_ message: CachedMessage) throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 1).mailbox }
        #expect(try cache.write { try $0.insertFetched([EncodedRow(message)], in: box) } == 1)
        let stored = try #require(try cache.message(message.uid, in: .inbox))
        // The row's own reading of itself is the cache's reading of the stored row.
        #expect(EncodedRow(message).cachedMessage == stored)
        // And the same as what the message gives when written without encoding first.
        let plain = try HeaderCache(inMemoryFor: "u")
        let plainBox = try plain.write { try $0.ensureMailbox(.inbox, uidValidity: 1).mailbox }
        try plain.write { try $0.insertFetched([message], in: plainBox) }
        #expect(try plain.message(message.uid, in: .inbox) == stored)
    }

    @Test func encodedRowsAreCountedReplacedAndSearchable() throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        let box = try cache.write { try $0.ensureMailbox(.inbox, uidValidity: 9).mailbox }
        let rows = [100, 7, 4000].map {
            EncodedRow(CacheFixtures.message(uid: $0, subject: "s\($0) lunch", date: CacheFixtures.day(Double($0 % 50)),
                                             flags: $0 == 7 ? [.seen] : []))
        }
        #expect(try cache.write { try $0.insertFetched(rows, in: box) } == 3)
        #expect(try cache.counts(in: .inbox) == CacheCounts(total: 3, unread: 2))
        // Fetched again (an interrupted sync resumed): replaced, not counted again, re-indexed.
        let again = EncodedRow(CacheFixtures.message(uid: 100, subject: "renamed dinner", date: nil, flags: [.seen]))
        let fresh = EncodedRow(CacheFixtures.message(uid: 8, subject: "fresh", date: nil))
        #expect(try cache.write { try $0.insertFetched([again, fresh], in: box) } == 1)
        #expect(try cache.counts(in: .inbox) == CacheCounts(total: 4, unread: 2))
        #expect(try cache.message(UID(100), in: .inbox)?.flags == [.seen])
        #expect(try cache.uids(in: .inbox, filter: .text("dinner")) == [UID(100)])
        #expect(try cache.uids(in: .inbox, filter: .text("lunch")) == [UID(7), UID(4000)])
        #expect(try cache.uids(in: .inbox, filter: .text("fresh")) == [UID(8)])
    }
}

/// The columns a row writes straight into its buffer are what ``CacheCoding`` makes of the
/// message's values.
@Suite struct EncodedRowColumnTests {
    /// The columns as ``CacheCoding`` encodes them, by ``EncodedRow/Text`` case.
    static func reference(_ m: CachedMessage) -> [String?] {
        let e = m.envelope
        return [
            CacheCoding.encode(m.flags).keywords, e.subject ?? "", CacheCoding.sortSubject(e.subject),
            CacheCoding.sortFrom(e.from), CacheCoding.encode(e.from), CacheCoding.encode(e.to), CacheCoding.encode(e.cc),
            CacheCoding.encode(e.bcc), CacheCoding.encode(e.replyTo), CacheCoding.encode(e.sender.map { [$0] } ?? []),
            e.messageID?.value, CacheCoding.encode(e.inReplyTo), CacheCoding.encode(e.references),
            RowInserter.unique(ofFile: m.maildirFile).map(String.init), m.maildirFile,
        ]
    }

    /// The column ends are kept in a 16-lane vector.
    @Test func theColumnsFitTheirVector() {
        #expect(EncodedRow.Text.allCases.count <= SIMD16<Int32>.scalarCount)
    }

    @Test func generatedMessagesEncodeAsCacheCodingDoes() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["Ann", "re:", "Re: ", "FWD: ", "[list] ", "Grüße", "ÉCOLE", "İ", "ß", "\u{1E}", "\u{1F}", " ", "", "x@y",
                     "🌷", "a b", "\t", "K\u{212A}"]
        func text(_ count: Int) -> String { (0 ..< count).map { _ in words[next(words.count)] }.joined() }
        func addresses() -> [Address] {
            (0 ..< next(4)).map { _ in Address(name: next(3) == 0 ? nil : text(next(4)), address: text(next(3))) }
        }
        func ids() -> [MessageID] { (0 ..< next(5)).map { _ in MessageID(text(next(3))) } }
        for _ in 0 ..< 3000 {
            let envelope = Envelope(
                subject: next(4) == 0 ? nil : text(next(6)), from: addresses(), sender: addresses().first,
                replyTo: addresses(), to: addresses(), cc: addresses(), bcc: addresses(),
                messageID: next(3) == 0 ? nil : MessageID(text(next(3))), inReplyTo: ids(), references: ids())
            let flags: Set<Flag> = next(2) == 0 ? [.seen] : [.flagged, .keyword("$Label\(next(3))"), .keyword("Work")]
            let message = CachedMessage(uid: UID(UInt32(1 + next(1000))), envelope: envelope, flags: flags, size: next(99),
                                        receivedDate: nil, hasAttachments: false,
                                        maildirFile: next(3) == 0 ? "cur/\(next(99)).x:2,S" : nil)
            let row = EncodedRow(message)
            let expected = Self.reference(message)
            for column in EncodedRow.Text.allCases {
                #expect(row.string(column) == expected[column.rawValue], "\(column) of \(message)")
            }
        }
    }
}
