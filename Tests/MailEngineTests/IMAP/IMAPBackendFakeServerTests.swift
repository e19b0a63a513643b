import Foundation
import IMAP
import MailCore
import MailStore
import TernTestSupport
import Testing
import Transport
@testable import MailEngine

/// The IMAP backend against scripted servers: what it sends, and how it behaves when the server
/// goes away in the middle of a sync.
@Suite struct IMAPBackendFakeServerTests {
    /// Capabilities without ID, ENABLE or CONDSTORE, so the scripts stay short.
    static let capabilities = "IMAP4rev1 SASL-IR LITERAL+ IDLE UIDPLUS MOVE ESEARCH SPECIAL-USE LIST-EXTENDED UNSELECT"

    /// Ports handed out one per connection, so each connection meets the next scripted server.
    final class Ports: @unchecked Sendable {
        private let lock = NSLock()
        private var ports: [Int]
        init(_ ports: [Int]) { self.ports = ports }
        func next() -> Int { lock.withLock { ports.count > 1 ? ports.removeFirst() : ports[0] } }
    }

    static func backend(_ ports: Ports, ca: String, cache: HeaderCache) -> IMAPBackend {
        IMAPBackend(accountName: "fake", cache: cache, options: IMAPBackendOptions(useQResync: false, useCondStore: false)) {
            IMAPSettings(host: "127.0.0.1", port: ports.next(),
                         connection: ConnectionOptions(security: .tls, caFile: ca, connectTimeout: .seconds(5),
                                                       readTimeout: .seconds(5), writeTimeout: .seconds(5)),
                         credentials: IMAPCredentials(username: "bob", secret: .password("bobpw")), clientID: nil)
        }
    }

    static func fetch(_ set: String) -> String {
        IMAPScripts.listFetchCommand(set)
    }

    @Test func aByeMidFetchEndsTheSyncWithAClearErrorAndTheNextSyncReconnectsAndFinishes() async throws {
        let ca = try ScriptedServer.writeTemporaryPEM(TestPKI.caCertificatePEM, name: "imap-backend-ca")
        let first = try await ScriptedServer.start(IMAPScripts.loginAndSelect(exists: 3, capabilities: Self.capabilities) + [
            .expect("A3 UID SEARCH RETURN (ALL COUNT) ALL"),
            .send("* ESEARCH (TAG \"A3\") UID ALL 1:3 COUNT 3\r\nA3 OK Search done\r\n"),
            .expect("A4 " + Self.fetch("1:3")),
            .send(IMAPScripts.headerFetch(1)),
            .pause(milliseconds: 50),
            .send("* BYE Server shutting down for maintenance\r\n"),
            .close,
        ], implicitTLS: .localhost)
        let second = try await ScriptedServer.start(IMAPScripts.loginAndSelect(exists: 3, capabilities: Self.capabilities) + [
            .expect("A3 UID SEARCH RETURN (ALL COUNT) ALL"),
            .send("* ESEARCH (TAG \"A3\") UID ALL 1:3 COUNT 3\r\nA3 OK Search done\r\n"),
            // Message 1 was kept from the interrupted sync: only 2 and 3 are asked for.
            .expect("A4 " + Self.fetch("2:3")),
            .send(IMAPScripts.headerFetches(2...3) + "A4 OK Fetch completed.\r\n"),
            // The flags of the row kept from the interrupted sync, not of those just fetched.
            .expect("A5 UID FETCH 1 (UID FLAGS)"),
            .send("* 1 FETCH (UID 1 FLAGS (\\Seen \\Answered))\r\nA5 OK Fetch completed.\r\n"),
            .expect("A6 LOGOUT"),
            .send("* BYE Logging out\r\nA6 OK Logout completed.\r\n"),
        ], implicitTLS: .localhost)
        let cache = try HeaderCache(inMemoryFor: "fake")
        let backend = Self.backend(Ports([first.port, second.port]), ca: ca, cache: cache)
        let events = BackendEventLog(backend)

        let error = await #expect(throws: BackendError.self) { try await backend.sync(.inbox) }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("account \"fake\""), "\(text)")
        #expect(text.contains("BYE \"Server shutting down for maintenance\""), "\(text)")
        #expect(text.contains("unanswered: UID FETCH 1:3"), "\(text)")
        #expect(try cache.uids(in: .inbox) == [UID(1)], "what arrived before the BYE is kept")
        #expect(try cache.mailbox(.inbox)?.isComplete == false)
        #expect(await events.wait { $0.contains { if case .connection(.offline) = $0 { true } else { false } } })

        let report = try await backend.sync(.inbox)
        #expect(report.added == 2 && report.removed == 0 && report.flagsChanged == 1)
        #expect(try cache.uids(in: .inbox) == [UID(1), UID(2), UID(3)])
        #expect(try cache.mailbox(.inbox)?.isComplete == true)
        #expect(try cache.mailbox(.inbox)?.uidNext == 4)
        let page = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 10, filter: nil)
        #expect(page.map(\.uid).sorted() == [UID(1), UID(2), UID(3)])
        #expect(page.first { $0.uid == UID(1) }?.flags == [.seen, .answered])
        #expect(page.first { $0.uid == UID(2) }?.envelope.subject == "Message number 2 about café")
        await backend.close()
        for server in [first, second] {
            let outcome = await server.outcome()
            #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        }
    }
}

/// Events of a backend collected in the background.
final class BackendEventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [BackendEvent] = []

    init(_ backend: some MailBackend) {
        Task { [weak self] in
            for await event in backend.events { self?.append(event) }
        }
    }

    private func append(_ event: BackendEvent) {
        lock.withLock { stored.append(event) }
    }

    var all: [BackendEvent] { lock.withLock { stored } }

    /// Waits up to `timeout` for the events to satisfy `condition`.
    func wait(_ timeout: Duration = .seconds(30), _ condition: ([BackendEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(all)
    }
}
