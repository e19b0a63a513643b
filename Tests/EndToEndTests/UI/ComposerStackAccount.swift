import Foundation
import TernTestSupport

/// An account of the test stack that a tmux test writes in: alice, or a fresh Dovecot user of the
/// test's own (so no test sees another test's mail in its INBOX, Sent or Drafts).
struct StackAccount: Sendable {
    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    /// The account's name in tern's config (also names the password's environment variable).
    let name: String
    /// The IMAP and SMTP login.
    let login: String
    /// The mail address.
    let address: String
    /// The password.
    let password: String
    /// The account's Maildir on the server, for delivering test messages (fresh users only).
    let maildir: URL?
    /// The fresh Dovecot user behind the account, if it is one.
    let user: DovecotTestUser?

    /// The environment variable tern reads the password from.
    var passwordEnv: String { "\(name.uppercased())_PASSWORD" }

    /// One of the stack's fixed users (alice, bob).
    init(_ user: MailStack.User) {
        name = user.name
        login = user.name
        address = user.address
        password = user.password
        maildir = nil
        self.user = nil
    }

    private init(name: String, login: String, address: String, password: String, maildir: URL, user: DovecotTestUser) {
        self.name = name
        self.login = login
        self.address = address
        self.password = password
        self.maildir = maildir
        self.user = user
    }

    /// A fresh user of `stack` (``DovecotTestUser``), named `writer` in tern's config.
    static func fresh(in stack: MailStack, prefix: String) throws -> StackAccount {
        let user = try DovecotTestUser.create(in: stack, prefix: prefix)
        return StackAccount(name: "writer", login: "\(user.name)@example.test", address: "\(user.name)@example.test",
                            password: user.password, maildir: user.maildir, user: user)
    }

    /// Delivers `message` (LF line endings, as Maildir files hold them) into the INBOX, as a
    /// delivery agent would: tmp/, then rename into new/.
    func deliver(_ message: String) throws {
        guard let user else { throw SetupError(description: "\(name) has no Maildir here") }
        try user.deliver([Array(message.utf8)])
    }
}
