import Foundation
import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite struct MaildirBackendSearchTests {
    private func fixture() async throws -> (TestMaildir, MaildirBackend) {
        let tree = try TestMaildir()
        try tree.deliver("Lunch plans", body: "Shall we try the noodle place?", from: "Ann <ann@example.org>")
        try tree.deliver("Report", body: "Numbers attached. No noodles.", from: "Björn <bjorn@firma.se>")
        try tree.deliver("Re: Lunch plans", flags: [.seen], body: "Yes! Noodles at noon.", from: "Bob <bob@example.org>",
                         date: "Tue, 3 Mar 2026 10:00:00 +0000")
        try tree.deliver("Invoice", body: "Pay by Friday.", from: "Shop <shop@example.com>",
                         extraHeaders: "MIME-Version: 1.0\r\nContent-Type: application/pdf\r\n")
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        return (tree, backend)
    }

    private func subjects(_ backend: MaildirBackend, _ query: String) async throws -> [String] {
        let q = try SearchQuery.parse(query, calendar: Calendar(identifier: .gregorian))
        let uids = try await backend.search(q, in: .inbox)
        let page = try await backend.summaries(in: .inbox, order: SortOrder(key: .subject, descending: false), range: 0 ..< 50, filter: q)
        #expect(Set(page.map(\.uid)) == Set(uids), "search and a filtered page agree for \(query)")
        #expect(try await backend.count(in: .inbox, filter: q) == uids.count)
        return page.compactMap(\.envelope.subject)
    }

    @Test(arguments: [
        ("lunch", ["Lunch plans", "Re: Lunch plans"]),
        ("from:ann", ["Lunch plans"]),
        ("from:bjorn", ["Report"]),
        ("is:unread", ["Invoice", "Lunch plans", "Report"]),
        ("is:read", ["Re: Lunch plans"]),
        ("body:noodle", ["Lunch plans", "Re: Lunch plans", "Report"]),
        ("body:NOODLES -from:bob", ["Report"]),
        ("body:noodles OR subject:invoice", ["Invoice", "Re: Lunch plans", "Report"]),
        ("-body:noodle", ["Invoice"]),
        ("lunch body:noon", ["Re: Lunch plans"]),
        ("has:attachment", ["Invoice"]),
        ("after:2026-03-03", ["Re: Lunch plans"]),
        ("nothing-matches-this", []),
    ])
    func queriesFindTheRightMessages(query: String, expected: [String]) async throws {
        let (tree, backend) = try await fixture()
        defer { tree.remove() }
        #expect(try await subjects(backend, query) == expected)
    }

    @Test func bodySearchReadsOnlyTheCandidates() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        for i in 0 ..< 20 { try tree.deliver("Note \(i)", body: "text \(i)", from: i == 7 ? "Zed <zed@x.org>" : "Ann <ann@x.org>") }
        let counter = ReadCounter()
        let backend = try tree.backend(reader: counter.reader)
        _ = try await backend.sync(.inbox)
        let uids = try await backend.search(try SearchQuery.parse("from:zed body:text"), in: .inbox)
        #expect(uids.count == 1)
        #expect(counter.wholeReads == 1)
    }
}
