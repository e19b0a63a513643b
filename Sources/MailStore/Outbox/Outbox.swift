import Foundation

/// An account's outbox: messages waiting to be sent, sent messages whose Sent copy is still to be
/// made, and messages the server refused for good.
///
/// Layout of the folder (`$XDG_DATA_HOME/tern/ACCOUNT/outbox`):
///
/// ```
/// outbox/new/NAME          the message bytes, a Maildir (tmp/ -> fsync -> new/)
/// outbox/meta/ID.json      its entry: envelope, status, attempts, last error (OutboxEntry)
/// outbox/.lock             flock'ed while a tern process sends from this outbox
/// ```
///
/// Durability: the message is written and fsynced before its entry; each entry write is a new
/// file, fsynced, renamed over the old one, and the folder fsynced, so a crash leaves either the
/// old or the new state, never a torn one. A message file without an entry (a crash between the
/// two writes) is listed as an orphan and never sent or deleted on its own.
public struct Outbox: Sendable {
    /// The outbox folder.
    public let directory: URL

    /// An outbox at `directory`; nothing is created until ``prepare()`` or ``enqueue(_:_:)``.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The Maildir holding the message bytes.
    public var maildir: Maildir { Maildir(directory: directory) }

    var metaDirectory: URL { directory.appendingPathComponent("meta") }

