import Foundation
import MailCore
import MailStore
import TernConfig
import TernTestSupport
import Testing
@testable import MailEngine

/// ``BackendFactory/downloadingPOP3``: a configured POP3 account opened as the interactive client
/// opens it downloads on an inbox sync, with the password from the shared secret resolver.
@Suite struct BackendFactoryPOP3Tests {
    static func account(port: Int, maildir: URL, password: SecretSource) throws -> Account {
        let connection = ServerConnection(serverProtocol: .pop3, host: "127.0.0.1", port: port, security: .none,
                                          user: "bob", password: password, allowInsecureAuth: true)
        return Account(name: "home", from: try #require(Address.parse("Bob <bob@example.test>")),
                       source: .pop3(TernConfig.POP3Settings(connection: connection, maildir: maildir.path)))
    }

    static func factory(_ fixture: POP3DownloadFixture, environment: [String: String] = [:]) -> BackendFactory {
        var environment = environment
        environment["XDG_CACHE_HOME"] = fixture.root.appendingPathComponent("cache").path
        return BackendFactory.downloading(environment: environment)
    }

    @Test func anInboxSyncDownloadsThenListsTheMessagesAndEveryRequestReachesTheMaildir() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 3)
        defer { Task { await fixture.remove() } }
        let account = try Self.account(port: fixture.server.port, maildir: fixture.maildir.directory,
                                       password: .environment("POP_PW"))
        let backend = try Self.factory(fixture, environment: ["POP_PW": "bobpw"]).makeBackend(for: account)
        #expect(backend is POP3Backend)
        #expect(fixture.server.connectionCount == 0, "opening the account does not connect")

        let report = try await backend.sync(.inbox)
        #expect(report.added == 3)
        #expect(fixture.server.maildrop.isEmpty)
        let rows = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0..<10, filter: nil)
        #expect(Set(rows.map(\.envelope.subject)) == ["message 1", "message 2", "message 3"])

        // Flags, moves, deletes and expunges go to the local Maildir.
        let uids = rows.map(\.uid)
        try await backend.setFlags(.add([.flagged]), on: [uids[0]], in: .inbox)
        try await backend.createFolder(MailboxPath("Archive"))
        try await backend.move([uids[1]], from: .inbox, to: MailboxPath("Archive"))
        try await backend.expunge([uids[2]], in: .inbox)
        _ = try await backend.sync(MailboxPath("Archive"))
        #expect(try await backend.count(in: MailboxPath("Archive"), filter: nil) == 1)
        let left = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0..<10, filter: nil)
        #expect(left.map(\.uid) == [uids[0]])
        #expect(left.first?.flags.contains(.flagged) == true)
        await backend.close()
    }

    @Test func aFailingPasswordCommandFailsTheDownloadWithTheResolversWords() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 1)
        defer { Task { await fixture.remove() } }
        let account = try Self.account(port: fixture.server.port, maildir: fixture.maildir.directory,
                                       password: .command("echo not-this; echo 'vault locked' >&2; exit 2"))
        let backend = try Self.factory(fixture).makeBackend(for: account)
        let error = await #expect(throws: SecretError.self) { try await backend.sync(.inbox) }
        #expect(error?.description.contains("vault locked") == true)
        #expect(error?.description.contains("not-this") == false)
        #expect(fixture.server.connectionCount == 0)
        #expect(fixture.server.maildrop.count == 1)
        await backend.close()
    }

    @Test func anAccountWithoutAPasswordSourceSaysWhatToAdd() throws {
        let connection = ServerConnection(serverProtocol: .pop3, host: "127.0.0.1", user: "bob")
        let pop3 = POP3Account(name: "home", settings: TernConfig.POP3Settings(connection: connection, maildir: "/tmp/x"))
        #expect(throws: POP3AccountError.noCredentials(account: "home")) {
            try pop3.resolveSecret(with: SecretResolver(environment: [:]))
        }
        #expect(POP3AccountError.noCredentials(account: "home").description.contains("[accounts.home.pop3]"))
    }
}
