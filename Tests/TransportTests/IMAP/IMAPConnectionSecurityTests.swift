import Foundation
import IMAP
import MailCore
import TernTestSupport
import Testing
@testable import Transport

/// STARTTLS (no downgrade, injection discarded), refusing to send credentials in clear text,
/// and login failures.
@Suite struct IMAPConnectionSecurityTests {
    static func connect(_ server: ScriptedServer, security: ConnectionSecurity, allowInsecure: Bool = false,
                        trace: ProtocolTrace? = nil) async throws -> IMAPConnection {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        return try await IMAPConnection.connect(
            imapSettings(port: server.port, security: security, caFile: ca.path, allowInsecure: allowInsecure), trace: trace)
    }

    @Test func startTLSDiscardsInjectedResponsesAndAsksCapabilitiesAgain() async throws {
        let trace = TraceLines()
        let server = try await ScriptedServer.start([
            .send("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n"),
            .expect("A1 STARTTLS"),
            // A man in the middle appends responses to the OK, hoping the client reads them as
            // answers to its next commands after the handshake.
            .send("A1 OK Begin TLS negotiation now.\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN LOGIN-REFERRALS] injected\r\n"
                + "A2 OK [CAPABILITY IMAP4rev1] injected\r\n"),
            .startTLS,
            .expect("A2 CAPABILITY"),
            .send("* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN\r\nA2 OK Capability completed.\r\n"),
            .expect("A3 AUTHENTICATE PLAIN AGJvYgBib2Jwdw=="),
            .send("A3 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n"),
            .expectClose,
        ])
        let session = try await Self.connect(server, security: .startTLS, trace: trace.makeTrace())
        #expect(session.isTLSActive)
        #expect(await session.capabilities == [.imap4rev1, .idle])
        await session.close()
        await expectCleanOutcome(server)
        let text = trace.lines.joined(separator: "\n")
        #expect(text.contains("discarded"))
        #expect(!text.contains("injected"))
    }

    @Test func startTLSNotOfferedFailsWithoutSendingCredentials() async throws {
        let server = try await ScriptedServer.start([
            .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"), .expectClose,
        ])
        let error = await #expect(throws: StartTLSError.self) { try await Self.connect(server, security: .startTLS) }
        #expect(error?.kind == .notOffered)
        #expect(error?.command == "STARTTLS" && error?.protocolName == "IMAP")
        let outcome = await server.outcome()
        #expect(outcome.receivedLines.isEmpty)
    }

    @Test func startTLSRefused() async throws {
        let server = try await ScriptedServer.start([
            .send("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n"),
            .expect("A1 STARTTLS"), .send("A1 NO TLS is broken today\r\n"), .expectClose,
        ])
        let error = await #expect(throws: StartTLSError.self) { try await Self.connect(server, security: .startTLS) }
        #expect(error?.kind == .refused(serverMessage: "TLS is broken today"))
        await expectCleanOutcome(server)
    }

    @Test func preauthCannotBeUpgraded() async throws {
        let server = try await ScriptedServer.start([
            .send("* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] welcome back\r\n"), .expectClose,
        ])
        let error = await #expect(throws: StartTLSError.self) { try await Self.connect(server, security: .startTLS) }
        #expect(error?.kind == .notOffered)
        _ = await server.outcome()
    }

    @Test func noCredentialsInClearTextUnlessAllowed() async throws {
        let server = try await ScriptedServer.start([
            .send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"), .expectClose,
        ])
        await #expect(throws: IMAPAuthenticationError.insecureConnection) { try await Self.connect(server, security: .none) }
        #expect(await server.outcome().receivedLines.isEmpty)

        let allowed = try await ScriptedServer.start([
            .send("* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] ready\r\n"), .expectClose,
        ])
        await #expect(throws: IMAPAuthenticationError.loginDisabled(offered: [])) {
            try await Self.connect(allowed, security: .none, allowInsecure: true)
        }
        #expect(await allowed.outcome().receivedLines.isEmpty)

        let login = try await ScriptedServer.start([
            .send("* OK [CAPABILITY IMAP4rev1] ready\r\n"),
            .expect("A1 LOGIN bob bobpw"), .send("A1 OK Logged in\r\n"),
            .expect("A2 CAPABILITY"), .send("* CAPABILITY IMAP4rev1 IDLE\r\nA2 OK done\r\n"),
            .expectClose,
        ])
        let session = try await Self.connect(login, security: .none, allowInsecure: true)
        #expect(await session.authenticationMethod == .login)
        #expect(await session.capabilities.contains(.idle))
        await session.close()
        await expectCleanOutcome(login)
    }

    @Test func aRefusedLoginIsAnAuthenticationFailureWithoutTheSecret() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start([
            .send("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\r\n"),
            .expect("A1 AUTHENTICATE PLAIN AGJvYgBib2Jwdw=="),
            .send("A1 NO [AUTHENTICATIONFAILED] Authentication failed for bobpw.\r\n"),
            .expectClose,
        ], implicitTLS: .localhost)
        let error = await #expect(throws: AuthenticationFailure.self) {
            try await IMAPConnection.connect(imapSettings(port: server.port, caFile: ca.path))
        }
        #expect(error?.protocolName == "IMAP" && error?.method == "AUTHENTICATE PLAIN")
        #expect(error?.isTemporary == false)
        #expect(error?.description.contains("bobpw") == false)
        #expect(error?.serverMessage == "Authentication failed for ****.")
        await expectCleanOutcome(server)
    }

    @Test func aByeGreeting() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start([.send("* BYE Too many connections\r\n"), .close],
                                                    implicitTLS: .localhost)
        let error = await #expect(throws: IMAPConnectionLost.self) {
            try await IMAPConnection.connect(imapSettings(port: server.port, caFile: ca.path))
        }
        #expect(error?.reason == .bye("Too many connections"))
        _ = await server.outcome()
    }
}