    /// Creates the folders (mode 0700) when missing.
    public func prepare() throws {
        do {
            try FileManager.default.createDirectory(at: directory.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw OutboxError.io(operation: "create the account's data folder",
                                 path: directory.deletingLastPathComponent().path, reason: "\(error.localizedDescription)")
        }
        try Maildir.create(at: directory)
        if mkdir(metaDirectory.path, 0o700) != 0 && errno != EEXIST {
            throw OutboxError.system("create the outbox folder", path: metaDirectory.path)
        }
    }

    /// Takes the outbox's lock (see ``OutboxLock``), waiting up to `wait`.
    public func lock(wait: Duration = .seconds(30)) async throws -> OutboxLock {
        try prepare()
        return try await OutboxLock.acquire(path: directory.appendingPathComponent(".lock").path, wait: wait)
    }

    // MARK: - Adding

    /// Stores a new message: its bytes (fsynced into `new/`), then its entry (status queued).
    ///
    /// - Returns: The entry as stored.
    @discardableResult
    public func enqueue(_ message: [UInt8], _ submission: OutboxSubmission, now: Date = Date()) throws -> OutboxEntry {
        try prepare()
        let delivered = try maildir.deliver(message)
        let entry = OutboxEntry(
            id: try newID(), messageFile: delivered.url.lastPathComponent, account: submission.account,
            sender: submission.sender, recipients: submission.recipients, bcc: submission.bcc,
            allowPartial: submission.allowPartial, subject: submission.subject, messageID: submission.messageID,
            size: message.count, created: now)
        do {
            try save(entry)
        } catch {
            try? maildir.remove(delivered)
            throw error
        }
        return entry
    }

    /// Replaces an entry's message (after the user edited it) and its envelope, and queues it
    /// again with its attempts reset.
    public func replaceMessage(of entry: OutboxEntry, with message: [UInt8], _ submission: OutboxSubmission)
        throws -> OutboxEntry
    {
        let delivered = try maildir.deliver(message)
        var updated = entry
        updated.messageFile = delivered.url.lastPathComponent
        updated.sender = submission.sender
        updated.recipients = submission.recipients
        updated.bcc = submission.bcc
        updated.allowPartial = submission.allowPartial
        updated.subject = submission.subject
        updated.messageID = submission.messageID
        updated.size = message.count
        updated.status = .queued
        updated.attempts = 0
        updated.nextAttempt = nil
        updated.lastError = nil
        updated.lastErrorStep = nil
        updated.note = nil
        try save(updated)
        if entry.messageFile != updated.messageFile { try removeMessageFile(entry.messageFile) }
        return updated
    }

    // MARK: - Reading

    /// Every entry (oldest first), with the message files that have no entry and the entry files
    /// that cannot be read.
    public func listing() throws -> OutboxListing {
        var listing = OutboxListing()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: metaDirectory.path)) ?? []
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = metaDirectory.appendingPathComponent(name).path
            do {
                listing.entries.append(try readEntry(at: path))
            } catch let error as OutboxError {
                listing.damaged.append(error.description)
            }
        }
        listing.entries.sort { ($0.created, $0.id) < ($1.created, $1.id) }
        let known = Set(listing.entries.map(\.messageFile))
        if maildir.exists {
            for message in try maildir.messages() where !known.contains(message.url.lastPathComponent) {
                listing.orphans.append(message.url.path)
            }
        }
        return listing
    }

    /// The entries only (see ``listing()``).
    public func entries() throws -> [OutboxEntry] {
        try listing().entries
    }

    /// The entry whose id is `id` or starts with it.
    ///
    /// - Throws: ``OutboxError/noSuchEntry(_:)`` or ``OutboxError/ambiguousID(_:matches:)``.
    public func entry(matching id: String) throws -> OutboxEntry {
        let all = try entries()
        if let exact = all.first(where: { $0.id == id }) { return exact }
        let matches = all.filter { !id.isEmpty && $0.id.hasPrefix(id.lowercased()) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw OutboxError.noSuchEntry(id) }
        throw OutboxError.ambiguousID(id, matches: matches.map(\.id))
    }

    /// The entry with exactly this id as it is on disk now, or nil when it is gone.
    public func reload(_ entry: OutboxEntry) throws -> OutboxEntry? {
        let path = metaPath(entry.id)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try readEntry(at: path)
    }

    /// The path of an entry's message file.
    public func messagePath(of entry: OutboxEntry) -> String {
        directory.appendingPathComponent("new/\(entry.messageFile)").path
    }

    /// The bytes of an entry's message.
    ///
    /// - Throws: ``OutboxError/messageMissing(id:path:)``.
    public func message(of entry: OutboxEntry) throws -> [UInt8] {
        let path = messagePath(of: entry)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutboxError.messageMissing(id: entry.id, path: path)
        }
        return [UInt8](data)
    }

    // MARK: - Changing

    /// Writes an entry atomically and durably (new file, fsync, rename, fsync of the folder).
    public func save(_ entry: OutboxEntry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(entry)
        try AtomicFile.write(Array(data) + [0x0A], to: metaPath(entry.id))
    }

    /// Removes an entry: its message file first, then its metadata, each step fsynced.
    public func remove(_ entry: OutboxEntry) throws {
        try removeMessageFile(entry.messageFile)
        let path = metaPath(entry.id)
        if unlink(path) != 0 && errno != ENOENT { throw OutboxError.system("delete the outbox entry", path: path) }
        try AtomicFile.syncDirectory(metaDirectory.path)
    }

    // MARK: - Helpers

    private func removeMessageFile(_ name: String) throws {
        let path = directory.appendingPathComponent("new/\(name)").path
        if unlink(path) != 0 && errno != ENOENT { throw OutboxError.system("delete the outbox message", path: path) }
        try AtomicFile.syncDirectory(directory.appendingPathComponent("new").path)
    }

    private func metaPath(_ id: String) -> String {
        metaDirectory.appendingPathComponent("\(id).json").path
    }

    private func readEntry(at path: String) throws -> OutboxEntry {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutboxError.unreadableEntry(path: path, reason: "it cannot be opened")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(OutboxEntry.self, from: data)
        } catch {
            throw OutboxError.unreadableEntry(path: path, reason: "it is not a valid entry (\(error))")
        }
    }

    /// 8 random hex digits not used by another entry.
    private func newID() throws -> String {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let value = generator.next() & 0xFFFF_FFFF
            let id = String(value, radix: 16)
            let padded = String(repeating: "0", count: 8 - id.count) + id
            if !FileManager.default.fileExists(atPath: metaPath(padded)) { return padded }
        }
        throw OutboxError.system(operation: "pick a new outbox id", path: metaDirectory.path, code: EEXIST)
    }
}

/// What ``Outbox/listing()`` found.
public struct OutboxListing: Sendable {
    /// The entries, oldest first.
    public var entries: [OutboxEntry] = []
    /// Message files without an entry (a crash while queueing): paths, never sent on their own.
    public var orphans: [String] = []
    /// Entry files that could not be read, as error messages.
    public var damaged: [String] = []
}
