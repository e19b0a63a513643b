import Foundation
import MailCore

/// One message being written into a Maildir: bytes go to a private file in `tmp/`, and `commit`
/// makes it durable (fsync of the file) and visible (rename into `new/` or `cur/`, then fsync of
/// that folder). Until `commit` returns, nothing is visible to readers; `abort` removes the file.
///
/// Streaming: call `write` as chunks arrive (a POP3 RETR or IMAP literal), never holding the whole
/// message in memory.
public final class MaildirDelivery {
    /// The folder being delivered into.
    public let maildir: Maildir
    /// The unique part of the message's name.
    public let unique: String
    private let tmpPath: String
    private var fd: Int32
    private var finished = false
    private var flushed = false
    /// Bytes written so far.
    public private(set) var byteCount = 0

    init(maildir: Maildir, unique: String) throws {
        self.maildir = maildir
        self.unique = unique
        self.tmpPath = maildir.directory.appendingPathComponent("tmp/\(unique)").path
        let fd = open(tmpPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw MaildirError.system("create a file for a new message", path: tmpPath) }
        self.fd = fd
    }

    deinit {
        if !finished { abort() }
    }

    /// Appends bytes to the message.
    /// - Throws: `MaildirError` when the disk refuses the write (the file is left for `abort`).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "write after commit or abort")
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw MaildirError.system("write a new message", path: tmpPath)
            }
            offset += n
        }
        byteCount += bytes.count
        if !bytes.isEmpty { flushed = false }
    }

    /// Appends bytes to the message.
    public func write<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        let done: Void? = try bytes.withContiguousStorageIfAvailable { try write(UnsafeRawBufferPointer($0)) }
        if done == nil { try Array(bytes).withUnsafeBytes { try write($0) } }
    }

    /// Flushes the bytes written so far to disk (fsync) without making the message visible;
    /// `commit` then skips its own fsync unless more was written. Flushing many deliveries from
    /// several threads at once is much faster than one after the other: the file system groups
    /// concurrent flushes into one journal commit. One delivery must not be used from two
    /// threads at the same time.
    /// - Throws: `MaildirError` when the disk reports an error.
    public func flushToDisk() throws {
        precondition(!finished, "flush after commit or abort")
        if fsync(fd) != 0 { throw MaildirError.system("flush a new message to disk", path: tmpPath) }
        flushed = true
    }

    /// Makes the message durable and visible: fsync, rename into `new/` (no flags) or `cur/`
    /// (with flags), fsync the folder. Optionally sets the file's modification time to `date`
    /// (Maildir readers such as Dovecot use it as the received date).
    /// - Parameter syncFolder: false leaves the fsync of the folder to the caller
    ///   (`Maildir.syncSubfolder`), who commits many messages and flushes the folder once; until
    ///   then the rename may be lost in a crash.
    /// - Returns: the message's file name in its folder.
    @discardableResult
    public func commit(flags: Set<Flag> = [], intoCur: Bool = false, date: Date? = nil,
                       syncFolder: Bool = true) throws -> MaildirMessage {
        precondition(!finished, "commit twice")
        if !flushed, fsync(fd) != 0 { throw MaildirError.system("flush a new message to disk", path: tmpPath) }
        if let date {
            var times = [timespec](repeating: timespec(), count: 2)
            let seconds = date.timeIntervalSince1970
            times[0].tv_sec = Int(seconds)
            times[1].tv_sec = Int(seconds)
            _ = futimens(fd, &times)
        }
        close(fd)
        fd = -1
        let toCur = intoCur || !flags.isEmpty
        let name = toCur ? MaildirName(unique: unique, flags: flags).fileName : unique
        let sub = toCur ? "cur" : "new"
        let finalPath = maildir.directory.appendingPathComponent("\(sub)/\(name)").path
        if link(tmpPath, finalPath) != 0 {
            // Filesystems without hard links: rename (still atomic within one folder tree).
            if errno != EPERM && errno != ENOTSUP && errno != EXDEV {
                throw MaildirError.system("move a new message into \(sub)/", path: finalPath)
            }
            if rename(tmpPath, finalPath) != 0 {
                throw MaildirError.system("move a new message into \(sub)/", path: finalPath)
            }
        } else {
            unlink(tmpPath)
        }
        finished = true
        if syncFolder { try Maildir.syncDirectory(maildir.directory.appendingPathComponent(sub).path) }
        return MaildirMessage(
            subfolder: toCur ? .cur : .new,
            name: MaildirName(fileName: name),
            url: URL(fileURLWithPath: finalPath)
        )
    }

    /// Gives up: the partial file in `tmp/` is removed and nothing becomes visible.
    public func abort() {
        guard !finished else { return }
        finished = true
        if fd >= 0 { close(fd); fd = -1 }
        unlink(tmpPath)
    }
}
