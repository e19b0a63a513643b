import Foundation
import POP3
import TernTestSupport
import Testing
import Transport

/// POP3 against the real Dovecot of the test stack: STLS on 1110, TLS on 1995.
@Suite(.enabled(if: MailStack.shouldRun), .serialized)
struct POP3DovecotTests {
    static func settings(
        _ stack: MailStack, security: ConnectionSecurity, caFile: String? = nil, password: String? = nil
    ) -> POP3Settings {
        POP3Settings(
            host: stack.host, port: security == .tls ? stack.pop3sPort : stack.pop3Port,
            connection: ConnectionOptions(security: security, caFile: caFile ?? stack.caFile.path,
                                          connectTimeout: .seconds(10), readTimeout: .seconds(30)),
            credentials: POP3Credentials(username: stack.bob.name, secret: .password(password ?? stack.bob.password)))
    }

    @Test(arguments: [ConnectionSecurity.startTLS, .tls])
    func logInAndReadTheMaildrop(security: ConnectionSecurity) async throws {
        let stack = try MailStack.required()
        let trace = TraceCollector()
        let session = try await POP3Connection.connect(Self.settings(stack, security: security),
                                                       trace: ProtocolTrace { trace.append($0) })
        #expect(await session.capabilities?.supportsUIDL == true)
        #expect(await session.authenticationMethod == .saslPlain)
        let status = try await session.stat()
        let listing = try await session.list()
        let ids = try await session.uidl()
        #expect(listing.count == status.messageCount)
        #expect(ids.count == status.messageCount)
        #expect(listing.reduce(0) { $0 + $1.size } == status.totalSize)
        try await session.quit()
        let text = trace.lines.joined(separator: "\n")
        #expect(text.contains("C: AUTH PLAIN ****"))
        #expect(!text.contains(stack.bob.password))
        #expect(text.contains("TLS 1.3 handshake done"))
        if security == .startTLS { #expect(text.contains("C: STLS")) }
        if ProcessInfo.processInfo.environment["TERN_SHOW_TRACE"] == "1" { print(text) }
    }

    @Test func retrieveDeliveredMessagesThenDeleteThem() async throws {
        let stack = try MailStack.required()
        // A first login makes Dovecot create bob's Maildir if this is a fresh stack.
        try await POP3Connection.connect(Self.settings(stack, security: .tls)).quit()

        let token = "tern-pop3-\(UUID().uuidString)"
        let bodies = [
            "line one\n.leading dot\n..two dots\n.\nlast line\n",
            String(repeating: "A fairly long line of text to make the message span several reads.\n", count: 3000),
        ]
        var expected: [String: String] = [:]
        for (index, body) in bodies.enumerated() {
            let id = "\(token)-\(index)"
            let message = "From: alice@example.test\nTo: bob@example.test\nSubject: POP3 test \(index)\n"
                + "Message-ID: <\(id)@example.test>\n\n" + body
            try DovecotMaildir.deliver(message, to: stack.bob.name, in: stack)
            expected[id] = message.replacingOccurrences(of: "\n", with: "\r\n")
        }

        let session = try await POP3Connection.connect(Self.settings(stack, security: .startTLS))
        let listing = try await session.list()
        let ids = try await session.uidl()
        var found: [String: (number: Int, uid: POP3UniqueID)] = [:]
        for entry in listing.reversed().prefix(50) where found.count < bodies.count {
            let header = ByteSink()
            try await session.top(entry.messageNumber, lines: 0) { header.append($0) }
            for id in expected.keys where header.text.contains("<\(id)@example.test>") {
                let uid = try #require(ids.first { $0.messageNumber == entry.messageNumber }?.uniqueID)
                found[id] = (entry.messageNumber, uid)
            }
        }
        #expect(found.count == bodies.count, "the delivered messages are among the last 50")
        for (id, place) in found {
            let text = ByteSink()
            let count = try await session.retr(place.number) { text.append($0) }
            #expect(text.text == expected[id])
            #expect(count == expected[id]?.utf8.count)
            #expect(listing.first { $0.messageNumber == place.number }?.size == count)
            try await session.dele(place.number)
        }
        try await session.quit()

        // QUIT deleted them: a new session no longer lists their unique ids.
        let after = try await POP3Connection.connect(Self.settings(stack, security: .tls))
        let remaining = Set(try await after.uidl().map(\.uniqueID))
        for place in found.values { #expect(!remaining.contains(place.uid)) }
        try await after.quit()
    }

    @Test func aWrongCAFailsVerification() async throws {
        let stack = try MailStack.required()
        let wrongCA = try ScriptedServer.writeTemporaryPEM(TestPKI.unrelatedCACertificatePEM, name: "wrong-ca")
        defer { try? FileManager.default.removeItem(atPath: wrongCA) }
        let error = await #expect(throws: TransportError.self) {
            try await POP3Connection.connect(Self.settings(stack, security: .tls, caFile: wrongCA))
        }
        #expect(error?.kind == .certificateUntrusted)
    }

    @Test func aWrongPasswordIsAClearAuthenticationError() async throws {
        let stack = try MailStack.required()
        let error = await #expect(throws: AuthenticationFailure.self) {
            try await POP3Connection.connect(Self.settings(stack, security: .startTLS, password: "not-bobs-password"))
        }
        #expect(error?.isTemporary == false)
        #expect(error?.username == "bob")
        #expect(error?.description.contains("not-bobs-password") == false)
    }
}

/// Collects trace lines.
final class TraceCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) {
        lock.withLock { stored.append(line) }
    }

    var lines: [String] { lock.withLock { stored } }
}

/// Collects streamed message bytes.
final class ByteSink: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    func append(_ chunk: ArraySlice<UInt8>) {
        lock.withLock { bytes += chunk }
    }

    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}
