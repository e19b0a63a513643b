import Foundation
import POP3
import TernTestSupport
import Testing
@testable import Transport

@Suite struct POP3ConnectionPipelineTests {
    /// A login over implicit TLS whose CAPA lists PIPELINING (or not).
    static func login(pipelining: Bool) -> [ScriptedServer.Step] {
        [
            .send("+OK Dovecot ready.\r\n"),
            .expect("CAPA"),
            .send("+OK\r\nTOP\r\nUIDL\r\n\(pipelining ? "PIPELINING\r\n" : "")SASL PLAIN\r\n.\r\n"),
            .expect("AUTH PLAIN AGJvYgBib2Jwdw=="), .send("+OK Logged in.\r\n"),
        ]
    }

    @Test func retrieveKeepsAWindowOfCommandsInFlight() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(Self.login(pipelining: true) + [
            // Two RETRs at once (depth 2); the third goes out when the first is answered.
            .expect("RETR 1"), .expect("RETR 2"),
            .sendSplit("+OK 7 octets\r\none\r\n..\r\n.\r\n+OK 5 octets\r\ntw", .sizes([3, 5, 7])),
            .expect("RETR 3"),
            .send("o\r\n.\r\n-ERR no such message\r\n"),
            .expect("DELE 1"), .expect("DELE 2"), .expect("DELE 3"),
            .send("+OK\r\n+OK\r\n-ERR no such message\r\n"),
            .expect("QUIT"), .send("+OK bye\r\n"), .close,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        #expect(await session.supportsPipelining)
        let events = EventLog()
        try await session.retrieve([1, 2, 3], depth: 2) { events.append($0) }
        #expect(events.merged == [
            .begin(message: 1), .bytes(Array("one\r\n.\r\n".utf8)[...]), .end(message: 1, byteCount: 8),
            .begin(message: 2), .bytes(Array("two\r\n".utf8)[...]), .end(message: 2, byteCount: 5),
            .failed(message: 3, POP3ServerError(command: "RETR 3",
                                                statusLine: POP3StatusLine(isOK: false, text: "no such message"))),
        ])
        let refused = try await session.dele([1, 2, 3])
        #expect(refused.keys.sorted() == [3])
        try await session.quit()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty)
        #expect(outcome.completed)
    }

    @Test func withoutPipeliningEachCommandWaitsForItsAnswer() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(Self.login(pipelining: false) + [
            .expect("RETR 1"), .send("+OK\r\na\r\n.\r\n"),
            .expect("RETR 2"), .send("+OK\r\nb\r\n.\r\n"),
            .expect("QUIT"), .send("+OK bye\r\n"), .close,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        #expect(await session.supportsPipelining == false)
        let events = EventLog()
        try await session.retrieve([1, 2], depth: 8) { events.append($0) }
        #expect(events.merged.count == 6)
        try await session.quit()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty)
        // (That no command went out early is checked against FakePOP3Server in MailEngineTests,
        // which counts the commands per read.)
        #expect(outcome.receivedLines.suffix(3) == ["RETR 1", "RETR 2", "QUIT"])
    }

    @Test func aFailingHandlerEndsTheSession() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        struct DiskFull: Error {}
        let server = try await ScriptedServer.start(Self.login(pipelining: true) + [
            .expect("RETR 1"), .expect("RETR 2"), .send("+OK\r\nsome text\r\n"), .expectClose,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        await #expect(throws: DiskFull.self) {
            try await session.retrieve([1, 2]) { event in
                if case .bytes = event { throw DiskFull() }
            }
        }
        let error = await #expect(throws: TransportError.self) { try await session.noop() }
        #expect(error?.kind == .notConnected)
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test(arguments: [0, -1])
    func invalidArgumentsAreUsageErrors(number: Int) async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(Self.login(pipelining: true) + [
            .expect("QUIT"), .send("+OK\r\n"), .close,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        await #expect(throws: POP3UsageError.self) { try await session.retrieve([1, number]) { _ in } }
        await #expect(throws: POP3UsageError.self) { try await session.retrieve([1], depth: number) { _ in } }
        await #expect(throws: POP3UsageError.self) { try await session.dele([number]) }
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }
}

/// Collects retrieval events, merging consecutive byte chunks.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [POP3RetrievalEvent] = []

    func append(_ event: POP3RetrievalEvent) {
        lock.withLock {
            if case .bytes(let chunk) = event, case .bytes(let previous)? = stored.last {
                stored[stored.count - 1] = .bytes((Array(previous) + Array(chunk))[...])
            } else if case .bytes(let chunk) = event {
                stored.append(.bytes(Array(chunk)[...]))
            } else {
                stored.append(event)
            }
        }
    }

    var merged: [POP3RetrievalEvent] { lock.withLock { stored } }
}
