import Foundation
import SMTP
import TernTestSupport
import Testing
@testable import Transport

/// Sessions against ``FakeSMTPServer``: several messages per connection, refusals, STARTTLS.
@Suite struct SMTPConnectionFakeServerTests {
    static func message(_ number: Int) -> [UInt8] {
        Array("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: \(number)\r\n\r\n.line \(number)\r\nbye\r\n".utf8)
    }

    @Test(arguments: [true, false])
    func manyMessagesOverOneConnection(pipelining: Bool) async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        var behavior = FakeSMTPServer.Behavior()
        behavior.offerStartTLS = true
        behavior.users = ["alice": "alicepw"]
        let server = try await FakeSMTPServer.start(behavior)
        let session = try await SMTPConnection.connect(
            smtpSettings(port: server.port, security: .startTLS, caFile: ca.path, pipelining: pipelining))
        for number in 0..<20 {
            let report = try await session.send(Self.message(number), envelope: bobEnvelope)
            #expect(report.isAccepted)
        }
        await session.quit()
        let received = server.messages
        #expect(received.count == 20)
        #expect(received.first?.data == Array("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: 0\r\n\r\n.line 0\r\nbye\r\n".utf8))
        #expect(server.connectionCount == 1)
        let commands = server.commands
        #expect(!commands.contains("RSET"))
        #expect(commands.filter { $0.hasPrefix("MAIL FROM") }.count == 20)
        await server.stop()
    }

    @Test func aRefusedRecipientThenRSETBeforeTheNextMessage() async throws {
        var behavior = FakeSMTPServer.Behavior()
        behavior.recipientReply = { $0.hasPrefix("nobody") ? "550 5.1.1 <\($0)>: Recipient address rejected: User unknown" : nil }
        let server = try await FakeSMTPServer.start(behavior)
        let session = try await SMTPConnection.connect(smtpSettings(port: server.port, security: .none, password: nil))
        let both = SMTPEnvelope(sender: "alice@example.test", recipients: ["nobody@example.test", "bob@example.test"])
        let refused = try await session.send(Self.message(1), envelope: both)
        #expect(!refused.isAccepted)
        #expect(refused.failure?.stage == .recipients)
        #expect(refused.refusedRecipients.map(\.description)
            == ["nobody@example.test: 550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown"])
        #expect(server.messages.isEmpty)

        let partial = try await session.send(Self.message(2), envelope: both, policy: .partial)
        #expect(partial.isAccepted)
        #expect(partial.acceptedRecipients == ["bob@example.test"])
        #expect(server.messages.map(\.recipients) == [["bob@example.test"]])
        #expect(server.commands.contains("RSET"))
        await session.quit()
        await server.stop()
    }

    @Test func tooLargeForTheServerIsRefusedBeforeUploadAndTheSessionGoesOn() async throws {
        var behavior = FakeSMTPServer.Behavior()
        behavior.extensions = ["PIPELINING", "SIZE 1000", "8BITMIME"]
        let server = try await FakeSMTPServer.start(behavior)
        let session = try await SMTPConnection.connect(smtpSettings(port: server.port, security: .none, password: nil))
        let big = Array("Subject: big\r\n\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 5000)
        await #expect(throws: SMTPTransactionError.messageTooLarge(size: big.count + 2, limit: 1000)) {
            try await session.send(big, envelope: bobEnvelope)
        }
        #expect(!server.commands.contains { $0.hasPrefix("MAIL") })
        #expect(try await session.send(Self.message(1), envelope: bobEnvelope).isAccepted)
        await session.quit()
        await server.stop()
    }

    @Test func eightBitMessagesSayBODY8BITMIME() async throws {
        let server = try await FakeSMTPServer.start()
        let session = try await SMTPConnection.connect(smtpSettings(port: server.port, security: .none, password: nil))
        let text = Array("Subject: x\r\n\r\nGrüße, Zoë\r\n".utf8)
        #expect(try await session.send(text, envelope: bobEnvelope).isAccepted)
        #expect(server.messages.first?.parameters == ["SIZE=\(text.count)", "BODY=8BITMIME"])
        #expect(server.messages.first?.data == text)
        await session.quit()
        await server.stop()
    }

    @Test func theAccountsPreferredMechanismIsUsed() async throws {
        var behavior = FakeSMTPServer.Behavior()
        behavior.users = ["alice": "alicepw"]
        behavior.implicitTLS = true
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await FakeSMTPServer.start(behavior)
        var settings = smtpSettings(port: server.port, security: .tls, caFile: ca.path)
        settings.authentication.preferredMechanisms = [.login, .plain]
        let session = try await SMTPConnection.connect(settings)
        #expect(await session.authenticationMechanism == .login)
        #expect(try await session.send(Self.message(1), envelope: bobEnvelope).isAccepted)
        await session.quit()
        #expect(server.commands.prefix(4) == ["EHLO client.test", "AUTH LOGIN", "YWxpY2U=", "YWxpY2Vwdw=="])
        await server.stop()
    }

    @Test func aWrongPasswordAgainstTheFakeServer() async throws {
        var behavior = FakeSMTPServer.Behavior()
        behavior.users = ["alice": "right"]
        behavior.implicitTLS = true
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await FakeSMTPServer.start(behavior)
        let error = await #expect(throws: AuthenticationFailure.self) {
            try await SMTPConnection.connect(smtpSettings(port: server.port, security: .tls, caFile: ca.path))
        }
        #expect(error?.serverMessage == "535 5.7.8 Error: authentication failed")
        await server.stop()
    }
}
