import Foundation
import MailCore

/// Brings the header cache of one Maildir folder up to date with the files on disk.
///
/// A scan lists `new/` and `cur/` by directory entries, matches each file to the cache by its
/// unique name (so a rename by another program is a flag change, not a new message, and keeps its
/// uid), and reads only files new to the cache, and of those only the header section (see
/// `MessageFileReader`). When the modification times of `new/` and `cur/` equal those of the last
/// complete scan, nothing is listed at all. Times are stored only when they were more than a
/// second older than the scan, so a change in the same clock tick as a scan is never missed.
public struct MaildirSynchronizer: Sendable {
    /// The cache written to.
    public let cache: HeaderCache
    /// How files are read.
    public let reader: MessageFileReader
    /// New files parsed and written per transaction.
    public var batchSize = 1000

    /// A synchronizer over a cache.
    public init(cache: HeaderCache, reader: MessageFileReader = .standard) {
        self.cache = cache
        self.reader = reader
    }

    /// A file found in the folder.
    private struct Entry {
        var subfolder: MaildirMessage.Subfolder
        var name: String
        var file: String { subfolder.rawValue + "/" + name }
    }

    /// Scans `maildir` into the cache under `path`.
    /// - Parameters:
    ///   - force: List the folder even when its directory times say nothing changed.
    ///   - progress: Called after each batch of new files with (done, total).
    /// - Throws: `MaildirError` when the folder cannot be listed, `CacheError` when the cache fails.
    public func sync(_ maildir: Maildir, as path: MailboxPath, force: Bool = false,
                     progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> MaildirSyncResult {
        var result = MaildirSyncResult()
        let box = try cache.write { try $0.ensureMailbox(path).mailbox }
        let times = try maildir.directoryTimes()
        let stored = MaildirDirectoryTimes(new: times.new, cur: times.cur)
        if !force, box.directoryTimes == stored {
            result.unchanged = true
            return result
        }
        let scanStart = Self.now()
        let index = try cache.maildirIndex(in: path)
        var matched = Set<UInt32>(minimumCapacity: index.count)
        var newFiles: [Entry] = []
        var seenNew = Set<String>()
        var renamed: [(uid: UID, flags: Set<Flag>, file: String)] = []
        for subfolder in [MaildirMessage.Subfolder.new, .cur] {
            for name in try maildir.fileNames(in: subfolder) {
                let unique = Self.unique(of: name)
                if let known = index[unique] {
                    // A second file with the same unique name (in new/ and cur/ while another
                    // program renames it) is the same message: only the first counts.
                    guard matched.insert(known.uid.value).inserted else { continue }
                    if !Self.sameFile(known.file, subfolder, name) {
                        let old = Self.flags(ofFile: known.file)
                        let new = subfolder == .cur ? MaildirName(fileName: name).flags : []
                        renamed.append((known.uid, new, subfolder.rawValue + "/" + name))
                        if old != new { result.flagsChanged[known.uid] = new }
                    }
                } else if seenNew.insert(unique).inserted {
                    newFiles.append(Entry(subfolder: subfolder, name: name))
                }
            }
        }
        result.removed = index.values.lazy.map(\.uid).filter { !matched.contains($0.value) }.sorted()
        if !result.removed.isEmpty || !renamed.isEmpty {
            try cache.write { writer in
                try writer.remove(result.removed, in: box)
                for change in renamed {
                    try writer.updateFlags(change.uid, in: box, flags: change.flags, maildirFile: change.file)
                }
            }
        }
        var complete = true
        var done = 0
        for start in stride(from: 0, to: newFiles.count, by: batchSize) {
            let batch = newFiles[start ..< min(start + batchSize, newFiles.count)]
            var messages: [CachedMessage] = []
            messages.reserveCapacity(batch.count)
            for entry in batch {
                let filePath = maildir.directory.path + "/" + entry.file
                do {
                    let chunk = try reader.readHeader(filePath)
                    let flags = entry.subfolder == .cur ? MaildirName(fileName: entry.name).flags : []
                    messages.append(CachedMessage(chunk: chunk, flags: flags, maildirFile: entry.file))
                } catch let error as MaildirError where error.code == ENOENT {
                    complete = false // renamed or removed since the listing: the next scan finds it
                } catch {
                    result.warnings.append("\(error)")
                }
            }
            let added = try cache.write { writer in
                try messages.compactMap { try writer.insertNew($0, in: box) }
            }
            result.added.append(contentsOf: added)
            done += batch.count
            progress?(done, newFiles.count)
        }
        let trusted = complete && scanStart - max(times.new, times.cur) > 1_000_000_000
        try cache.write { try $0.setDirectoryTimes(of: box, trusted ? stored : nil) }
        return result
    }

    /// The unique part of a Maildir file name (before the first `:`).
    static func unique(of name: String) -> String {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[..<colon])
    }

    /// True when `file` (`cur/NAME`) is `subfolder/name`, without building a string.
    static func sameFile(_ file: String, _ subfolder: MaildirMessage.Subfolder, _ name: String) -> Bool {
        let prefix = subfolder.rawValue
        let utf8 = file.utf8
        guard utf8.count == prefix.utf8.count + 1 + name.utf8.count, file.hasPrefix(prefix) else { return false }
        return utf8.dropFirst(prefix.utf8.count + 1).elementsEqual(name.utf8)
    }

    /// The flags a stored file path carries.
    static func flags(ofFile file: String) -> Set<Flag> {
        guard file.hasPrefix("cur/") else { return [] }
        return MaildirName(fileName: String(file.dropFirst(4))).flags
    }

    /// The wall clock in nanoseconds since 1970.
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
