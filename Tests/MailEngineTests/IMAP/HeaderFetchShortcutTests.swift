import Foundation
import IMAP
import MailCore
import MailStore
import TernTestSupport
import Testing
import Transport
@testable import MailEngine

/// A large first sync whose newest page came in quicker than its `UID SEARCH` (the server had the
/// fields cached) fetches the rest by fields without timing the two ways first.
@Suite struct HeaderFetchShortcutTests {
    @Test func aNewestPageQuickerThanTheSearchSkipsTheSamples() async throws {
        let ca = try ScriptedServer.writeTemporaryPEM(TestPKI.caCertificatePEM, name: "imap-backend-ca")
        let server = try await ScriptedServer.start(IMAPScripts.loginAndSelect(exists: 12, capabilities: IMAPBackendFakeServerTests.capabilities) + [
            .expect("A3 " + IMAPScripts.listFetchCommand("11:12", uid: false)),
            .send(IMAPScripts.headerFetches(11 ... 12) + "A3 OK Fetch completed.\r\n"),
            .expect("A4 UID SEARCH RETURN (ALL COUNT) ALL"),
            .pause(milliseconds: 300),
            .send("* ESEARCH (TAG \"A4\") UID ALL 1:12 COUNT 12\r\nA4 OK Search done\r\n"),
            // No samples (each way on runs of one message, at a random place): the newest of the
            // rest first, then the others, all by fields.
            .expect("A5 " + IMAPScripts.listFetchCommand("9:10")),
            .send(IMAPScripts.headerFetches(9 ... 10) + "A5 OK Fetch completed.\r\n"),
            .expect("A6 " + IMAPScripts.listFetchCommand("1:8")),
            .send(IMAPScripts.headerFetches(1 ... 8) + "A6 OK Fetch completed.\r\n"),
            .expect("A7 LOGOUT"),
            .send("* BYE Logging out\r\nA7 OK Logout completed.\r\n"),
        ], implicitTLS: .localhost)
        var options = IMAPBackendOptions(useQResync: false, useCondStore: false, batchSize: 50, firstBatchSize: 2, pipelineDepth: 2,
                                         fetchConnections: 1, parallelFetchThreshold: 8, headerFetch: .automatic)
        options.headerFetchSampleSize = 1
        let notes = NoteLines()
        let port = server.port
        let backend = IMAPBackend(accountName: "fake", cache: try HeaderCache(inMemoryFor: "fake"), options: options,
                                  trace: ProtocolTrace { notes.add($0) }) {
            IMAPSettings(host: "127.0.0.1", port: port,
                         connection: ConnectionOptions(security: .tls, caFile: ca, connectTimeout: .seconds(5),
                                                       readTimeout: .seconds(5), writeTimeout: .seconds(5)),
                         credentials: IMAPCredentials(username: "bob", secret: .password("bobpw")), clientID: nil)
        }
        let report = try await backend.sync(.inbox)
        #expect(report.added == 12)
        #expect(await backend.lastHeaderFetch == .fields)
        #expect(notes.matching("less than UID SEARCH") == 1)
        #expect(notes.matching("header fetch: samples") == 0)
        await backend.close()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
    }

    @Test func theNewestPageMustComeInBeforeTheSearch() {
        #expect(HeaderFetchProbe.fieldsLookCached(newestPage: .milliseconds(16), search: .milliseconds(45)))
        #expect(!HeaderFetchProbe.fieldsLookCached(newestPage: .milliseconds(860), search: .milliseconds(44)))
        #expect(!HeaderFetchProbe.fieldsLookCached(newestPage: .milliseconds(45), search: .milliseconds(45)))
    }
}

/// Lines of a protocol trace, gathered from any thread.
final class NoteLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) { lock.withLock { lines.append(line) } }

    /// How many lines contain `text`.
    func matching(_ text: String) -> Int { lock.withLock { lines.filter { $0.contains(text) }.count } }
}
