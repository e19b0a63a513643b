import Foundation
import SMTP
import TernTestSupport
import Testing
@testable import Transport

@Suite struct SMTPConnectionTests {
    @Test func fullSessionWithSTARTTLS() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let size = SMTPMessageTraits(scanning: smallMessage).size
        let server = try await scriptedSMTPServer([
            .send("220 mail.example.test ESMTP\r\n"),
            .expect("EHLO client.test"), .send(ehloReply(["PIPELINING", "STARTTLS", "SIZE 1000"])),
            .expect("STARTTLS"), .send("220 2.0.0 Ready to start TLS\r\n"), .startTLS,
            .expect("EHLO client.test"), .send(ehloReply(["PIPELINING", "SIZE 1000", "AUTH PLAIN LOGIN"])),
            .expect(alicePlain), .send("235 2.7.0 Authentication successful\r\n"),
            .expect("MAIL FROM:<alice@example.test> SIZE=\(size)"), .expect("RCPT TO:<bob@example.test>"), .expect("DATA"),
            .send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n"),
        ] + smallMessageLines + [
            .send("250 2.0.0 Ok: queued as 4XYZ\r\n"),
            .expect("QUIT"), .send("221 2.0.0 Bye\r\n"), .close,
        ])
        let sink = TraceLines()
        let session = try await SMTPConnection.connect(
            smtpSettings(port: server.port, security: .startTLS, caFile: ca.path), trace: sink.makeTrace())
        #expect(session.isTLSActive)
        #expect(await session.authenticationMechanism == .plain)
        #expect(await session.capabilities?.supportsStartTLS == false)
        let report = try await session.send(smallMessage, envelope: bobEnvelope)
        #expect(report.isAccepted)
        #expect(report.finalReply?.description == "250 2.0.0 Ok: queued as 4XYZ")
        await session.quit()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty)
        #expect(outcome.completed)

        let trace = sink.text
        #expect(trace.contains("C: AUTH PLAIN ****"))
        #expect(!trace.contains("AGFsaWNlAGFsaWNlcHc="))
        #expect(!trace.contains("alicepw"))
        #expect(trace.contains("C: [\(smallMessage.count) bytes of message text]"))
        #expect(trace.contains("S: 250-PIPELINING"))
        #expect(trace.contains("handshake done, certificate verified"))
        #expect(trace.contains("[smtp 127.0.0.1:\(server.port)]"))
    }

    @Test func implicitTLS() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await scriptedSMTPServer(smtpTLSLogin + [.expect("QUIT"), .send("221 Bye\r\n"), .close],
                                                    implicitTLS: .localhost)
        let session = try await SMTPConnection.connect(smtpSettings(port: server.port, security: .tls, caFile: ca.path))
        #expect(session.isTLSActive)
        await session.quit()
        #expect(await server.outcome().failures.isEmpty)
    }

    /// CVE-2011-0411: replies injected after 220 to STARTTLS would answer EHLO (offering a weak
    /// AUTH) and the login. They must be discarded and the real EHLO over TLS read instead.
    @Test func repliesInjectedAfterSTARTTLSAreNotRead() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let injected = "250-evil.example\r\n250 AUTH LOGIN\r\n334 VXNlcm5hbWU6\r\n"
        let server = try await scriptedSMTPServer([
            .send("220 mail.example.test ESMTP\r\n"),
            .expect("EHLO client.test"), .send(ehloReply(["STARTTLS"])),
            .expect("STARTTLS"), .send("220 2.0.0 Ready to start TLS\r\n" + injected), .startTLS,
            .expect("EHLO client.test"), .send(ehloReply(["AUTH PLAIN"])),
            .expect(alicePlain), .send("235 2.7.0 Authentication successful\r\n"),
            .expect("QUIT"), .send("221 Bye\r\n"), .close,
        ])
        let sink = TraceLines()
        let session = try await SMTPConnection.connect(
            smtpSettings(port: server.port, security: .startTLS, caFile: ca.path), trace: sink.makeTrace())
        #expect(await session.authenticationMechanism == .plain)
        #expect(await session.capabilities?.authMechanisms == ["PLAIN"])
        await session.quit()
        #expect(await server.outcome().failures.isEmpty)
        #expect(sink.text.contains("discarded \(injected.utf8.count) bytes"))
        #expect(!sink.text.contains("evil"))
    }

    @Test func startTLSNotOfferedFailsWithoutSendingCredentials() async throws {
        let server = try await scriptedSMTPServer([
            .send("220 mail.example.test ESMTP\r\n"),
            .expect("EHLO client.test"), .send(ehloReply(["PIPELINING", "AUTH PLAIN LOGIN"])), .expectClose,
        ])
        let error = await #expect(throws: StartTLSError.self) {
            try await SMTPConnection.connect(smtpSettings(port: server.port, security: .startTLS))
        }
        #expect(error?.kind == .notOffered)
        #expect(error?.description.contains("does not offer STARTTLS") == true)
        #expect(await server.outcome().receivedLines == ["EHLO client.test"])
    }

    @Test func startTLSRefused() async throws {
        let server = try await scriptedSMTPServer([
            .send("220 mail.example.test ESMTP\r\n"),
            .expect("EHLO client.test"), .send(ehloReply(["STARTTLS", "AUTH PLAIN"])),
            .expect("STARTTLS"), .send("454 4.7.0 TLS not available due to local problem\r\n"), .expectClose,
        ])
        let error = await #expect(throws: StartTLSError.self) {
            try await SMTPConnection.connect(smtpSettings(port: server.port, security: .startTLS))
        }
        #expect(error?.kind == .refused(serverMessage: "454 4.7.0 TLS not available due to local problem"))
        #expect(await server.outcome().receivedLines == ["EHLO client.test", "STARTTLS"])
    }

    @Test func noPasswordWithoutTLSUnlessAllowed() async throws {
        let server = try await scriptedSMTPServer([
            .send("220 mail.example.test ESMTP\r\n"),
            .expect("EHLO client.test"), .send(ehloReply(["AUTH PLAIN"])), .expectClose,
        ])
        await #expect(throws: SMTPAuthenticationError.insecureConnection) {
            try await SMTPConnection.connect(smtpSettings(port: server.port, security: .none))
        }
        #expect(await server.outcome().receivedLines == ["EHLO client.test"])

        let allowed = try await scriptedSMTPServer([
            .send("220 mail.example.test ESMTP\r\n"),
            .expect("EHLO client.test"), .send(ehloReply(["AUTH PLAIN"])),
            .expect(alicePlain), .send("235 ok\r\n"), .expect("QUIT"), .send("221 Bye\r\n"), .close,
        ])
        let session = try await SMTPConnection.connect(smtpSettings(port: allowed.port, security: .none, allowInsecure: true))
        await session.quit()
        #expect(await allowed.outcome().failures.isEmpty)
    }

    @Test func aRefusedLoginIsAnAuthenticationFailureWithoutTheSecret() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await scriptedSMTPServer([
            .send("220 mail.example.test ESMTP\r\n"),
            .expect("EHLO client.test"), .send(ehloReply()),
            // A server that echoes what it got must not get the secret on screen.
            .expect(alicePlain), .send("535 5.7.8 Error: authentication failed: AGFsaWNlAGFsaWNlcHc= alicepw\r\n"),
            .expectClose,
        ], implicitTLS: .localhost)
        let error = await #expect(throws: AuthenticationFailure.self) {
            try await SMTPConnection.connect(smtpSettings(port: server.port, security: .tls, caFile: ca.path))
        }
        #expect(error?.protocolName == "SMTP")
        #expect(error?.method == "AUTH PLAIN")
        #expect(error?.isTemporary == false)
        #expect(error?.serverMessage == "535 5.7.8 Error: authentication failed: **** ****")
        #expect(error?.description.contains("alicepw") == false)
        _ = await server.outcome()
    }

    @Test func aGreetingOfAMegabyteWithoutCRLFFails() async throws {
        let server = try await scriptedSMTPServer([
            .sendBytes([UInt8](repeating: UInt8(ascii: "2"), count: 1_048_576)), .expectClose,
        ], timeout: .seconds(60))
        let error = await #expect(throws: SMTPProtocolError.self) {
            try await SMTPConnection.connect(smtpSettings(port: server.port, security: .none, password: nil))
        }
        #expect(error?.kind == .lineTooLong(limit: 8192))
        #expect(error?.context == "the greeting")
        _ = await server.outcome()
    }

    @Test func aRefusedGreeting() async throws {
        let server = try await scriptedSMTPServer([.send("554 5.3.2 mail.example.test no service\r\n"), .expectClose])
        let error = await #expect(throws: SMTPServerError.self) {
            try await SMTPConnection.connect(smtpSettings(port: server.port, security: .none, password: nil))
        }
        #expect(error?.description == "The SMTP server refused the connection: 554 5.3.2 mail.example.test no service")
        _ = await server.outcome()
    }

    /// The whole dialogue with every reply cut into single bytes, each in its own read.
    @Test func repliesSplitByteByByte() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await scriptedSMTPServer([
            .sendSplit("220-mail.example.test ESMTP\r\n220 hello\r\n", .bytewise),
            .expect("EHLO client.test"), .sendSplit(ehloReply(), .bytewise),
            .expect(alicePlain), .sendSplit("235 2.7.0 Authentication successful\r\n", .bytewise),
            .expect("MAIL FROM:<alice@example.test> SIZE=\(SMTPMessageTraits(scanning: smallMessage).size)"),
            .expect("RCPT TO:<bob@example.test>"), .expect("DATA"),
            .sendSplit("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n", .bytewise),
        ] + smallMessageLines + [
            .sendSplit("250 2.0.0 Ok: queued\r\n", .bytewise),
            .expect("QUIT"), .sendSplit("221 Bye\r\n", .bytewise), .expectClose,
        ], implicitTLS: .localhost, timeout: .seconds(60))
        let session = try await SMTPConnection.connect(smtpSettings(port: server.port, security: .tls, caFile: ca.path))
        let report = try await session.send(smallMessage, envelope: bobEnvelope)
        #expect(report.isAccepted)
        await session.quit()
        let outcome = await server.outcome()
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
    }

    @Test func a421InTheMiddleEndsTheSession() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await scriptedSMTPServer(smtpTLSLogin + [
            .expect("MAIL FROM:<alice@example.test> SIZE=\(SMTPMessageTraits(scanning: smallMessage).size)"),
            .expect("RCPT TO:<bob@example.test>"), .expect("DATA"),
            .send("250 2.1.0 Ok\r\n421 4.3.2 Service shutting down, closing transmission channel\r\n"), .close,
        ], implicitTLS: .localhost)
        let session = try await SMTPConnection.connect(smtpSettings(port: server.port, security: .tls, caFile: ca.path))
        let error = await #expect(throws: SMTPServerError.self) {
            try await session.send(smallMessage, envelope: bobEnvelope)
        }
        #expect(error?.isServiceClosing == true)
        #expect(error?.isTransient == true)
        let after = await #expect(throws: TransportError.self) { try await session.noop() }
        #expect(after?.kind == .notConnected)
        _ = await server.outcome()
    }

    @Test func theConnectionLostAfterTheDataIsAnError() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await scriptedSMTPServer(smtpTLSLogin + [
            .expect("MAIL FROM:<alice@example.test> SIZE=\(SMTPMessageTraits(scanning: smallMessage).size)"),
            .expect("RCPT TO:<bob@example.test>"), .expect("DATA"),
            .send("250 Ok\r\n250 Ok\r\n354 go\r\n"),
        ] + smallMessageLines + [.close], implicitTLS: .localhost)
        let session = try await SMTPConnection.connect(smtpSettings(port: server.port, security: .tls, caFile: ca.path))
        await #expect(throws: (any Error).self) { try await session.send(smallMessage, envelope: bobEnvelope) }
        _ = await server.outcome()
    }

    /// The reply to the end of the data may take longer than the read timeout (a content scan);
    /// its own timeout applies, and it is enforced.
    @Test func theReplyToTheDataHasItsOwnTimeout() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let steps: [ScriptedServer.Step] = smtpTLSLogin + [
            .expect("MAIL FROM:<alice@example.test> SIZE=\(SMTPMessageTraits(scanning: smallMessage).size)"),
            .expect("RCPT TO:<bob@example.test>"), .expect("DATA"),
            .send("250 Ok\r\n250 Ok\r\n354 go\r\n"),
        ] + smallMessageLines
        let slow = try await scriptedSMTPServer(steps + [.pause(milliseconds: 1500), .send("250 2.0.0 Ok\r\n"),
                                                           .expect("QUIT"), .send("221 Bye\r\n"), .close],
                                                  implicitTLS: .localhost)
        let session = try await SMTPConnection.connect(smtpSettings(
            port: slow.port, security: .tls, caFile: ca.path, readTimeout: .milliseconds(500), dataTimeout: .seconds(5)))
        #expect(try await session.send(smallMessage, envelope: bobEnvelope).isAccepted)
        await session.quit()
        #expect(await slow.outcome().failures.isEmpty)

        let silent = try await scriptedSMTPServer(steps + [.expectClose], implicitTLS: .localhost)
        let stuck = try await SMTPConnection.connect(smtpSettings(
            port: silent.port, security: .tls, caFile: ca.path, readTimeout: .seconds(5), dataTimeout: .milliseconds(300)))
        let error = await #expect(throws: TransportError.self) { try await stuck.send(smallMessage, envelope: bobEnvelope) }
        #expect(error?.kind == .readTimeout)
        _ = await silent.outcome()
    }
}
