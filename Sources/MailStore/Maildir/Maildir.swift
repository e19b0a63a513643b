import Foundation
import MailCore

/// One Maildir folder: a directory with `cur/`, `new/` and `tmp/`.
///
/// Writing is always atomic and durable (see `MaildirDelivery`); flag changes are renames.
public struct Maildir: Sendable, Hashable {
    /// The folder's directory (the one holding cur/, new/, tmp/).
    public let directory: URL

    /// A Maildir at `directory`; it is not created or checked (see `create` and `exists`).
    public init(directory: URL) {
        self.directory = directory
    }

    /// True when cur/, new/ and tmp/ exist.
    public var exists: Bool {
        ["cur", "new", "tmp"].allSatisfy { sub in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory.appendingPathComponent(sub).path, isDirectory: &isDir)
                && isDir.boolValue
        }
    }

    /// Creates the folder and its cur/, new/, tmp/ (mode 0700) when missing.
    /// - Parameter maildirPlusPlus: also writes the `maildirfolder` marker of a Maildir++ subfolder.
    @discardableResult
    public static func create(at directory: URL, maildirPlusPlus: Bool = false) throws -> Maildir {
        for sub in ["", "cur", "new", "tmp"] {
            let path = sub.isEmpty ? directory.path : directory.appendingPathComponent(sub).path
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw MaildirError.system("create the Maildir folder", path: path)
            }
        }
        if maildirPlusPlus {
            let marker = directory.appendingPathComponent("maildirfolder").path
            let fd = open(marker, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
        }
        return Maildir(directory: directory)
    }

    /// Starts writing a new message into `tmp/`; finish with `commit` or `abort`.
    public func beginDelivery(generator: MaildirNameGenerator = .shared) throws -> MaildirDelivery {
        try MaildirDelivery(maildir: self, unique: generator.next())
    }

    /// Writes a whole message at once: tmp/, fsync, then rename into new/ or, with flags, cur/.
    @discardableResult
    public func deliver<Bytes: Collection>(_ bytes: Bytes, flags: Set<Flag> = [], date: Date? = nil) throws -> MaildirMessage
        where Bytes.Element == UInt8
    {
        let delivery = try beginDelivery()
        do {
            try delivery.write(bytes)
            return try delivery.commit(flags: flags, date: date)
        } catch {
            delivery.abort()
            throw error
        }
    }

    /// Flushes the entries of `new/` or `cur/` to disk, after messages were committed into it
    /// with `commit(syncFolder: false)`.
    /// - Throws: `MaildirError` when the disk reports an error.
    public func syncSubfolder(_ subfolder: MaildirMessage.Subfolder) throws {
        try Maildir.syncDirectory(directory.appendingPathComponent(subfolder.rawValue).path)
    }

    /// Flushes a directory's entries to disk (after a rename or unlink in it).
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw MaildirError.system("open the folder to flush it", path: path) }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw MaildirError.system("flush the folder to disk", path: path) }
    }
}

/// A message file in a Maildir folder.
public struct MaildirMessage: Hashable, Sendable {
    /// Which subfolder holds it.
    public enum Subfolder: String, Sendable { case new, cur }
    /// `new/` (not yet seen by a mail reader) or `cur/`.
    public var subfolder: Subfolder
    /// Its parsed file name.
    public var name: MaildirName
    /// The file's location.
    public var url: URL
}
