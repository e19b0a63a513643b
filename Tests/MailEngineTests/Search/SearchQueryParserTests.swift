import Foundation
import Testing
@testable import MailEngine

private let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
}()

private func day(_ y: Int, _ m: Int, _ d: Int) -> Date {
    utc.date(from: DateComponents(year: y, month: m, day: d))!
}

@Test(arguments: [
    ("noodles", SearchQuery.text("noodles")),
    ("from:bob", .from("bob")),
    ("from:bob subject:lunch", .and([.from("bob"), .subject("lunch")])),
    ("subject:\"lunch plans\"", .subject("lunch plans")),
    ("\"from:bob\"", .text("from:bob")),
    ("is:unread", .unread),
    ("is:read", .not(.unread)),
    ("-is:flagged", .not(.flagged)),
    ("has:attachment", .hasAttachment),
    ("after:2026-01-02", .after(day(2026, 1, 2))),
    ("before:2026-12-31 to:alice", .and([.before(day(2026, 12, 31)), .to("alice")])),
    ("larger:2M", .larger(2 * 1024 * 1024)),
    ("from:bob OR from:carol", .or(.from("bob"), .from("carol"))),
    ("body:invoice", .body("invoice")),
])
func parsesQueries(text: String, expected: SearchQuery) throws {
    #expect(try SearchQuery.parse(text, calendar: utc) == expected)
}

@Test(arguments: [
    ("sender:bob", "unknown search key"),
    ("is:bogus", "unknown is:bogus"),
    ("after:yesterday", "YYYY-MM-DD"),
    ("after:2026-13-01", "YYYY-MM-DD"),
    ("subject:\"open", "not closed"),
    ("OR from:bob", "OR needs a term"),
    ("from:", "needs a value"),
    ("larger:lots", "500k"),
])
func rejectsBadQueriesWithAPosition(text: String, fragment: String) {
    #expect {
        try SearchQuery.parse(text, calendar: utc)
    } throws: { error in
        "\(error)".contains(fragment) && "\(error)".contains("at character")
    }
}

@Test func bodyTermsAreNotHeaderOnly() throws {
    #expect(try SearchQuery.parse("from:bob is:unread").isHeaderOnly)
    #expect(try !SearchQuery.parse("from:bob body:x").isHeaderOnly)
    #expect(try !SearchQuery.parse("-body:x").isHeaderOnly)
}
