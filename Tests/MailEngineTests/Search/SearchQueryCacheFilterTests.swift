import Foundation
import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite struct SearchQueryCacheFilterTests {
    @Test(arguments: [
        ("from:bob", CacheFilter.field(.from, "bob")),
        ("is:unread", .not(.flag(.seen))),
        ("is:read", .not(.not(.flag(.seen)))),
        ("has:attachment larger:1k", .and([.hasAttachments, .larger(1024)])),
        ("a OR subject:b", .or([.text("a"), .field(.subject, "b")])),
        ("body:x", .uids([UID(3)])),
        ("body:y", .uids([])),
    ])
    func queriesMapToCacheFilters(query: String, expected: CacheFilter) throws {
        let q = try SearchQuery.parse(query)
        #expect(q.cacheFilter(bodyMatches: ["x": [UID(3)]]) == expected)
    }

    @Test func bodyTermsAndPrefilter() throws {
        let q = try SearchQuery.parse("from:bob body:lunch -body:dinner body:lunch is:unread")
        #expect(q.bodyTerms == ["lunch", "dinner"])
        #expect(q.headerPrefilter == .and([.field(.from, "bob"), .not(.flag(.seen))]))
        #expect(try SearchQuery.parse("body:x OR from:bob").headerPrefilter == .all)
        #expect(try SearchQuery.parse("from:bob").headerPrefilter == .field(.from, "bob"))
    }

    @Test func bodyMatcherSearchesShownTextIgnoringCaseAndAccents() {
        let message = Array(("Subject: s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 at NOON\r\n").utf8)
        #expect(BodyMatcher.matches(message, terms: ["cafe", "noon", "dinner"]) == ["cafe", "noon"])
        #expect(BodyMatcher.matches(message, terms: []) == [])
    }
}
