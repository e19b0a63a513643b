import Foundation
import IMAP
import MailCore
import MailStore
import TernTestSupport
import Testing
import Transport
@testable import MailEngine

/// `syncNewest`: the newest page of a folder never synced, without the whole first sync.
@Suite struct IMAPBackendNewestTests {
    static func fetch(_ set: String, uid: Bool) -> String {
        IMAPScripts.listFetchCommand(set, uid: uid)
    }

    @Test func aFolderNeverSyncedGetsItsNewestMessagesByOneFetchAndTheNextSyncFetchesTheRest() async throws {
        let ca = try ScriptedServer.writeTemporaryPEM(TestPKI.caCertificatePEM, name: "imap-backend-ca")
        let server = try await ScriptedServer.start(IMAPScripts.loginAndSelect(exists: 5, capabilities: IMAPBackendFakeServerTests.capabilities) + [
            // No UID SEARCH first: the highest sequence numbers are the newest messages.
            .expect("A3 " + Self.fetch("4:5", uid: false)),
            .send(IMAPScripts.headerFetches(4 ... 5) + "A3 OK Fetch completed.\r\n"),
            // The full sync later: only what is missing, then the flags of what was cached.
            .expect("A4 SELECT INBOX"),
            .send(IMAPScripts.selectAnswer(tag: "A4", exists: 5)),
            .expect("A5 UID SEARCH RETURN (ALL COUNT) ALL"),
            .send("* ESEARCH (TAG \"A5\") UID ALL 1:5 COUNT 5\r\nA5 OK Search done\r\n"),
            .expect("A6 " + Self.fetch("1:3", uid: true)),
            .send(IMAPScripts.headerFetches(1 ... 3) + "A6 OK Fetch completed.\r\n"),
            // Only the rows cached before this sync get their flags refreshed (the others were
            // fetched by it): 5 was flagged meanwhile.
            .expect("A7 UID FETCH 4:5 (UID FLAGS)"),
            .send("* 4 FETCH (UID 4 FLAGS (\\Seen))\r\n* 5 FETCH (UID 5 FLAGS (\\Seen \\Flagged))\r\nA7 OK Fetch completed.\r\n"),
            .expect("A8 LOGOUT"),
            .send("* BYE Logging out\r\nA8 OK Logout completed.\r\n"),
        ], implicitTLS: .localhost)
        let cache = try HeaderCache(inMemoryFor: "fake")
        let backend = IMAPBackendFakeServerTests.backend(.init([server.port]), ca: ca, cache: cache)

        let report = try await backend.syncNewest(.inbox, count: 2)
        #expect(report.added == 2 && report.removed == 0 && !report.rebuilt)
        #expect(try cache.uids(in: .inbox) == [UID(4), UID(5)])
        #expect(try cache.mailbox(.inbox)?.isComplete == false, "the rest is still to fetch")
        let page = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 2, filter: nil)
        #expect(page.map(\.envelope.subject) == ["Message number 5 about café", "Message number 4 about café"])

        let rest = try await backend.sync(.inbox)
        #expect(rest.added == 3)
        #expect(try cache.uids(in: .inbox) == (1 ... 5).map { UID($0) })
        #expect(try cache.mailbox(.inbox)?.isComplete == true)
        #expect(rest.flagsChanged == 1)
        #expect(try cache.message(UID(5), in: .inbox)?.flags == [.seen, .flagged])
        await backend.close()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
    }
}
