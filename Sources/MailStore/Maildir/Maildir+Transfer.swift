import Foundation
import MailCore

extension Maildir {
    /// The message at `file` (`cur/NAME:2,S` or `new/NAME`, as the header cache stores it).
    public func message(atFile file: String) -> MaildirMessage {
        let isNew = file.hasPrefix("new/")
        let name = String(file.split(separator: "/", maxSplits: 1).last ?? Substring(file))
        let parsed = isNew ? MaildirName(unique: name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name)
            : MaildirName(fileName: name)
        return MaildirMessage(subfolder: isNew ? .new : .cur, name: parsed, url: directory.appendingPathComponent(file))
    }

    /// Moves a message file into `target` (the same subfolder, the same name), keeping its bytes
    /// and time. A file of the same name in the target is never replaced: the message then gets a
    /// new unique name.
    /// - Returns: the message at its new place.
    /// - Throws: `MaildirError` (ENOENT when the file is gone).
    @discardableResult
    public func move(_ message: MaildirMessage, to target: Maildir, generator: MaildirNameGenerator = .shared) throws -> MaildirMessage {
        var name = message.name
        var fileName = message.url.lastPathComponent
        for attempt in 0 ..< 3 {
            let destination = target.directory.appendingPathComponent("\(message.subfolder.rawValue)/\(fileName)")
            if link(message.url.path, destination.path) == 0 {
                if unlink(message.url.path) != 0 && errno != ENOENT {
                    throw MaildirError.system("remove the moved message from its old folder", path: message.url.path)
                }
                try Maildir.syncDirectory(destination.deletingLastPathComponent().path)
                try Maildir.syncDirectory(message.url.deletingLastPathComponent().path)
                return MaildirMessage(subfolder: message.subfolder, name: name, url: destination)
            }
            let code = errno
            if code == EEXIST && attempt < 2 {
                name = MaildirName(unique: generator.next(), flags: name.flags, otherInfo: name.otherInfo)
                fileName = message.subfolder == .new ? name.unique : name.fileName
                continue
            }
            if code == EPERM || code == ENOTSUP || code == EXDEV || code == EMLINK {
                // No hard links here: rename, after checking that nothing is in the way.
                if FileManager.default.fileExists(atPath: destination.path) {
                    name = MaildirName(unique: generator.next(), flags: name.flags, otherInfo: name.otherInfo)
                    fileName = message.subfolder == .new ? name.unique : name.fileName
                    continue
                }
                if rename(message.url.path, destination.path) != 0 {
                    throw MaildirError.system("move a message to another folder", path: message.url.path)
                }
                try Maildir.syncDirectory(destination.deletingLastPathComponent().path)
                try Maildir.syncDirectory(message.url.deletingLastPathComponent().path)
                return MaildirMessage(subfolder: message.subfolder, name: name, url: destination)
            }
            throw MaildirError.system("move a message to another folder", path: message.url.path, errno: code)
        }
        throw MaildirError(operation: "find a free name for a moved message", path: target.directory.path, code: EEXIST)
    }

    /// Copies a message file into `target` as a new message (a new unique name, the same flags and
    /// time), streaming it through `MaildirDelivery` in 1 MiB pieces.
    /// - Returns: the copy.
    @discardableResult
    public func copy(_ message: MaildirMessage, to target: Maildir) throws -> MaildirMessage {
        let fd = open(message.url.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw MaildirError.system("open a message to copy it", path: message.url.path) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw MaildirError.system("read the time of a message", path: message.url.path) }
        let delivery = try target.beginDelivery()
        do {
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw MaildirError.system("read a message to copy it", path: message.url.path)
                }
                if n == 0 { break }
                try buffer.withUnsafeBytes { try delivery.write(UnsafeRawBufferPointer(rebasing: $0[0 ..< n])) }
            }
            let date = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec))
            return try delivery.commit(flags: message.name.flags, intoCur: message.subfolder == .cur, date: date)
        } catch {
            delivery.abort()
            throw error
        }
    }
}
