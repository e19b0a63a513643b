import Foundation
import MailCore
@testable import MailEngine
import MailStore
import SMTP
import TernConfig
import TernTestSupport
import Testing

/// The whole pipeline against ``FakeSMTPServer``: outbox, SMTP with STARTTLS and login, a local
/// Sent Maildir.
@Suite struct SMTPTransportTests {
    static func server(port: Int, caFile: String, password: SecretSource? = .environment("TERN_TEST_PW")) -> ServerConnection {
        ServerConnection(serverProtocol: .smtp, host: "127.0.0.1", port: port, security: .starttls, user: "alice",
                         password: password, caFile: caFile)
    }

    static func fakeServer() async throws -> FakeSMTPServer {
        var behavior = FakeSMTPServer.Behavior()
        behavior.offerStartTLS = true
        behavior.users = ["alice": "alicepw"]
        return try await FakeSMTPServer.start(behavior)
    }

    @Test func sendsThroughTheOutboxAndStoresTheSentCopy() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ca = try ScriptedServer.writeTemporaryPEM(TestPKI.caCertificatePEM, name: "ca")
        defer { try? FileManager.default.removeItem(atPath: ca) }
        let smtp = try await Self.fakeServer()
        let transport = SMTPTransport(account: "alice", server: Self.server(port: smtp.port, caFile: ca), environment: ["TERN_TEST_PW": "alicepw"])
        let maildir = folder.url.appendingPathComponent("mail")
        let sender = makeSender(folder, transport: transport,
                                sentCopy: MaildirSentCopy(root: maildir, folder: MailboxPath("Sent")))
        let result = try await sender.send(sampleMessage)
        #expect(result.wasAccepted)
        #expect(smtp.messages.count == 1)
        #expect(smtp.messages.first?.recipients == ["bob@example.test", "eve@example.test"])
        #expect(smtp.messages.first?.data == sampleMessage.bytes)
        let sent = try Maildir(directory: maildir.appendingPathComponent(".Sent")).messages()
        #expect(sent.count == 1)
        #expect(sent.first?.name.flags == [.seen])
        let copy = try String(contentsOf: try #require(sent.first?.url), encoding: .utf8)
        #expect(copy.contains("Bcc: eve@example.test\r\n"))
        #expect(try sender.outbox.entries().isEmpty)
        await smtp.stop()
    }

    /// The connection drops after the data, before the reply: the message stays queued, and the
    /// next flush sends it once.
    @Test func aDroppedConnectionKeepsItQueuedThenItGoesOutOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ca = try ScriptedServer.writeTemporaryPEM(TestPKI.caCertificatePEM, name: "ca")
        defer { try? FileManager.default.removeItem(atPath: ca) }
        let smtp = try await Self.fakeServer()
        smtp.update { $0.dropAfterData = { $0 == 0 } }
        let transport = SMTPTransport(account: "alice", server: Self.server(port: smtp.port, caFile: ca), environment: ["TERN_TEST_PW": "alicepw"])
        let copies = RecordingSentCopy()
        let sender = makeSender(folder, transport: transport, sentCopy: copies)
        let result = try await sender.send(sampleMessage)
        guard case .willRetry(let failure, _) = result.outcome else {
            Issue.record("expected a retry: \(result.outcome)")
            return
        }
        #expect(failure.isTransient)
        #expect(smtp.messages.isEmpty)
        let flushed = try await sender.flush()
        #expect(flushed.count == 1 && flushed[0].wasAccepted)
        _ = try await sender.flush()
        #expect(smtp.messages.count == 1)
        #expect(copies.count == 1)
        await smtp.stop()
    }

    @Test func aMissingPasswordIsACredentialsFailureAndNothingIsSent() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let smtp = try await Self.fakeServer()
        let transport = SMTPTransport(account: "alice", server: Self.server(port: smtp.port, caFile: "/nonexistent"), environment: [:])
        let sender = makeSender(folder, transport: transport, sentCopy: RecordingSentCopy())
        let result = try await sender.send(sampleMessage)
        guard case .willRetry(let failure, nil) = result.outcome else {
            Issue.record("expected a held message: \(result.outcome)")
            return
        }
        #expect(failure.step == .credentials)
        #expect(failure.message == SecretError(account: "alice", what: "password", problem: .environmentUnset).description)
        #expect(smtp.connectionCount == 0)
        await smtp.stop()
    }

    @Test func secretsComeFromTheAccountsPasswordOrTokenSource() throws {
        func secret(_ server: ServerConnection, _ environment: [String: String] = [:]) throws -> SMTPCredentials.Secret? {
            try SMTPTransport(account: "alice", server: server, environment: environment).settings().credentials?.secret
        }
        var server = Self.server(port: 2525, caFile: "/ca.pem", password: .command("printf 'secret\\nsecond line\\n'"))
        guard case .password("secret")? = try secret(server) else { Issue.record("the first line is the password"); return }
        server.password = .environment("PW")
        guard case .password("x y")? = try secret(server, ["PW": "x y"]) else { Issue.record("password_env"); return }
        server.password = nil
        server.oauthToken = .command("echo tok-123")
        guard case .oauth2AccessToken("tok-123")? = try secret(server) else { Issue.record("oauth_token_command"); return }
        server.oauthToken = .command("echo leaked; echo oops >&2; exit 3")
        let failed = #expect(throws: SendFailure.self) { try secret(server) }
        #expect(failed?.step == .credentials)
        #expect(failed?.message == "account \"alice\": the OAuth token command failed (exit status 3); it said: oops."
            + " Run the command yourself to see why.")
        server.oauthToken = .command("true")
        #expect(throws: SendFailure.self) { try secret(server) }
    }

    @Test func configMapsToSettings() throws {
        var server = Self.server(port: 2525, caFile: "/ca.pem")
        server.authMechanisms = [.cramMD5, .user, .xoauth2]
        server.allowInsecureAuth = true
        let settings = try SMTPTransport(account: "alice", server: server, environment: ["TERN_TEST_PW": "pw"]).settings()
        #expect(settings.port == 2525)
        #expect(settings.connection.security == .startTLS)
        #expect(settings.connection.caFile == "/ca.pem")
        #expect(settings.authentication.preferredMechanisms == [.cramMD5, .xoauth2])
        #expect(settings.authentication.allowInsecureAuthentication)
        #expect(settings.credentials?.username == "alice")
    }

    @Test func theOutboxFolderFollowsXDG() {
        #expect(AccountSending.outboxDirectory(account: "work", environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]).path
            == "/data/tern/work/outbox")
        #expect(AccountSending.outboxDirectory(account: "work", environment: ["HOME": "/home/u"]).path
            == "/home/u/.local/share/tern/work/outbox")
    }
}
