import Foundation
import MailCore

extension Maildir {
    /// Every message in `new/` and `cur/`, read from the directory entries only (no file is opened).
    /// Dot files and files still being written in `tmp/` are never listed.
    public func messages() throws -> [MaildirMessage] {
        var result: [MaildirMessage] = []
        for sub in [MaildirMessage.Subfolder.new, .cur] {
            let dir = directory.appendingPathComponent(sub.rawValue)
            guard let handle = opendir(dir.path) else {
                if errno == ENOENT { continue }
                throw MaildirError.system("list the messages", path: dir.path)
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let type = entry.pointee.d_type
                if type != UInt8(DT_REG) && type != UInt8(DT_UNKNOWN) && type != UInt8(DT_LNK) { continue }
                let parsed = sub == .new ? MaildirName(unique: name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name)
                    : MaildirName(fileName: name)
                result.append(MaildirMessage(subfolder: sub, name: parsed, url: dir.appendingPathComponent(name)))
            }
        }
        return result
    }

    /// Sets a message's flags by renaming it into `cur/` with the new info (atomic). A message in
    /// `new/` moves to `cur/`. Returns the message at its new place.
    @discardableResult
    public func setFlags(_ flags: Set<Flag>, of message: MaildirMessage) throws -> MaildirMessage {
        var name = message.name
        name.flags = flags
        let target = directory.appendingPathComponent("cur/\(name.fileName)")
        if target.path == message.url.path { return message }
        if rename(message.url.path, target.path) != 0 {
            throw MaildirError.system("change the flags of a message (rename)", path: message.url.path)
        }
        try Maildir.syncDirectory(directory.appendingPathComponent("cur").path)
        if message.subfolder == .new { try Maildir.syncDirectory(directory.appendingPathComponent("new").path) }
        return MaildirMessage(subfolder: .cur, name: name, url: target)
    }

    /// Removes a message file for good.
    public func remove(_ message: MaildirMessage) throws {
        if unlink(message.url.path) != 0 && errno != ENOENT {
            throw MaildirError.system("delete a message", path: message.url.path)
        }
        try Maildir.syncDirectory(message.url.deletingLastPathComponent().path)
    }

    /// Removes files left in `tmp/` by a delivery that died more than `olderThan` seconds ago
    /// (the Maildir spec's 36 hours by default). Returns how many were removed.
    @discardableResult
    public func cleanTemporaryFiles(olderThan age: TimeInterval = 36 * 3600) -> Int {
        let tmp = directory.appendingPathComponent("tmp")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tmp.path) else { return 0 }
        let limit = Date().addingTimeInterval(-age)
        var removed = 0
        for name in names {
            let path = tmp.appendingPathComponent(name).path
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
               let modified = attributes[.modificationDate] as? Date, modified < limit,
               unlink(path) == 0 {
                removed += 1
            }
        }
        return removed
    }
}
