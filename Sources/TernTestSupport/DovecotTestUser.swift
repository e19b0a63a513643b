import Foundation

/// A Dovecot user of its own for one test, so that a download that empties the mailbox cannot
/// touch the mail of other tests (which share alice and bob and run in parallel).
///
/// The user is added to the stack's passwd-file (DIR/dovecot/users, which Dovecot re-reads when it
/// changes) with a home in DIR/mail/NAME owned by the `mail` user, like alice and bob. Messages
/// are delivered straight into its Maildir as a delivery agent would: tmp/, then rename into new/.
public struct DovecotTestUser: Sendable {
    /// The user could not be set up.
    public struct SetupError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The login name's local part (`NAME@example.test` logs in).
    public let name: String
    /// The password.
    public let password: String
    /// The user's Maildir on the server.
    public let maildir: URL
    private let owner: (uid: uid_t, gid: gid_t)

    /// Creates a fresh user in `stack` (as root: it writes the stack's passwd-file and chowns to `mail`).
    public static func create(in stack: MailStack, prefix: String = "pop3dl") throws -> DovecotTestUser {
        guard let mailUser = getpwnam("mail") else { throw SetupError(description: "no `mail` user on this system") }
        let owner = (mailUser.pointee.pw_uid, mailUser.pointee.pw_gid)
        let name = "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        let password = "pw-\(UUID().uuidString.prefix(12))"
        let home = stack.directory.appendingPathComponent("mail/\(name)")
        let maildir = home.appendingPathComponent("Maildir")
        for directory in [home, maildir] + ["cur", "new", "tmp"].map({ maildir.appendingPathComponent($0) }) {
            guard mkdir(directory.path, 0o700) == 0 || errno == EEXIST else {
                throw SetupError(description: "cannot create \(directory.path): \(String(cString: strerror(errno)))")
            }
            chown(directory.path, owner.0, owner.1)
        }
        // One O_APPEND write: parallel tests adding users do not mix their lines.
        let line = "\(name)@example.test:{PLAIN}\(password):\(owner.0):\(owner.1)::\(home.path)::\n"
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
        // Dovecot notices a changed passwd-file by its mtime in whole seconds: make sure it moves.
        let now = Int(Date().timeIntervalSince1970)
        var times = [timespec(tv_sec: max(now, before.st_mtim.tv_sec + 1), tv_nsec: 0)]
        times.append(times[0])
        futimens(fd, times)
        // ... and looks at it at most once a second.
        Thread.sleep(forTimeInterval: 1.2)
        return DovecotTestUser(name: name, password: password, maildir: maildir, owner: owner)
    }

    /// Delivers messages (LF line endings, as Maildir files hold them) into the user's inbox.
    public func deliver(_ messages: [[UInt8]]) throws {
        let tmp = maildir.appendingPathComponent("tmp")
        let new = maildir.appendingPathComponent("new")
        let stamp = Int(Date().timeIntervalSince1970)
        for (index, message) in messages.enumerated() {
            let name = "\(stamp).P\(getpid())Q\(index)R\(UUID().uuidString.prefix(8)).tern-test"
            let temporary = tmp.appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(message)) else {
                throw SetupError(description: "cannot write \(temporary.path)")
            }
            chown(temporary.path, owner.uid, owner.gid)
            chmod(temporary.path, 0o600)
            guard rename(temporary.path, new.appendingPathComponent(name).path) == 0 else {
                throw SetupError(description: "cannot move \(name) into new/: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The messages Dovecot still holds for the user (new/ and cur/), by content.
    public func messagesOnServer() throws -> [[UInt8]] {
        var result: [[UInt8]] = []
        for sub in ["new", "cur"] {
            let folder = maildir.appendingPathComponent(sub)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                result.append(Array(try Data(contentsOf: folder.appendingPathComponent(name))))
            }
        }
        return result
    }
}
