import Foundation
import IMAP
import MailCore
import MailEngine
import TernTestSupport
import Testing
import Transport

/// A sync does not fetch every message's INTERNALDATE: the few messages without a usable Date
/// header get theirs afterwards, and sort by it, against the real Dovecot of the test stack.
@Suite(.enabled(if: MailStack.shouldRun), .serialized)
struct ArrivalDateDovecotTests {
    static let arrival = Date(timeIntervalSince1970: 1_700_100_000)
    static let headerDate = Date(timeIntervalSince1970: 1_709_542_800)  // Mon, 4 Mar 2024 10:00:00 +0100

    /// Appends messages with a Date header, without one, and with an unreadable one (each with
    /// its own arrival date, a minute apart from `arrival`); returns their UIDs in that order.
    static func appendMixed(to folder: String, fixture: IMAPBackendFixture, client: IMAPConnection) async throws -> [UID] {
        let name = await client.mailboxName(folder)
        if folder.uppercased() != "INBOX" { try? await client.create(name) }
        let bodies = [
            "From: a@example.test\r\nSubject: dated\r\nDate: Mon, 4 Mar 2024 10:00:00 +0100\r\n\r\nbody\r\n",
            "From: a@example.test\r\nSubject: no date\r\n\r\nbody\r\n",
            "From: a@example.test\r\nSubject: bad date\r\nDate: someday soon\r\n\r\nbody\r\n",
        ]
        var uids: [UID] = []
        for (index, text) in bodies.enumerated() {
            let date = InternalDate(arrival.addingTimeInterval(Double(index) * 60))
            if let result = try await client.append(Array(text.utf8), to: name, date: date) { uids.append(result.uid) }
        }
        return uids
    }

    @Test func aSyncGivesUndatedMessagesTheirArrivalDate() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        let uids = try await Self.appendMixed(to: "INBOX", fixture: fixture, client: client)
        #expect(uids.count == 3)
        let backend = try fixture.backend()
        #expect(try await backend.sync(.inbox).added == 3)
        let rows = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 3, filter: nil)
        let byUID = Dictionary(uniqueKeysWithValues: rows.map { ($0.uid, $0) })
        #expect(byUID[uids[0]]?.sortDate == Self.headerDate)
        #expect(byUID[uids[1]]?.sortDate == Self.arrival.addingTimeInterval(60))
        #expect(byUID[uids[2]]?.sortDate == Self.arrival.addingTimeInterval(120))
        #expect(rows.map(\.uid) == [uids[0], uids[2], uids[1]], "newest first: the Date header, then by arrival")

        // New undated mail later: a resync dates it too.
        let late = InternalDate(Self.arrival.addingTimeInterval(-86_400))
        let inbox = await client.mailboxName("INBOX")
        let added = try #require(try await client.append(Array("From: a@example.test\r\nSubject: late\r\n\r\nx\r\n".utf8), to: inbox, date: late))
        #expect(try await backend.sync(.inbox).added == 1)
        let last = try await backend.summaries(in: .inbox, order: .newestFirst, range: 3 ..< 4, filter: nil)
        #expect(last.first?.uid == added.uid && last.first?.sortDate == late.date)
        await backend.close()
        await client.logout()
    }

    /// The newest page of a folder never synced (`tern list`): its undated messages are dated
    /// before the page is shown.
    @Test func theNewestPageIsDatedBeforeItIsShown() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        try await fixture.append(3, to: "Lists", via: client)
        let uids = try await Self.appendMixed(to: "Lists", fixture: fixture, client: client)
        let backend = try fixture.backend()
        let report = try await backend.syncNewest(MailboxPath("Lists"), count: 3)
        #expect(report.added == 3)
        let rows = try await backend.summaries(in: MailboxPath("Lists"), order: .newestFirst, range: 0 ..< 3, filter: nil)
        #expect(Set(rows.map(\.uid)) == Set(uids))
        #expect(rows.allSatisfy { $0.sortDate != nil && $0.sortDate != Date(timeIntervalSince1970: 0) })
        #expect(rows.first { $0.uid == uids[1] }?.sortDate == Self.arrival.addingTimeInterval(60))
        await backend.close()
        await client.logout()
    }
}
