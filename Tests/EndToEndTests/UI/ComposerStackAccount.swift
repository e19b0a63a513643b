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

    /// The environment variable tern reads the password from.
    var passwordEnv: String { "\(name.uppercased())_PASSWORD" }

    /// One of the stack's fixed users (alice, bob).
    init(_ user: MailStack.User) {
        name = user.name
        login = user.name
        address = user.address
        password = user.password
        maildir = nil
    }

    private init(name: String, login: String, address: String, password: String, maildir: URL) {
        self.name = name
        self.login = login
        self.address = address
        self.password = password
        self.maildir = maildir
    }

    /// A fresh user of `stack`, named `writer` in tern's config.
    ///
    /// The user is added to the stack's passwd-file (DIR/dovecot/users, which Dovecot re-reads when
    /// it changes) with a home in DIR/mail/NAME owned by the `mail` user, like alice and bob.
    static func fresh(in stack: MailStack, prefix: String) throws -> StackAccount {
        guard let mailUser = getpwnam("mail") else { throw SetupError(description: "no `mail` user on this system") }
        let uid = mailUser.pointee.pw_uid, gid = mailUser.pointee.pw_gid
        let user = "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        let password = "pw-\(UUID().uuidString.prefix(12))"
        let home = stack.directory.appendingPathComponent("mail/\(user)")
        let maildir = home.appendingPathComponent("Maildir")
        for directory in [home, maildir] + ["cur", "new", "tmp"].map({ maildir.appendingPathComponent($0) }) {
            guard mkdir(directory.path, 0o700) == 0 || errno == EEXIST else {
                throw SetupError(description: "cannot create \(directory.path): \(String(cString: strerror(errno)))")
            }
            chown(directory.path, uid, gid)
        }
        // One O_APPEND write: parallel tests adding users do not mix their lines.
        let line = "\(user)@example.test:{PLAIN}\(password):\(uid):\(gid)::\(home.path)::\n"
        let users = stack.directory.appendingPathComponent("dovecot/users").path
        let fd = open(users, O_WRONLY | O_APPEND)
        guard fd >= 0 else {
            throw SetupError(description: "cannot add a user to \(users) (run as root): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var before = stat()
        fstat(fd, &before)
        let written = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        guard written == line.utf8.count else { throw SetupError(description: "short write to \(users)") }
        // Dovecot notices a changed passwd-file by its mtime in whole seconds (and looks at most
        // once a second): make sure it moves, then wait.
        let now = Int(Date().timeIntervalSince1970)
        var times = [timespec(tv_sec: max(now, before.st_mtim.tv_sec + 1), tv_nsec: 0)]
        times.append(times[0])
        futimens(fd, times)
        Thread.sleep(forTimeInterval: 1.2)
        return StackAccount(name: "writer", login: "\(user)@example.test", address: "\(user)@example.test",
                            password: password, maildir: maildir)
    }

    /// Delivers `message` (LF line endings, as Maildir files hold them) into the INBOX, as a
    /// delivery agent would: tmp/, then rename into new/.
    func deliver(_ message: String) throws {
        guard let maildir, let mailUser = getpwnam("mail") else { throw SetupError(description: "\(name) has no Maildir here") }
        let file = "\(Int(Date().timeIntervalSince1970)).P\(getpid())R\(UUID().uuidString.prefix(8)).tern-test"
        let temporary = maildir.appendingPathComponent("tmp/\(file)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(message.utf8)) else {
            throw SetupError(description: "cannot write \(temporary.path)")
        }
        chown(temporary.path, mailUser.pointee.pw_uid, mailUser.pointee.pw_gid)
        chmod(temporary.path, 0o600)
        guard rename(temporary.path, maildir.appendingPathComponent("new/\(file)").path) == 0 else {
            throw SetupError(description: "cannot move \(file) into new/: \(String(cString: strerror(errno)))")
        }
    }
}
