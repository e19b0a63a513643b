import Foundation
import MailCore
import Testing
@testable import MailStore

@Suite struct HeaderCacheSearchTests {
    private func cache() throws -> HeaderCache {
        let cache = try HeaderCache(inMemoryFor: "t")
        let rows: [(String, String, String, Set<Flag>, Int, Bool)] = [
            ("Lunch plans for Friday", "Ann Smith <ann@example.org>", "bob@example.org", [], 1_000, false),
            ("Quarterly report", "Björn Ångström <bjorn@firma.se>", "team@example.org", [.seen, .flagged], 300_000, true),
            ("Re: lunch", "bob@example.org", "Ann <ann@example.org>", [.seen, .answered], 2_000, false),
            ("100% off!!!", "Deals <deals@shop.example>", "bob@example.org", [.keyword("$Junk")], 5_000, false),
        ]
        try cache.write { w in
            let box = try w.ensureMailbox(.inbox).mailbox
            for (i, row) in rows.enumerated() {
                try w.insertNew(CacheFixtures.message(subject: row.0, from: row.1, to: row.2, date: CacheFixtures.day(Double(i)),
                                                      flags: row.3, size: row.4, attachments: row.5, file: "cur/f\(i)"), in: box)
            }
        }
        return cache
    }

    @Test(arguments: [
        (CacheFilter.text("lunch"), [1, 3]),
        (.text("LUNCH friday"), [1]),
        (.text("lun"), [1, 3]),
        (.field(.subject, "lunch"), [1, 3]),
        (.field(.from, "ann"), [1]),
        (.field(.to, "ann"), [3]),
        (.field(.from, "ann@example.org"), [1]),
        (.field(.from, "example.org"), [1, 3]),
        (.text("bjorn"), [2]),
        (.text("angstrom"), [2]),
        (.field(.from, "firma"), [2]),
        (.text("100%"), [4]),
        (.text("%"), [4]),
        (.text("\"quoted"), []),
        (.text("NEAR OR AND"), []),
        (.flag(.seen), [2, 3]),
        (.not(.flag(.seen)), [1, 4]),
        (.flag(.keyword("$Junk")), [4]),
        (.flag(.keyword("%")), []),
        (.hasAttachments, [2]),
        (.larger(4_000), [2, 4]),
        (.smaller(2_000), [1]),
        (.dateBefore(CacheFixtures.day(1)), [1]),
        (.dateOnOrAfter(CacheFixtures.day(2)), [3, 4]),
        (.uids([UID(2), UID(4), UID(9)]), [2, 4]),
        (.uids([]), []),
        (.or([.field(.from, "deals"), .flag(.flagged)]), [2, 4]),
        (.and([.text("lunch"), .not(.flag(.answered))]), [1]),
        (.and([]), [1, 2, 3, 4]),
        (.or([]), []),
        (.none, []),
    ])
    func filtersSelectTheRightMessages(filter: CacheFilter, expected: [UInt32]) throws {
        let cache = try cache()
        #expect(try cache.uids(in: .inbox, filter: filter).map(\.value) == expected)
        #expect(try cache.count(in: .inbox, filter: filter) == expected.count)
    }

    @Test func searchFollowsSubjectChanges() throws {
        let cache = try cache()
        let box = try #require(try cache.mailbox(.inbox))
        var m = try #require(try cache.message(UID(1), in: .inbox))
        m.envelope.subject = "Dinner instead"
        try cache.write { try $0.insert(m, in: box) }
        #expect(try cache.uids(in: .inbox, filter: .text("lunch")).map(\.value) == [3])
        #expect(try cache.uids(in: .inbox, filter: .text("dinner")).map(\.value) == [1])
        try cache.write { try $0.remove([UID(1)], in: box) }
        #expect(try cache.uids(in: .inbox, filter: .text("dinner")).isEmpty)
    }
}
