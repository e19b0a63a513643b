import Foundation
import MailCore

/// Message bodies of an IMAP account on disk, so a message read once opens without the network.
///
/// One file per message: `DIR/FOLDER/UIDVALIDITY-UID.eml`, where FOLDER is the folder's path
/// with every byte other than letters, digits, `.`, `_` and `-` written as `%XX`. Files are
/// private (0600, folders 0700) and written atomically (a temporary file renamed into place).
/// When the files together exceed ``limit`` bytes, the least recently used go first until the
/// total is under 90% of it (reading a file marks it used). Failures to cache are silent: the
/// cache only saves network round trips.
final class BodyCache: Sendable {
    /// The cache's folder.
    let directory: URL
    /// The most bytes kept.
    let limit: Int

    init(directory: URL, limit: Int) {
        self.directory = directory
        self.limit = limit
    }

    /// The folder's directory.
    func folderURL(_ path: MailboxPath) -> URL {
        let name = path.isInbox ? "INBOX" : path.components.joined(separator: "/")
        var out = ""
        for byte in name.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".") && !(out.isEmpty && c == ".") {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return directory.appendingPathComponent(out.isEmpty ? "%00" : out)
    }

    func fileURL(_ uid: UID, in path: MailboxPath, uidValidity: UInt32) -> URL {
        folderURL(path).appendingPathComponent("\(uidValidity)-\(uid.value).eml")
    }

    /// The cached bytes, or nil.
    func read(_ uid: UID, in path: MailboxPath, uidValidity: UInt32) -> [UInt8]? {
        let url = fileURL(uid, in: path, uidValidity: uidValidity)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        utimes(url.path, nil)
        return [UInt8](data)
    }

    /// Stores a message's bytes, then trims the cache to its limit.
    func store(_ bytes: [UInt8], uid: UID, in path: MailboxPath, uidValidity: UInt32) {
        guard bytes.count <= limit / 4 else { return }
        let folder = folderURL(path)
        for dir in [directory, folder] where !FileManager.default.fileExists(atPath: dir.path) {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        let target = fileURL(uid, in: path, uidValidity: uidValidity)
        let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            return
        }
        trim()
    }

    /// Forgets one message.
    func remove(_ uid: UID, in path: MailboxPath, uidValidity: UInt32) {
        unlink(fileURL(uid, in: path, uidValidity: uidValidity).path)
    }

    /// Forgets a folder's messages.
    func removeFolder(_ path: MailboxPath) {
        try? FileManager.default.removeItem(at: folderURL(path))
    }

    /// The total size of the cached files.
    func totalSize() -> Int {
        files().reduce(0) { $0 + $1.size }
    }

    /// Deletes the least recently used files while the total is above the limit.
    func trim() {
        var all = files()
        var total = all.reduce(0) { $0 + $1.size }
        guard total > limit else { return }
        all.sort { $0.used < $1.used }
        let target = limit / 10 * 9
        for file in all where total > target {
            if unlink(file.path) == 0 { total -= file.size }
        }
    }

    private func files() -> [(path: String, size: Int, used: Date)] {
        var result: [(String, Int, Date)] = []
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        for folder in folders {
            let base = directory.path + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { continue }
            for name in names where name.hasSuffix(".eml") {
                let path = base + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                result.append((path, Int(info.st_size), Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec))))
            }
        }
        return result
    }
}
