import Foundation
import POP3
import TernTestSupport
import Testing
@testable import Transport

@Suite struct POP3ConnectionErrorTests {
    @Test func greetingWithoutCRLFThenClose() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start([.send("+OK ready"), .close], implicitTLS: .localhost)
        let error = await #expect(throws: POP3ProtocolError.self) { try await connectTLS(server, ca: ca) }
        #expect(error?.kind == .closedByServer)
        #expect(error?.context == "the greeting")
    }

    @Test func greetingWithoutCRLFTimesOut() async throws {
        let server = try await ScriptedServer.start([.send("+OK ready"), .pause(milliseconds: 3000)])
        let error = await #expect(throws: TransportError.self) {
            try await POP3Connection.connect(pop3Settings(port: server.port, security: .none,
                                                          readTimeout: .milliseconds(300)))
        }
        #expect(error?.kind == .readTimeout)
        await server.stop()
    }

    @Test func errGreeting() async throws {
        let server = try await ScriptedServer.start([.send("-ERR [SYS/TEMP] Too many connections\r\n"), .close])
        let error = await #expect(throws: POP3ServerError.self) {
            try await POP3Connection.connect(pop3Settings(port: server.port, security: .none))
        }
        #expect(error?.responseCode == .temporaryFailure)
        #expect(error?.command == "greeting")
    }

    @Test(arguments: [
        ([.expect("AUTH PLAIN AGJvYgBib2Jwdw=="), .send("-ERR [AUTH] Authentication failed.\r\n")] as [ScriptedServer.Step],
         "AUTH PLAIN", false),
        ([.expect("AUTH PLAIN AGJvYgBib2Jwdw=="), .send("-ERR [IN-USE] Mailbox locked\r\n")], "AUTH PLAIN", true),
    ])
    func loginRejected(steps: [ScriptedServer.Step], method: String, temporary: Bool) async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(
            [.send("+OK ready\r\n"), .expect("CAPA"), .send("+OK\r\nSASL PLAIN\r\n.\r\n")] + steps + [.expectClose],
            implicitTLS: .localhost)
        let error = await #expect(throws: AuthenticationFailure.self) { try await connectTLS(server, ca: ca) }
        #expect(error?.method == method)
        #expect(error?.isTemporary == temporary)
        #expect(error?.username == "bob")
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test(arguments: ["-ERR unknown user\r\n", "+OK\r\n-ERR [AUTH] wrong password bobpw\r\n"])
    func userPassRejectedNeverEchoesThePassword(answers: String) async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(
            [.send("+OK ready\r\n"), .expect("CAPA"), .send("+OK\r\nUSER\r\n.\r\n"), .expect("USER bob")]
                + (answers.hasPrefix("+OK") ? [.send("+OK\r\n"), .expect("PASS bobpw"), .send("-ERR [AUTH] wrong password bobpw\r\n")]
                                            : [.send(answers)])
                + [.expectClose],
            implicitTLS: .localhost)
        let error = await #expect(throws: AuthenticationFailure.self) { try await connectTLS(server, ca: ca) }
        #expect(error?.method == "USER/PASS")
        #expect(error?.description.contains("bobpw") == false)
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test(arguments: ["STAT", "LIST", "LIST 9", "UIDL", "UIDL 9", "RETR 9", "TOP 9 0", "DELE 9", "RSET", "NOOP"])
    func errOnACommandKeepsTheSession(command: String) async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [
            .expect(command), .send("-ERR No such message\r\n"), .expect("NOOP"), .send("+OK\r\n"),
            .expect("QUIT"), .send("+OK\r\n"), .close,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        let error = await #expect(throws: POP3ServerError.self) {
            switch command {
            case "STAT": _ = try await session.stat()
            case "LIST": _ = try await session.list()
            case "LIST 9": _ = try await session.list(9)
            case "UIDL": _ = try await session.uidl()
            case "UIDL 9": _ = try await session.uidl(9)
            case "RETR 9": try await session.retr(9) { _ in }
            case "TOP 9 0": try await session.top(9, lines: 0) { _ in }
            case "DELE 9": try await session.dele(9)
            case "RSET": try await session.rset()
            default: try await session.noop()
            }
        }
        #expect(error?.command == command)
        #expect(error?.message == "No such message")
        try await session.noop()
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test func errOnQuitIsReportedAndTheConnectionCloses() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [
            .expect("DELE 1"), .send("+OK\r\n"), .expect("QUIT"), .send("-ERR Some deleted messages were not removed\r\n"),
            .expectClose,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        try await session.dele(1)
        await #expect(throws: POP3ServerError.self) { try await session.quit() }
        let after = await #expect(throws: TransportError.self) { try await session.noop() }
        #expect(after?.kind == .notConnected)
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test func closeWithoutQuitDeletesNothing() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [.expect("DELE 1"), .send("+OK\r\n"), .expectClose],
                                                    implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        try await session.dele(1)
        await session.close()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty)
        #expect(!outcome.receivedLines.contains("QUIT"))
    }

    @Test func invalidArgumentsAreRejectedBeforeSending() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [.expect("QUIT"), .send("+OK\r\n"), .close],
                                                    implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        await #expect(throws: POP3UsageError.self) { try await session.dele(0) }
        await #expect(throws: POP3UsageError.self) { try await session.retr(-1) { _ in } }
        await #expect(throws: POP3UsageError.self) { try await session.top(1, lines: -1) { _ in } }
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test func aFailingSinkClosesTheConnection() async throws {
        struct DiskFull: Error {}
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [
            .expect("RETR 1"), .send("+OK\r\nSubject: x\r\n\r\nbody\r\n.\r\n"), .expectClose,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        await #expect(throws: DiskFull.self) { try await session.retr(1) { _ in throw DiskFull() } }
        let after = await #expect(throws: TransportError.self) { try await session.noop() }
        #expect(after?.kind == .notConnected)
        #expect(await server.outcome().failures.isEmpty)
    }
}

@Suite struct POP3ConnectionStreamingTests {
    @Test func theTerminatorSplitAcrossReads() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [
            .expect("RETR 1"),
            .send("+OK 20 octets\r\nSubject: s\r\n\r\n.."), .pause(milliseconds: 30), .send(".\r\n."), .pause(milliseconds: 30),
            .send("\r"), .pause(milliseconds: 30), .send("\n"),
            .expect("QUIT"), .send("+OK\r\n"), .close,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        let collected = ByteCollector()
        try await session.retr(1) { collected.append($0) }
        #expect(collected.text == "Subject: s\r\n\r\n..\r\n")
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test func cancellingARetrieveClosesTheSession() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start(tlsLogin + [
            .expect("RETR 1"), .send("+OK\r\nSubject: slow\r\n"), .expectClose,
        ], implicitTLS: .localhost)
        let session = try await connectTLS(server, ca: ca)
        let started = ByteCollector()
        let retrieval = Task { try await session.retr(1) { started.append($0) } }
        while started.text.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        retrieval.cancel()
        let result = await retrieval.result
        #expect(throws: TransportError.self) { try result.get() }
        if case .failure(let error as TransportError) = result { #expect(error.kind == .cancelled) }
        let after = await #expect(throws: TransportError.self) { try await session.noop() }
        #expect(after?.kind == .notConnected)
        #expect(await server.outcome().completed)
    }
}
