import Foundation
import MailCore

/// Brings the header cache of one Maildir folder up to date with the files on disk.
///
/// A scan lists `new/` and `cur/` by directory entries, matches each file to the cache by its
/// unique name (so a rename by another program is a flag change, not a new message, and keeps its
/// uid), and reads only files new to the cache, and of those only the header section (see
/// `MessageFileReader`). A subfolder whose modification time equals the one of its last complete
/// scan is not listed at all (new mail arriving in `new/` lists only `new/`). Times are stored
/// only when they were more than a second older than the scan, so a change in the same clock tick
/// as a scan is never missed.
///
/// New files get uids in arrival order (a Maildir name starts with its delivery time) but are read
/// newest first, the first batch small: a first scan of a big folder puts the mail a list shows
/// first into the cache within a fraction of a second, and a UI can show it while the rest is read.
public struct MaildirSynchronizer: Sendable {
    /// The cache written to.
    public let cache: HeaderCache
    /// How files are read.
    public let reader: MessageFileReader
    /// New files parsed and written per transaction.
    public var batchSize = 1000
    /// The size of the first batch (the newest files), smaller so that it is in the cache sooner.
    public var firstBatchSize = 200

    /// A synchronizer over a cache.
    public init(cache: HeaderCache, reader: MessageFileReader = .standard) {
        self.cache = cache
        self.reader = reader
    }

    /// A file found in the folder.
    fileprivate struct Entry {
        var subfolder: MaildirMessage.Subfolder
        var name: String
        /// The name's unique part (before `:`), sharing its storage.
        var unique: Substring
        /// The delivery time the name starts with (seconds), 0 when it starts with no digits.
        var time: Int
        /// The uid reserved for it.
        var uid: UInt32 = 0
        var file: String { subfolder.rawValue + "/" + name }

        init(subfolder: MaildirMessage.Subfolder, name: String, unique: Substring) {
            self.subfolder = subfolder
            self.name = name
            self.unique = unique
            time = MaildirSynchronizer.deliveryTime(of: name)
        }
    }

