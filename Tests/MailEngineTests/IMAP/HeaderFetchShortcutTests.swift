import Foundation
import IMAP
import MailCore
import MailStore
import TernTestSupport
import Testing
import Transport
@testable import MailEngine

/// A large first sync whose newest page came in quicker than its `UID SEARCH`, and whose first
/// sample (by fields) was about as quick per message: the server has the fields cached, and the
/// rest is fetched by fields without timing the whole header.
@Suite struct HeaderFetchShortcutTests {
    @Test func aQuickNewestPageAndAQuickFirstSampleEndTheTiming() async throws {
        let ca = try ScriptedServer.writeTemporaryPEM(TestPKI.caCertificatePEM, name: "imap-backend-ca")
        let server = try await ScriptedServer.start(IMAPScripts.loginAndSelect(exists: 12, capabilities: IMAPBackendFakeServerTests.capabilities) + [
            // The newest page takes 1.2 s, the search 2.5 s, the first sample (answered at once)
            // must take at most the page's time: wide margins, as CI's machine is busy (with 100
            // and 400 ms, a sample took over 100 ms there once).
            .expect("A3 " + IMAPScripts.listFetchCommand("11:12", uid: false)),
            .pause(milliseconds: 1200),
            .send(IMAPScripts.headerFetches(11 ... 12) + "A3 OK Fetch completed.\r\n"),
            .expect("A4 UID SEARCH RETURN (ALL COUNT) ALL"),
            .pause(milliseconds: 2500),
            .send("* ESEARCH (TAG \"A4\") UID ALL 1:12 COUNT 12\r\nA4 OK Search done\r\n"),
            // The newest of the rest first, then the first sample (runs of one message at 1, 3, 5
            // and 7), quick: the other samples come with the rest, all by fields.
            .expect("A5 " + IMAPScripts.listFetchCommand("9:10")),
            .send(IMAPScripts.headerFetches(9 ... 10) + "A5 OK Fetch completed.\r\n"),
            .expect("A6 " + IMAPScripts.listFetchCommand("1")),
            .send(IMAPScripts.headerFetch(1) + "A6 OK Fetch completed.\r\n"),
            .expect("A7 " + IMAPScripts.listFetchCommand("3,5,7")),
            .send([3, 5, 7].map(IMAPScripts.headerFetch).joined() + "A7 OK Fetch completed.\r\n"),
            .expect("A8 " + IMAPScripts.listFetchCommand("2,4,6,8")),
            .send([2, 4, 6, 8].map(IMAPScripts.headerFetch).joined() + "A8 OK Fetch completed.\r\n"),
            .expect("A9 LOGOUT"),
            .send("* BYE Logging out\r\nA9 OK Logout completed.\r\n"),
        ], implicitTLS: .localhost)
        var options = IMAPBackendOptions(useQResync: false, useCondStore: false, batchSize: 50, firstBatchSize: 2, pipelineDepth: 2,
                                         fetchConnections: 1, parallelFetchThreshold: 8, headerFetch: .automatic)
        options.headerFetchSampleSize = 1
        options.headerFetchSampleOffset = 0
        let notes = TraceLines()
        let port = server.port
        let cache = try HeaderCache(inMemoryFor: "fake")
        let backend = IMAPBackend(accountName: "fake", cache: cache, options: options,
                                  trace: notes.makeTrace()) {
            IMAPSettings(host: "127.0.0.1", port: port,
                         connection: ConnectionOptions(security: .tls, caFile: ca, connectTimeout: .seconds(10),
                                                       readTimeout: .seconds(10), writeTimeout: .seconds(10)),
                         credentials: IMAPCredentials(username: "bob", secret: .password("bobpw")), clientID: nil)
        }
        let report = try await backend.sync(.inbox)
        #expect(report.added == 12)
        #expect(try cache.uids(in: .inbox) == (1 ... 12).map { UID($0) })
        #expect(await backend.lastHeaderFetch == .fields)
        #expect(notes.matching("the server has the fields cached") == 1)
        #expect(notes.matching("header fetch: samples") == 0)
        await backend.close()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
    }

    @Test func aSampleAtMostTwiceAsSlowPerMessageAsTheQuickPageMatches() {
        let page = HeaderFetchProbe.QuickPage(time: .milliseconds(16), count: 200)
        #expect(page.matches(sample: .milliseconds(53), count: 1000), "warm Dovecot: 0.053 ms a message against 0.08")
        #expect(page.matches(sample: .milliseconds(160), count: 1000), "twice the page's time per message")
        #expect(!page.matches(sample: .milliseconds(161), count: 1000))
        #expect(!page.matches(sample: .milliseconds(515), count: 1000), "the fields read from the files")
        #expect(!HeaderFetchProbe.QuickPage(time: .milliseconds(16), count: 0).matches(sample: .zero, count: 1000))
    }
}
