import Foundation
import TernTestSupport

/// Puts messages straight into a user's Maildir in the test stack (DIR/mail/USER/Maildir, owned
/// by the `mail` user), as a delivery agent would: write into tmp/, then rename into new/.
enum DovecotMaildir {
    struct DeliveryError: Error, CustomStringConvertible {
        let description: String
    }

    /// Delivers `message` (LF line endings, as Maildir stores them) to `user`'s inbox.
    static func deliver(_ message: String, to user: String, in stack: MailStack) throws {
        let maildir = stack.directory.appendingPathComponent("mail/\(user)/Maildir")
        let tmp = maildir.appendingPathComponent("tmp")
        let new = maildir.appendingPathComponent("new")
        guard FileManager.default.fileExists(atPath: new.path) else {
            throw DeliveryError(description: "no Maildir at \(maildir.path): log in once first")
        }
        let name = "\(Int(Date().timeIntervalSince1970)).P\(getpid())Q\(UUID().uuidString.prefix(8)).tern-test"
        let temporary = tmp.appendingPathComponent(name)
        try Data(message.utf8).write(to: temporary)
        if let owner = getpwnam("mail") {
            chown(temporary.path, owner.pointee.pw_uid, owner.pointee.pw_gid)
        }
        chmod(temporary.path, 0o600)
        guard rename(temporary.path, new.appendingPathComponent(name).path) == 0 else {
            throw DeliveryError(description: "cannot move \(name) into \(new.path): \(String(cString: strerror(errno)))")
        }
    }
}
