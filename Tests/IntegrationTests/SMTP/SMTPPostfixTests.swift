import Foundation
import MailCore
import MailEngine
import IMAP
import MailStore
import SMTP
import TernConfig
import TernTestSupport
import Testing
import Transport

/// Sending through the real Postfix submission of the test stack (1587 STARTTLS, 1465 TLS) and
/// reading the result back from Dovecot.
@Suite(.enabled(if: MailStack.shouldRun), .serialized)
struct SMTPPostfixTests {
    static func server(_ stack: MailStack, security: TernConfig.ConnectionSecurity, password: String = "alicepw",
                       port: Int? = nil) -> (ServerConnection, [String: String])
    {
        let port = port ?? (security == .tls ? stack.submissionsPort : stack.submissionPort)
        return (ServerConnection(serverProtocol: .smtp, host: stack.host, port: port, security: security, user: "alice",
                                 password: .environment("TERN_TEST_PW"), caFile: stack.caFile.path),
                ["TERN_TEST_PW": password])
    }

    /// Alice as an IMAP account: her Sent copy goes by IMAP APPEND into the folder Dovecot marks
    /// \\Sent (SPECIAL-USE), through tern's IMAP backend.
    static func sender(_ stack: MailStack, security: TernConfig.ConnectionSecurity, data: URL,
                       trace: ProtocolTrace? = nil, port: Int? = nil) throws -> OutboxSender {
        let (server, environment) = Self.server(stack, security: security, port: port)
        let cache = try HeaderCache(url: data.appendingPathComponent("alice-cache.sqlite"), account: "alice",
                                    source: "imap://alice@test")
        let settings = IMAPSettings(
            host: stack.host, port: stack.imapsPort,
            connection: ConnectionOptions(security: .tls, caFile: stack.caFile.path, connectTimeout: .seconds(10),
                                          readTimeout: .seconds(60)),
            credentials: IMAPCredentials(username: stack.alice.name, secret: .password(stack.alice.password)))
        let backend = IMAPBackend(accountName: "alice", cache: cache) { settings }
        return OutboxSender(account: "alice", outbox: Outbox(directory: data.appendingPathComponent("alice/outbox")),
                            transport: SMTPTransport(account: "alice", server: server, environment: environment, trace: trace),
                            sentCopy: BackendSentCopy(backend: backend, configuredFolder: nil))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tern-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// 5 MB of bytes that are not text, so base64 and every byte value are exercised.
    static func attachment(size: Int = 5 * 1024 * 1024, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        var bytes = [UInt8](repeating: 0, count: size)
        var index = 0
        while index < size {
            var value = generator.next()
            for _ in 0..<8 where index < size {
                bytes[index] = UInt8(truncatingIfNeeded: value)
                value >>= 8
                index += 1
            }
        }
        return bytes
    }

    @Test(arguments: [TernConfig.ConnectionSecurity.starttls, .tls])
    func aBigUTF8MessageArrivesIntactWithItsSentCopy(security: TernConfig.ConnectionSecurity) async throws {
        let stack = try MailStack.required()
        try StackMail.touch(stack, user: stack.alice)
        let data = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let trace = TraceCollector()
        let sender = try Self.sender(stack, security: security, data: data, trace: ProtocolTrace { trace.append($0) })

        let token = UUID().uuidString
        let file = Self.attachment(seed: UInt64(token.hashValue.magnitude))
        var builder = MessageBuilder(from: Address(name: "Alice Ärger", address: "alice@example.test"))
        builder.to = [Address(name: "Bob", address: "bob@example.test")]
        builder.subject = "Grüße aus tern ✓ \(token)"
        builder.text = "Hallo Bob,\n\nÄpfel, Birnen und 日本語.\n.a line starting with a dot\n\n— Alice\n"
        builder.attachments = [.file("daten-\(token).bin", file)]
        let built = try builder.build()
        let result = try await sender.send(OutgoingMessage(built: built, builder: builder))
        guard case .sent(let receipt, let copy) = result.outcome else {
            Issue.record("not sent: \(result.outcome)")
            return
        }
        #expect(receipt.reply.hasPrefix("250 2.0.0 Ok: queued as"))
        #expect(copy == .stored)
        #expect(try sender.outbox.entries().isEmpty)

        let received = try await StackMail.fetch(stack, user: stack.bob, messageID: built.messageID.value)
        #expect(received.count == 1)
        let message = Message(bytes: try #require(received.first))
        #expect(message.header.text("Subject") == builder.subject)
        #expect(message.envelope.from.first?.name == "Alice Ärger")
        let body = try #require(message.bodyParts().first)
        #expect(body.part.text() == builder.text.replacingOccurrences(of: "\n", with: "\r\n")
            || body.part.text() == builder.text)
        let attachments = message.attachments()
        #expect(attachments.count == 1)
        #expect(attachments.first?.part.filename == "daten-\(token).bin")
        #expect(attachments.first?.part.decodedBody() == file)

        // The Sent copy, appended over IMAP, is in alice's Sent folder.
        let sent = try await StackMail.fetch(stack, user: stack.alice, folder: "Sent", messageID: built.messageID.value)
        #expect(sent.count == 1)
        #expect(sent.first == built.bytes)

        let text = trace.lines.joined(separator: "\n")
        if security == .starttls { #expect(text.contains("C: STARTTLS")) }
        #expect(text.contains("C: AUTH PLAIN ****"))
        #expect(text.contains("handshake done, certificate verified"))
    }

    /// The trace of a real session holds neither the password nor any base64 form of it.
    @Test func theTraceOfARealSessionHasNoSecret() async throws {
        let stack = try MailStack.required()
        let trace = TraceCollector()
        for security in [ConnectionSecurity.startTLS, .tls] {
            let settings = SMTPSettings(
                host: stack.host, port: security == .tls ? stack.submissionsPort : stack.submissionPort,
                connection: ConnectionOptions(security: security, caFile: stack.caFile.path),
                credentials: SMTPCredentials(username: "alice", secret: .password("alicepw")))
            let session = try await SMTPConnection.connect(settings, trace: ProtocolTrace { trace.append($0) })
            #expect(await session.authenticationMechanism == .plain)
            let report = try await session.send(Array("Subject: trace\r\n\r\ntrace test\r\n".utf8),
                                                envelope: SMTPEnvelope(sender: "alice@example.test",
                                                                       recipients: ["bob@example.test"]))
            #expect(report.isAccepted)
            await session.quit()
        }
        let text = trace.lines.joined(separator: "\n")
        for secret in ["alicepw", "YWxpY2Vwdw", "AGFsaWNlAGFsaWNlcHc", "YWxpY2UAYWxpY2Vwdw"] {
            #expect(!text.contains(secret), "\(secret) in the trace")
        }
        #expect(text.contains("S: 250-PIPELINING"))
        #expect(text.contains("S: 235 2.7.0 Authentication successful"))
        if ProcessInfo.processInfo.environment["TERN_SHOW_TRACE"] == "1" { print(text) }
    }

    @Test func aWrongPasswordIsTheAuthError() async throws {
        let stack = try MailStack.required()
        let settings = SMTPSettings(
            host: stack.host, port: stack.submissionPort,
            connection: ConnectionOptions(security: .startTLS, caFile: stack.caFile.path),
            credentials: SMTPCredentials(username: "alice", secret: .password("not-alices-password")))
        let error = await #expect(throws: AuthenticationFailure.self) { try await SMTPConnection.connect(settings) }
        #expect(error?.isTemporary == false)
        #expect(error?.serverMessage.hasPrefix("535 5.7.8") == true)
        #expect(error?.description.contains("not-alices-password") == false)
    }

    @Test func aRecipientOutsideTheDomainIsRefused() async throws {
        let stack = try MailStack.required()
        let data = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let sender = try Self.sender(stack, security: .tls, data: data)
        let message = OutgoingMessage(bytes: Array("Subject: relay\r\n\r\nx\r\n".utf8), sender: "alice@example.test",
                                      recipients: ["someone@example.org"])
        let result = try await sender.send(message)
        guard case .failed(let failure) = result.outcome else {
            Issue.record("expected a refusal: \(result.outcome)")
            return
        }
        #expect(failure.step == .recipients)
        #expect(failure.message.contains("554 5.7.1 <someone@example.org>: Relay access denied"))
        #expect(try sender.outbox.entries().first?.status == .failed)
    }

    /// The connection to Postfix dies while the message text is going out (a proxy cuts it; the
    /// shared Postfix is never stopped, other tests use it at the same time): the message stays in
    /// the outbox, `flush` sends it, and bob gets it exactly once.
    @Test func theConnectionDiesMidSendThenTheMessageGoesOutOnce() async throws {
        let stack = try MailStack.required()
        let data = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        // 100 KB from the client: past the greeting, EHLO, STARTTLS and login, inside the 200 KB text.
        let proxy = try CuttingProxy(target: stack.submissionPort, cutAfter: .max, clientCutAfter: 100_000)
        defer { proxy.stop() }
        let sender = try Self.sender(stack, security: .starttls, data: data, port: proxy.port)
        let token = UUID().uuidString
        let message = OutgoingMessage(
            bytes: Array("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: stop \(token)\r\nMessage-ID: <\(token)@example.test>\r\n\r\n".utf8)
                + [UInt8](repeating: UInt8(ascii: "x"), count: 200_000) + [13, 10],
            sender: "alice@example.test", recipients: ["bob@example.test"], messageID: "\(token)@example.test")
        let first = try await sender.send(message)
        #expect(proxy.didCut)
        guard case .willRetry(let failure, _) = first.outcome else {
            Issue.record("expected a retry: \(first.outcome)")
            return
        }
        #expect(failure.isTransient)
        #expect(try sender.outbox.entries().first?.status == .queued)
        var flushed: [SendResult] = []
        for _ in 0..<20 {
            flushed = try await sender.flush()
            if flushed.first?.wasAccepted == true { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(flushed.first?.wasAccepted == true)
        #expect(try sender.outbox.entries().isEmpty)
        let received = try await StackMail.fetch(stack, user: stack.bob, messageID: "\(token)@example.test")
        try await Task.sleep(for: .seconds(2))
        let again = try StackMail.imapFetch(stack, user: stack.bob, folder: "INBOX", messageID: "\(token)@example.test")
        #expect(received.count == 1)
        #expect(again.count == 1)
    }
}
