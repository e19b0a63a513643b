import Foundation
import MailCore
import MailStore
import Testing
import TernConfig
@testable import MailEngine

@Suite struct BackendFactoryTests {
    private func account(_ source: MailSource, folders: [FolderRole: String] = [:]) throws -> Account {
        Account(name: "acct", from: try #require(Address.parse("Me <me@example.org>")), source: source, folders: folders)
    }

    private func factory(cacheDir: URL) -> BackendFactory {
        var factory = BackendFactory(environment: ["HOME": cacheDir.path, "XDG_CACHE_HOME": cacheDir.path])
        factory.pollInterval = .milliseconds(100)
        return factory
    }

    @Test func aMaildirAccountGetsAMaildirBackendWithItsCache() async throws {
        let tree = try TestMaildir(folders: [.inbox, MailboxPath(["Outbox"])])
        defer { tree.remove() }
        try tree.deliver("x")
        let acct = try account(.maildir(MaildirSettings(path: tree.root.path)), folders: [.sent: "Outbox"])
        let backend = try factory(cacheDir: tree.root.appendingPathComponent(".cache")).makeBackend(for: acct)
        #expect(backend.accountName == "acct")
        #expect(try await backend.sync(.inbox).added == 1)
        #expect(try await backend.folders().map(\.role) == [.inbox, .sent])
        #expect(FileManager.default.fileExists(atPath: tree.root.appendingPathComponent(".cache/tern/acct.sqlite").path))
    }

    @Test func aMissingMaildirIsAnError() throws {
        let acct = try account(.maildir(MaildirSettings(path: "/nonexistent/tern-\(UUID().uuidString)")))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-f-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: BackendError.self) { try factory(cacheDir: dir).makeBackend(for: acct) }
    }

    @Test func aPOP3AccountIsItsMaildirWrappedByTheDecorator() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-f-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let connection = ServerConnection(serverProtocol: .pop3, host: "pop.example.org", user: "me", password: .command("true"))
        let acct = try account(.pop3(POP3Settings(connection: connection, maildir: dir.appendingPathComponent("mail").path)))
        var f = factory(cacheDir: dir)
        let plain = try f.makeBackend(for: acct)
        #expect(plain is MaildirBackend)
        #expect(Maildir(directory: dir.appendingPathComponent("mail")).exists, "a POP3 account's Maildir is created")
        let seen = Box()
        f.pop3Decorator = { local, account, settings, _ in
            seen.value = "\(account.name) \(settings.connection.host) \(local.store.root.lastPathComponent)"
            return local
        }
        _ = try f.makeBackend(for: acct)
        #expect(seen.value == "acct pop.example.org mail")
    }

    @Test func anIMAPAccountGetsAnIMAPBackendWithoutConnecting() throws {
        let connection = ServerConnection(serverProtocol: .imap, host: "imap.example.org", user: "me", password: .command("exit 1"))
        let acct = try account(.imap(connection))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-f-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // The password command runs only when the backend connects, so making it cannot fail on it.
        let backend = try factory(cacheDir: dir).makeBackend(for: acct)
        let imap = try #require(backend as? IMAPBackend)
        #expect(imap.accountName == "acct")
        #expect(imap.capabilities.contains(.push) && !imap.capabilities.contains(.offline))
        #expect(imap.options.bodyCacheDirectory?.lastPathComponent.hasSuffix(".bodies") == true)
        #expect(imap.capabilities.contains(.bodyCache), "it keeps the messages it fetches")
    }

    /// `body_cache_mb = 0`: the backend says it keeps no messages (the UI then reads none ahead).
    @Test func anIMAPAccountWithTheBodyCacheOffKeepsNoMessages() throws {
        let connection = ServerConnection(serverProtocol: .imap, host: "imap.example.org", user: "me", password: .command("exit 1"))
        let acct = try account(.imap(connection))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-f-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var off = factory(cacheDir: dir)
        off.imapOptions.bodyCacheLimit = 0
        let imap = try #require(try off.makeBackend(for: acct) as? IMAPBackend)
        #expect(!imap.capabilities.contains(.bodyCache))
        #expect(imap.capabilities.contains(.push))
    }

    final class Box: @unchecked Sendable { var value = "" }
}
