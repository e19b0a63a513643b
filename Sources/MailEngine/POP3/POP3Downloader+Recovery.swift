import Foundation
import MailStore

extension POP3Downloader {
    /// Settles the downloads an earlier run left `pending` (it crashed, or lost its connection
    /// and could not record): a message whose file reached `new/` or `cur/` is recorded as
    /// downloaded (so it is not downloaded twice); one whose file did not is forgotten (so it is
    /// downloaded again), and its `tmp/` file, if any, removed.
    ///
    /// - Returns: How many interrupted downloads were found complete in the Maildir.
    func recoverInterruptedDownloads() throws -> Int {
        let pending = try state.pendingRecords()
        guard !pending.isEmpty else { return 0 }
        var curNames: [String: URL]?
        var found: [(uniqueID: String, size: Int)] = []
        var lost: [String] = []
        for record in pending {
            let unique = record.maildirUnique
            // The name comes from our own database, but a damaged file must not make us touch
            // anything outside the Maildir.
            guard Self.isPlainFileName(unique) else {
                lost.append(record.uniqueID)
                continue
            }
            let inNew = maildir.directory.appendingPathComponent("new").appendingPathComponent(unique)
            var size = Self.fileSize(inNew.path)
            if size == nil {
                if curNames == nil { curNames = try namesInCur() }
                size = curNames?[unique].flatMap { Self.fileSize($0.path) }
            }
            // A tmp/ file is either a partial message or a second link to a committed one.
            unlink(maildir.directory.appendingPathComponent("tmp").appendingPathComponent(unique).path)
            if let size {
                found.append((record.uniqueID, size))
            } else {
                lost.append(record.uniqueID)
            }
        }
        try state.markDownloaded(found, at: now())
        try state.forget(lost)
        return found.count
    }

    /// The messages of `cur/` by the unique part of their names.
    private func namesInCur() throws -> [String: URL] {
        var names: [String: URL] = [:]
        for message in try maildir.messages() where message.subfolder == .cur {
            names[message.name.unique] = message.url
        }
        return names
    }

    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