    /// Sorts new files into arrival order (delivery time, then unique name; a file listed twice
    /// under one unique name, mid-rename by another program, is kept once, the one in new/).
    /// Integers are compared first and names only on equal times, as bytes.
    fileprivate static func arrivalOrder(_ files: inout [Entry]) {
        files.sort { a, b in
            if a.time != b.time { return a.time < b.time }
            if !a.unique.utf8.elementsEqual(b.unique.utf8) { return a.unique.utf8.lexicographicallyPrecedes(b.unique.utf8) }
            if a.subfolder != b.subfolder { return a.subfolder == .new }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
        guard files.count > 1 else { return }
        var kept = 1
        for i in 1 ..< files.count where !files[i].unique.utf8.elementsEqual(files[kept - 1].unique.utf8) {
            files[kept] = files[i]
            kept += 1
        }
        files.removeLast(files.count - kept)
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
        let current = MaildirDirectoryTimes(new: times.new, cur: times.cur)
        // A subfolder whose time matches its last complete scan is exactly as the cache has it: a
        // file added, removed or renamed in it (a flag change, a move from new/) changes its time.
        var listed: Set<MaildirMessage.Subfolder> = []
        if force || box.directoryTimes.new != current.new { listed.insert(.new) }
        if force || box.directoryTimes.cur != current.cur { listed.insert(.cur) }
        if listed.isEmpty {
            result.unchanged = true
            return result
        }
        let scanStart = Self.now()
        var comparison = try compare(maildir, as: path, listing: listed, result: &result)
        // A scan of one subfolder cannot tell a file that left it from one that moved to the other
        // while the directories were read (another program's flag change renames new/ into cur/
        // between the look at the times and the listing): when a file is missing, compare both.
        if listed.count == 1, comparison.missing > 0 {
            result.flagsChanged = [:]
            comparison = try compare(maildir, as: path, listing: [.new, .cur], result: &result)
        }
        // Moved out, so that sorting does not copy it.
        var newFiles = comparison.newFiles
        comparison.newFiles = []
        let renamed = comparison.renamed
        result.removed = comparison.removed
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
        // Uids in arrival order; reading newest first, so the first batch holds what a list in date
        // order shows first. Batches are parsed on the other cores while the previous one is written.
        Self.arrivalOrder(&newFiles)
        if !newFiles.isEmpty {
            let firstUID = try cache.write { try $0.reserveUIDs(newFiles.count, in: box) }
            for i in newFiles.indices { newFiles[i].uid = firstUID &+ UInt32(truncatingIfNeeded: i) }
        }
        // Batches from the end (the newest files), each read newest first.
        var batches: [Range<Int>] = []
        var end = newFiles.count
        while end > 0 {
            let size = max(1, batches.isEmpty ? min(firstBatchSize, batchSize) : batchSize)
            batches.append(max(0, end - size) ..< end)
            end -= size
        }
        let files = newFiles
        func parse(_ index: Int) -> ParsedBatch {
            ParsedBatch(Array(files[batches[index]].reversed()), in: maildir, reader: reader)
        }
        var pending = batches.isEmpty ? nil : parse(0)
        for index in batches.indices {
            guard let current = pending else { break }
            let outcomes = current.wait()
            pending = index + 1 < batches.count ? parse(index + 1) : nil
            var messages: [(CachedMessage, UID)] = []
            messages.reserveCapacity(outcomes.count)
            for (entry, outcome) in zip(current.batch, outcomes) {
                switch outcome {
                case .message(let message): messages.append((message, UID(entry.uid)))
                case .vanished: complete = false // renamed or removed since the listing: the next scan finds it
                case .failed(let warning): result.warnings.append(warning)
                }
            }
            let added = try cache.write { writer in
                try messages.compactMap { try writer.insertNew($0.0, in: box, uid: $0.1) }
            }
            result.added.append(contentsOf: added)
            done += outcomes.count
            progress?(done, newFiles.count)
        }
        result.added.sort()
        // A time is kept only when it is more than a second older than the scan (a change in the
        // same clock tick as the listing would otherwise go unnoticed) and every file was read.
        func trusted(_ time: Int64) -> Int64? { complete && scanStart - time > 1_000_000_000 ? time : nil }
        try cache.write { try $0.setDirectoryTimes(of: box, MaildirDirectoryTimes(new: trusted(times.new), cur: trusted(times.cur))) }
        return result
    }

    /// What listing the folder found, compared with the cache.
    fileprivate struct Comparison {
        /// Files the cache does not know, in listing order (a file listed twice, twice).
        var newFiles: [Entry] = []
        /// Known files found under another name (a flag change or a move from new/ to cur/).
        var renamed: [(uid: UID, flags: Set<Flag>, file: String)] = []
        /// Uids of cached files of the listed subfolders that are gone, ascending.
        var removed: [UID] = []
        /// How many cached files of the listed subfolders were not found.
        var missing: Int { removed.count }
    }

    /// Lists `subfolders` and matches each file to the cache by its unique name; flag changes go
    /// into `result.flagsChanged`.
    private func compare(_ maildir: Maildir, as path: MailboxPath, listing subfolders: Set<MaildirMessage.Subfolder>,
                         result: inout MaildirSyncResult) throws -> Comparison {
        let entries = try cache.maildirIndex(in: path, only: subfolders.count == 1 ? subfolders.first : nil)
        // Keys are slices of the stored paths and lookups use slices of the listed names, so
        // matching 100,000 unchanged files allocates no strings.
        var index: [Substring: MaildirIndexEntry] = [:]
        index.reserveCapacity(entries.count)
        for entry in entries { index[entry.unique] = entry }
        var matched = Set<UInt32>(minimumCapacity: index.count)
        var comparison = Comparison()
        for subfolder in [MaildirMessage.Subfolder.new, .cur] where subfolders.contains(subfolder) {
            for name in try maildir.fileNames(in: subfolder) {
                let unique = Self.unique(of: name)
                // (A first scan has nothing to look up.) Files listed twice are dropped by arrivalOrder.
                if !index.isEmpty, let known = index[unique] {
                    // A second file with the same unique name (mid-rename by another program) is
                    // the same message. (When one subfolder is listed, only its entries are
                    // loaded; a second link to a file of the other one is then refused by the
                    // cache's unique index on names.)
                    guard matched.insert(known.uid.value).inserted else { continue }
                    if !Self.sameFile(known.file, subfolder, name) {
                        let old = Self.flags(ofFile: known.file)
                        let new = subfolder == .cur ? MaildirName(fileName: name).flags : []
                        comparison.renamed.append((known.uid, new, subfolder.rawValue + "/" + name))
                        if old != new { result.flagsChanged[known.uid] = new }
                    }
                } else {
                    comparison.newFiles.append(Entry(subfolder: subfolder, name: name, unique: unique))
                }
            }
        }
        comparison.removed = entries.lazy.filter { !matched.contains($0.uid.value) }.map(\.uid).sorted()
        return comparison
    }

    /// A batch being read and parsed in the background.
    private final class ParsedBatch: @unchecked Sendable {
        /// The files, in the order of the outcomes.
        let batch: [Entry]
        private let done = DispatchSemaphore(value: 0)
        private var outcomes: [Outcome] = []

        init(_ batch: [Entry], in maildir: Maildir, reader: MessageFileReader) {
            self.batch = batch
            DispatchQueue.global(qos: .utility).async { [self] in
                outcomes = MaildirSynchronizer.read(batch, in: maildir, reader: reader)
                done.signal()
            }
        }

        /// The outcomes, once ready.
        func wait() -> [Outcome] {
            done.wait()
            return outcomes
        }
    }

    /// What reading one new file gave.
    fileprivate enum Outcome {
        case message(CachedMessage)
        case vanished
        case failed(String)
    }

    /// Reads and parses the header sections of `batch`, on every core (parsing headers is most of
    /// the work of a first scan). The results are in the order of `batch`.
    fileprivate static func read(_ batch: [Entry], in maildir: Maildir, reader: MessageFileReader) -> [Outcome] {
        let count = batch.count
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count / 32))
        let directory = maildir.directory.path + "/"
        var outcomes = [Outcome](repeating: .vanished, count: count)
        outcomes.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < count {
                    let entry = batch[i]
                    let outcome: Outcome
                    do {
                        let chunk = try reader.readHeader(directory + entry.file)
                        let flags = entry.subfolder == .cur ? MaildirName(fileName: entry.name).flags : []
                        outcome = .message(CachedMessage(chunk: chunk, flags: flags, maildirFile: entry.file))
                    } catch let error as MaildirError where error.code == ENOENT {
                        outcome = .vanished
                    } catch {
                        outcome = .failed("\(error)")
                    }
                    slots.base[i] = outcome
                    i += workers
                }
            }
        }
        return outcomes
    }

    /// The result slots shared by the parsing workers; each worker writes only its own indexes.
    private struct UnsafeSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Outcome>
    }

    /// The delivery time a Maildir name starts with (`1790000000.M1P2.host`), 0 without one.
    static func deliveryTime(of name: String) -> Int {
        var value = 0
        for byte in name.utf8.prefix(18) {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The unique part of a Maildir file name (before the first `:`).
    static func unique(of name: String) -> Substring {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return name[...] }
        return name[..<colon]
    }

    /// True when `file` (`cur/NAME`) is `subfolder/name`, without building a string.
    static func sameFile(_ file: String, _ subfolder: MaildirMessage.Subfolder, _ name: String) -> Bool {
        let prefix = subfolder.rawValue
        let utf8 = file.utf8
        guard utf8.count == prefix.utf8.count + 1 + name.utf8.count, file.hasPrefix(prefix) else { return false }
        return utf8.dropFirst(prefix.utf8.count + 1).elementsEqual(name.utf8)
    }

    /// The subfolder of a stored file path.
    static func subfolder(ofFile file: String) -> MaildirMessage.Subfolder {
        file.hasPrefix("new/") ? .new : .cur
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
