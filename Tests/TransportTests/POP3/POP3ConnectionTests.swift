import Foundation
import POP3
import TernTestSupport
import Testing
@testable import Transport

@Suite struct POP3ConnectionTests {
    @Test func fullSessionWithSTLS() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let message = "Subject: dots\r\n\r\n.leading dot\r\n..two\r\nend\r\n"
        let stuffed = "Subject: dots\r\n\r\n..leading dot\r\n...two\r\nend\r\n.\r\n"
        let server = try await ScriptedServer.start([
            .send("+OK Dovecot ready.\r\n"),
            .expect("CAPA"), .send("+OK\r\nCAPA\r\nSTLS\r\nUSER\r\n.\r\n"),
            .expect("STLS"), .send("+OK Begin TLS negotiation now.\r\n"), .startTLS,
            .expect("CAPA"), .send("+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nUSER\r\nSASL PLAIN\r\n.\r\n"),
            .expect("AUTH PLAIN AGJvYgBib2Jwdw=="), .send("+OK Logged in.\r\n"),
            .expect("STAT"), .send("+OK 2 \(message.utf8.count + 10)\r\n"),
            .expect("LIST"), .send("+OK 2 messages\r\n1 \(message.utf8.count)\r\n2 10\r\n.\r\n"),
            .expect("UIDL"), .send("+OK\r\n1 00000001566f2a0b\r\n2 00000002566f2a0b\r\n.\r\n"),
            .expect("RETR 1"), .sendSplit("+OK \(message.utf8.count) octets\r\n" + stuffed, .sizes([1, 2, 3, 5, 7])),
            .expect("DELE 1"), .send("+OK Marked to be deleted.\r\n"),
            .expect("QUIT"), .send("+OK Logging out, messages deleted.\r\n"), .close,
        ])
        let sink = TraceLines()
        let session = try await POP3Connection.connect(
            pop3Settings(port: server.port, security: .startTLS, caFile: ca.path), trace: sink.makeTrace())
        #expect(await session.authenticationMethod == .saslPlain)
        #expect(await session.capabilities?.supportsTOP == true)
        #expect(try await session.stat() == POP3MaildropStatus(messageCount: 2, totalSize: message.utf8.count + 10))
        #expect(try await session.list() == [POP3ListEntry(messageNumber: 1, size: message.utf8.count),
                                             POP3ListEntry(messageNumber: 2, size: 10)])
        #expect(try await session.uidl().map(\.uniqueID.value) == ["00000001566f2a0b", "00000002566f2a0b"])
        let collected = ByteCollector()
        let count = try await session.retr(1) { collected.append($0) }
        #expect(count == message.utf8.count)
        #expect(collected.text == message)
        try await session.dele(1)
        try await session.quit()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty)
        #expect(outcome.completed)

        let trace = sink.text
        #expect(trace.contains("C: AUTH PLAIN ****"))
        #expect(!trace.contains("AGJvYgBib2Jwdw=="))
        #expect(!trace.contains("bobpw"))
        #expect(trace.contains("S: [\(message.utf8.count) bytes of message text]"))
        #expect(trace.contains("handshake done, certificate verified"))
    }

    @Test func bytesAfterTheOKToSTLSAreNotReadAsTheNextAnswer() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        // The injected lines would answer CAPA with "SASL PLAIN" and the login with +OK.
        let injected = "+OK\r\nSASL PLAIN\r\n.\r\n+OK Logged in.\r\n"
        let server = try await ScriptedServer.start([
            .send("+OK ready\r\n"),
            .expect("CAPA"), .send("+OK\r\nSTLS\r\nUSER\r\n.\r\n"),
            .expect("STLS"), .send("+OK Begin TLS\r\n" + injected), .startTLS,
            .expect("CAPA"), .send("+OK\r\nUSER\r\n.\r\n"),
            .expect("USER bob"), .send("+OK\r\n"), .expect("PASS bobpw"), .send("+OK Logged in.\r\n"),
            .expect("QUIT"), .send("+OK bye\r\n"), .close,
        ])
        let sink = TraceLines()
        let session = try await POP3Connection.connect(
            pop3Settings(port: server.port, security: .startTLS, caFile: ca.path), trace: sink.makeTrace())
        // The real CAPA over TLS has no SASL: USER/PASS, not the injected AUTH PLAIN.
        #expect(await session.authenticationMethod == .userPass)
        #expect(await session.capabilities?.saslMechanisms == [])
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
        #expect(sink.text.contains("discarded \(injected.utf8.count) bytes"))
        #expect(sink.text.contains("C: PASS ****"))
    }

    @Test func stlsNotOfferedFailsWithoutSendingCredentials() async throws {
        let server = try await ScriptedServer.start([
            .send("+OK ready\r\n"), .expect("CAPA"), .send("+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n"), .expectClose,
        ])
        let error = await #expect(throws: StartTLSError.self) {
            try await POP3Connection.connect(pop3Settings(port: server.port, security: .startTLS))
        }
        #expect(error?.kind == .notOffered)
        let outcome = await server.outcome()
        #expect(outcome.receivedLines == ["CAPA"])
    }

    @Test func stlsOfferedThenRefused() async throws {
        let server = try await ScriptedServer.start([
            .send("+OK ready\r\n"), .expect("CAPA"), .send("+OK\r\nSTLS\r\nUSER\r\n.\r\n"),
            .expect("STLS"), .send("-ERR [SYS/TEMP] TLS unavailable\r\n"), .expectClose,
        ])
        let error = await #expect(throws: StartTLSError.self) {
            try await POP3Connection.connect(pop3Settings(port: server.port, security: .startTLS))
        }
        #expect(error?.kind == .refused(serverMessage: "[SYS/TEMP] TLS unavailable"))
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty)
        #expect(outcome.receivedLines == ["CAPA", "STLS"])
    }

    @Test func stlsWithoutCAPAIsTriedAndRefusalIsAnError() async throws {
        let server = try await ScriptedServer.start([
            .send("+OK ready\r\n"), .expect("CAPA"), .send("-ERR unknown command\r\n"),
            .expect("STLS"), .send("-ERR no\r\n"), .expectClose,
        ])
        let error = await #expect(throws: StartTLSError.self) {
            try await POP3Connection.connect(pop3Settings(port: server.port, security: .startTLS))
        }
        #expect(error?.kind == .refused(serverMessage: "no"))
        #expect(await server.outcome().failures.isEmpty)
    }

    @Test func plainConnectionRefusesToSendThePassword() async throws {
        let server = try await ScriptedServer.start([
            .send("+OK ready\r\n"), .expect("CAPA"), .send("+OK\r\nUSER\r\n.\r\n"), .expectClose,
        ])
        let error = await #expect(throws: POP3AuthenticationError.self) {
            try await POP3Connection.connect(pop3Settings(port: server.port, security: .none))
        }
        #expect(error == .insecureConnection)
        #expect(await server.outcome().receivedLines == ["CAPA"])
    }

    @Test func plainConnectionWithAllowInsecureAuth() async throws {
        let server = try await ScriptedServer.start([
            .send("+OK ready\r\n"), .expect("CAPA"), .send("+OK\r\nUSER\r\n.\r\n"),
            .expect("USER bob"), .send("+OK\r\n"), .expect("PASS bobpw"), .send("+OK\r\n"),
            .expect("NOOP"), .send("+OK\r\n"), .expect("QUIT"), .send("+OK\r\n"), .close,
        ])
        let session = try await POP3Connection.connect(
            pop3Settings(port: server.port, security: .none, allowInsecure: true))
        try await session.noop()
        try await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }
}

/// Collects streamed bytes.
final class ByteCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    func append(_ chunk: ArraySlice<UInt8>) {
        lock.withLock { bytes += chunk }
    }

    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}
