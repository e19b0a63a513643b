import Foundation
import IMAP
import MailCore
import MailEngine
import MailStore
import TernTestSupport
import Transport

/// An IMAP account of its own on the test stack's Dovecot for one backend test: a fresh user
/// (so no test assumes an empty mailbox of a shared user), its settings, a backend over a cache
/// in a temporary folder, and a second plain connection playing "another client".
struct IMAPBackendFixture {
    let stack: MailStack
    let user: DovecotTestUser
    let directory: URL

    static func make(_ label: String = "imapbe") throws -> IMAPBackendFixture {
        let stack = try MailStack.required()
        let user = try DovecotTestUser.create(in: stack, prefix: label)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tern-imapbe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return IMAPBackendFixture(stack: stack, user: user, directory: directory)
    }

    /// Settings of the user's account (implicit TLS unless a port is given, e.g. a proxy's).
    func settings(port: Int? = nil) -> IMAPSettings {
        IMAPSettings(
            host: stack.host, port: port ?? stack.imapsPort,
            connection: ConnectionOptions(security: .tls, caFile: stack.caFile.path, connectTimeout: .seconds(10),
                                          readTimeout: .seconds(60)),
            credentials: IMAPCredentials(username: user.name, secret: .password(user.password)))
    }

    /// A backend of the account; `cacheName` picks its header cache (the same name reopens it).
    func backend(cacheName: String = "cache", options: IMAPBackendOptions = IMAPBackendOptions(),
                 roles: FolderRoles = FolderRoles(), port: Int? = nil) throws -> IMAPBackend {
        let cache = try HeaderCache(url: directory.appendingPathComponent("\(cacheName).sqlite"), account: user.name,
                                    source: "imap://\(user.name)@test")
        var options = options
        options.bodyCacheDirectory = directory.appendingPathComponent("\(cacheName).bodies")
        let settings = self.settings(port: port)
        return IMAPBackend(accountName: user.name, cache: cache, roles: roles, options: options) { settings }
    }

    /// Another client of the same account.
    func otherClient() async throws -> IMAPConnection {
        try await IMAPConnection.connect(settings())
    }

    /// Appends `count` small messages to `folder` through `client` (created when missing).
    @discardableResult
    func append(_ count: Int, to folder: String, via client: IMAPConnection, subject: String = "message") async throws -> [UID] {
        let name = await client.mailboxName(folder)
        if folder.uppercased() != "INBOX" { try? await client.create(name) }
        var uids: [UID] = []
        for index in 0..<count {
            let message = IMAPDovecot.message(subject: "\(subject) \(index)", body: "Body of \(subject) \(index): lunch at noon.\r\n")
            let date = InternalDate(Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60))
            if let result = try await client.append(message, to: name, date: date) { uids.append(result.uid) }
        }
        return uids
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
