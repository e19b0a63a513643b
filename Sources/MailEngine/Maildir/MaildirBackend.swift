import Foundation
import MailCore
import MailStore

/// An account whose mail is a local Maildir++ tree (a plain `[accounts.NAME.maildir]` account, or
/// the Maildir a POP3 account downloads into).
///
/// - Folders are the Maildir++ folders (`.Sent`, `.Archive.2024`); roles come from the account's
///   overrides, then well-known names (see `FolderRoles`).
/// - Uids are given by the header cache, one per (folder, file unique name), and kept across flag
///   changes and renames by other programs; they change only when the cache is rebuilt (the
///   folder's UIDVALIDITY in the cache changes with it).
/// - `sync` lists `new/` and `cur/` and reads only the header section of files new to the cache
///   (see `MaildirSynchronizer`); when neither directory changed, it reads nothing.
/// - Search: header words, flags, dates and sizes come from the cache (FTS5); free text searches
///   the headers; `body:` terms are answered by reading the candidate files (those passing the
///   query's header-only terms) and searching their shown text. No body index is kept: it would
///   double the disk used by the cache for a search that is rarely run on a local folder.
/// - `watch` polls the directory times of the watched folder and the inbox every few seconds.
public actor MaildirBackend: MailBackend {
    /// The account's name.
    public nonisolated let accountName: String
    /// Maildir accounts work offline, copy, manage folders, search bodies and notice changes.
    public nonisolated let capabilities: BackendCapabilities = [.offline, .copy, .folderManagement, .bodySearch, .push]
    /// Events for the UI (buffering the newest 1,000 when nobody listens).
    public nonisolated let events: AsyncStream<BackendEvent>

    /// The Maildir++ tree.
    public nonisolated let store: MaildirStore
    /// The account's header cache.
    public nonisolated let cache: HeaderCache
    let continuation: AsyncStream<BackendEvent>.Continuation
    let synchronizer: MaildirSynchronizer
    let reader: MessageFileReader
    let roles: FolderRoles
    let pollInterval: Duration
    var watchTask: Task<Void, Never>?
    var syncedSinceRebuild = Set<MailboxPath>()
    /// Scans in progress, so that a second request for the same folder waits for the first.
    var scans: [MailboxPath: Task<MaildirSyncResult, any Error>] = [:]
    var lastWatchError: String?

    /// A backend over the Maildir++ tree at `root`.
    /// - Parameters:
    ///   - accountName: The account's name, for messages and events.
    ///   - root: The root Maildir (the inbox).
    ///   - cache: The account's header cache.
    ///   - roles: Folder role overrides from the config.
    ///   - reader: How message files are read (injectable for tests).
    ///   - pollInterval: How often `watch` looks at the directories.
    ///   - createIfMissing: Create the root Maildir when it does not exist (POP3 accounts); when
    ///     false, a missing root is an error.
    /// - Throws: `BackendError.failed` when the root is missing (and not to be created) or cannot be made.
    public init(accountName: String, root: URL, cache: HeaderCache, roles: FolderRoles = FolderRoles(),
                reader: MessageFileReader = .standard, pollInterval: Duration = .seconds(3), createIfMissing: Bool = false) throws {
        self.accountName = accountName
        self.store = MaildirStore(root: root)
        self.cache = cache
        self.roles = roles
        self.reader = reader
        self.pollInterval = pollInterval
        self.synchronizer = MaildirSynchronizer(cache: cache, reader: reader)
        (events, continuation) = AsyncStream.makeStream(of: BackendEvent.self, bufferingPolicy: .bufferingNewest(1000))
        if !Maildir(directory: root).exists {
            guard createIfMissing else {
                throw BackendError.failed("account \"\(accountName)\": there is no Maildir at \(root.path) (a Maildir is a folder with cur/, new/ and tmp/); check the account's path in the config")
            }
            do {
                try store.create(.inbox)
            } catch {
                throw BackendError.failed("account \"\(accountName)\": \(error)")
            }
        }
        continuation.yield(.connection(.local))
    }

    // MARK: - Reading the cache

    public func folders() async throws -> [FolderInfo] {
        let paths = try listFolders()
        let assigned = roles.assign(paths)
        let cached = Set(try cache.mailboxes().map(\.path))
        return try paths.map { path in
            guard cached.contains(path) else { return FolderInfo(path: path, role: assigned[path]) }
            let counts = try cache.counts(in: path)
            return FolderInfo(path: path, role: assigned[path], total: counts.total, unread: counts.unread)
        }
    }

    public func count(in folder: MailboxPath, filter: SearchQuery?) async throws -> Int {
        let path = try resolve(folder).path
        return try cache.count(in: path, filter: try await cacheFilter(filter, in: path))
    }

    public func summaries(in folder: MailboxPath, order: SortOrder, range: Range<Int>, filter: SearchQuery?) async throws
        -> [MessageSummary] {
        let path = try resolve(folder).path
        let sort = CacheSort(CacheSort.Column(rawValue: order.key.rawValue) ?? .date, descending: order.descending)
        return try cache.summaries(in: path, sort: sort, range: range, filter: try await cacheFilter(filter, in: path))
            .map(MessageSummary.init(cached:))
    }

    public func threadingRows(in folder: MailboxPath) async throws -> [ThreadingRow] {
        let path = try resolve(folder).path
        return try cache.threadingRows(in: path).map {
            ThreadingRow(uid: $0.uid, messageID: $0.messageID, inReplyTo: $0.inReplyTo.last, references: $0.references,
                         subject: $0.subject, date: $0.date)
        }
    }

    // MARK: - Sync

    public func sync(_ folder: MailboxPath) async throws -> SyncReport {
        try await syncFolder(resolve(folder).path, force: false)
    }

    /// Scans a folder into the cache (on a thread outside Swift's cooperative pool: a first scan
    /// of a large folder takes seconds) and emits what changed. A scan of a folder already being
    /// scanned waits for that scan instead of starting another.
    @discardableResult
    func syncFolder(_ path: MailboxPath, force: Bool) async throws -> SyncReport {
        let result: MaildirSyncResult
        if let running = scans[path] {
            result = try await running.value
        } else {
            let maildir = try store.maildir(for: path)
            let synchronizer = self.synchronizer
            let continuation = self.continuation
            let scan = Task {
                try await Self.offPool {
                    try synchronizer.sync(maildir, as: path, force: force) { done, total in
                        continuation.yield(.syncProgress(folder: path, done: done, total: total, bytes: nil))
                    }
                }
            }
            scans[path] = scan
            defer { scans[path] = nil }
            do {
                result = try await scan.value
            } catch let error as MaildirError {
                throw BackendError.failed("account \"\(accountName)\": \(error)")
            }
            let rebuilt = cache.wasRebuilt && syncedSinceRebuild.insert(path).inserted
            let report = SyncReport(folder: path, added: result.added.count, removed: result.removed.count,
                                    flagsChanged: result.flagsChanged.count, rebuilt: rebuilt, warnings: result.warnings)
            if !result.isEmpty { try emitChanges(result, in: path) }
            if !result.unchanged { continuation.yield(.syncFinished(report)) }
            return report
        }
        return SyncReport(folder: path, added: result.added.count, removed: result.removed.count,
                          flagsChanged: result.flagsChanged.count, warnings: result.warnings)
    }

    /// Runs blocking file and database work on a thread outside Swift's cooperative pool, so a
    /// long scan never holds one of its few threads.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The most added messages sent as summaries in one event; beyond it (a first scan) the UI
    /// reloads from the cache after `.syncFinished`.
    static let addedEventLimit = 1000

    func emitChanges(_ result: MaildirSyncResult, in path: MailboxPath) throws {
        if !result.removed.isEmpty { continuation.yield(.messagesRemoved(folder: path, result.removed)) }
        if !result.flagsChanged.isEmpty {
            continuation.yield(.flagsChanged(folder: path, result.flagsChanged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
        if !result.added.isEmpty && result.added.count <= Self.addedEventLimit {
            let added = try cache.messages(result.added, in: path).map(MessageSummary.init(cached:))
            continuation.yield(.messagesAdded(folder: path, added))
        }
        try emitCounts(path)
    }

    func emitCounts(_ path: MailboxPath) throws {
        let counts = try cache.counts(in: path)
        let role = roles.assign(try listFolders())[path]
        continuation.yield(.folderCounts(FolderInfo(path: path, role: role, total: counts.total, unread: counts.unread)))
    }

    public func close() async {
        watchTask?.cancel()
        watchTask = nil
        continuation.finish()
    }

    // MARK: - Folders

    /// The folders on disk, as `BackendError` on failure.
    func listFolders() throws -> [MailboxPath] {
        do {
            return try store.folders()
        } catch {
            throw BackendError.failed("account \"\(accountName)\": \(error)")
        }
    }

    /// The existing folder a path names (the inbox in any case; otherwise exactly, else the one
    /// folder equal to it ignoring case) and its Maildir.
    func resolve(_ folder: MailboxPath) throws -> (path: MailboxPath, maildir: Maildir) {
        if folder.isInbox { return (.inbox, Maildir(directory: store.root)) }
        let all = try listFolders()
        var match = all.first { $0 == folder }
        if match == nil {
            let lowered = folder.components.map { $0.lowercased() }
            let candidates = all.filter { $0.components.map { $0.lowercased() } == lowered }
            if candidates.count == 1 { match = candidates[0] }
        }
        guard let match else { throw BackendError.noSuchFolder(folder, account: accountName) }
        do {
            return (match, try store.maildir(for: match))
        } catch {
            throw BackendError.failed("\(error)")
        }
    }
}

extension MessageSummary {
    /// The summary of a cached message.
    public init(cached: CachedMessage) {
        self.init(uid: cached.uid, envelope: cached.envelope, flags: cached.flags, size: cached.size,
                  hasAttachments: cached.hasAttachments, receivedDate: cached.receivedDate)
    }
}
