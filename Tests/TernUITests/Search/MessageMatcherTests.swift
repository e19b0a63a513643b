import Foundation
import MailCore
import MailEngine
import Testing
import TernTestSupport
@testable import TernUI

@Suite struct MessageMatcherTests {
    let message = FakeMessage(uid: 7, from: "Bob Baker <bob@example.test>", to: "Ann <ann@example.test>",
                              subject: "Lunch plans for Friday", date: Date(timeIntervalSince1970: 1_790_000_000),
                              flags: [.flagged], size: 40_000, attachments: true).summary

    @Test(arguments: [
        ("from:bob", true), ("from:baker", true), ("from:ann", false), ("to:ann", true), ("subject:lunch", true),
        ("subject:\"friday\"", true), ("is:unread", true), ("is:read", false), ("is:flagged", true), ("is:answered", false),
        ("has:attachment", true), ("larger:30k", true), ("smaller:30k", false), ("after:2026-09-01", true),
        ("before:2026-09-01", false), ("lunch", true), ("LUNCH", true), ("dinner", false), ("-from:bob", false),
        ("from:bob is:flagged", true), ("from:ann OR subject:lunch", true), ("body:anything", false),
    ])
    func headerQueries(text: String, expected: Bool) throws {
        let query = try SearchQuery.parse(text, calendar: Calendar(identifier: .gregorian))
        #expect(MessageMatcher(query: query).matches(message) == expected, "\(text)")
    }

    @Test func bodyTermsUseTheBackendsHits() throws {
        let query = try SearchQuery.parse("body:noodles")
        #expect(MessageMatcher(query: query, bodyMatches: [UID(7)]).matches(message))
        #expect(!MessageMatcher(query: query, bodyMatches: [UID(8)]).matches(message))
    }
}
