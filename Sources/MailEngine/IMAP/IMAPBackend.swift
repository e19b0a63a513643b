import Foundation
import IMAP
import MailCore
import MailStore
import Transport

/// An account whose mail stays on an IMAP server (RFC 9051 / RFC 3501), seen through the header
/// cache so that the message list never waits for the network.
///
/// - One actor per account, owning one ``IMAPConnection`` for commands (opened on first use) and,
///   while a folder is watched, a second one that sits in IDLE on it.
/// - Reads (`count`, `summaries`, `threadingRows`) come from the ``HeaderCache`` only.
/// - `sync` brings one folder's cache up to date: the first time it fetches every envelope in
///   pipelined batches, newest first; later it asks only what changed (QRESYNC, else CONDSTORE,
///   else new UIDs plus a flag refresh), see `IMAPBackend+Sync.swift`. A changed UIDVALIDITY
///   drops the folder's cache.
/// - A lost connection ends the call in flight with a clear error; the next call connects again,
///   and a watched folder is reconnected in the background with backoff, then resynced.
/// - Message bodies are fetched on demand and kept in a size-bounded disk cache (`BodyCache`).
public actor IMAPBackend: MailBackend {
    /// The account's name.
    public nonisolated let accountName: String
    /// IMAP accounts copy, manage folders, search bodies on the server and push changes (IDLE);
    /// they keep fetched messages unless the body cache is off.
    public nonisolated let capabilities: BackendCapabilities
    /// Events for the UI (buffering the newest 1,000 when nobody listens).
    public nonisolated let events: AsyncStream<BackendEvent>
    /// The account's header cache.
    public nonisolated let cache: HeaderCache
    /// How the backend behaves.
    public nonisolated let options: IMAPBackendOptions

    let continuation: AsyncStream<BackendEvent>.Continuation
    /// Builds the session settings, resolving the secret, at each connection.
    let settingsProvider: @Sendable () throws -> IMAPSettings
    let trace: ProtocolTrace?
    let roles: FolderRoles
    let bodies: BodyCache?

    /// The command connection, when open.
    var connection: IMAPConnection?
    /// A connection being opened, shared by the calls that need it meanwhile.
    var connecting: Task<IMAPConnection, any Error>?
    /// When the command connection last answered.
    var lastUsed = ContinuousClock.now
    /// The folders of the last LIST, with their wire names.
    var mailboxes: [MailboxPath: MailboxInfo] = [:]
    /// The folder list as last reported.
    var lastFolders: [FolderInfo] = []
    /// Syncs in progress, so a second request for the same folder waits for the first.
    var syncs: [MailboxPath: Task<SyncReport, any Error>] = [:]
    /// Helper connections of a large first sync, opened (and the folder examined) as soon as its
    /// size is known, while the newest page is fetched; taken by the fetch of the rest.
    var openingHelpers: [MailboxName: [Task<IMAPConnection?, Never>]] = [:]
    /// How the last large first sync fetched the header of its rows (``HeaderFetch/automatic``
    /// resolved); nil before one.
    public internal(set) var lastHeaderFetch: HeaderFetch?
    /// How long the FETCH of the last newest page (``fetchNewest(_:exists:of:box:on:)``) took, and
    /// of how many messages, by folder: a first sync compares it with its `UID SEARCH` and its
    /// first sample (see ``HeaderFetchProbe/QuickPage``).
    var newestPageTimes: [MailboxPath: HeaderFetchProbe.QuickPage] = [:]
    /// The watch (IDLE connection and its loop).
    var watchTask: Task<Void, Never>?
    var watchedFolder: MailboxPath?
    var idleConnection: IMAPConnection?
    /// True while a call uses the command connection; the others wait in `connectionWaiters`
    /// (a call's commands and the folder it selected must not interleave with another's).
    var connectionBusy = false
    var connectionWaiters: [CheckedContinuation<Void, Never>] = []
    /// A sync asked for by IDLE while one was running: run again when it ends.
    var resyncPending = false
    var closed = false

    /// A backend for one IMAP account.
    /// - Parameters:
    ///   - accountName: The account's name, for messages and events.
    ///   - cache: The account's header cache.
    ///   - roles: Folder role overrides from the config (`[accounts.NAME.folders]`).
    ///   - options: Extensions, batching, body cache, reconnection.
    ///   - trace: Where to record the protocol dialogue (secrets hidden), or nil.
    ///   - settings: Builds the connection settings (resolving the password) each time the
    ///     backend connects; its errors are reported as they are.
    public init(accountName: String, cache: HeaderCache, roles: FolderRoles = FolderRoles(),
                options: IMAPBackendOptions = IMAPBackendOptions(), trace: ProtocolTrace? = nil,
                settings: @escaping @Sendable () throws -> IMAPSettings) {
        self.accountName = accountName
        self.cache = cache
        self.roles = roles
        self.options = options
        self.trace = trace
        self.settingsProvider = settings
        let bodies = options.bodyCacheLimit > 0 ? options.bodyCacheDirectory.map { BodyCache(directory: $0, limit: options.bodyCacheLimit) } : nil
        self.bodies = bodies
        var capabilities: BackendCapabilities = [.copy, .folderManagement, .bodySearch, .push]
        if bodies != nil { capabilities.insert(.bodyCache) }
        self.capabilities = capabilities
        (events, continuation) = AsyncStream.makeStream(of: BackendEvent.self, bufferingPolicy: .bufferingNewest(1000))
    }

    // MARK: - Reading the cache

    /// How many cached messages of the folder match `filter` (header terms from the cache's
    /// index; `body:` terms ask the server).
    public func count(in folder: MailboxPath, filter: SearchQuery?) async throws -> Int {
        try cache.count(in: cachePath(folder), filter: try await cacheFilter(filter, in: folder))
    }

    /// A page of cached summaries in `order`, from the cache's index for that order.
    public func summaries(in folder: MailboxPath, order: SortOrder, range: Range<Int>, filter: SearchQuery?) async throws
        -> [MessageSummary] {
        let sort = CacheSort(CacheSort.Column(rawValue: order.key.rawValue) ?? .date, descending: order.descending)
        return try cache.summaries(in: cachePath(folder), sort: sort, range: range,
                                   filter: try await cacheFilter(filter, in: folder)).map(MessageSummary.init(cached:))
    }

    /// The threading headers of every cached message of the folder.
    public func threadingRows(in folder: MailboxPath) async throws -> [ThreadingRow] {
        try cache.threadingRows(in: cachePath(folder)).map {
            ThreadingRow(uid: $0.uid, messageID: $0.messageID, inReplyTo: $0.inReplyTo.first, references: $0.references,
                         subject: $0.subject, date: $0.date)
        }
    }

    /// The path a folder is cached under: the listed folder it names when the list is known
    /// (so `inbox` and `Inbox` are one folder), else the path as given.
    func cachePath(_ folder: MailboxPath) -> MailboxPath {
        if folder.isInbox { return .inbox }
        return matchListed(folder) ?? folder
    }

    /// Stops watching, logs out and finishes the event stream.
    public func close() async {
        closed = true
        await stopWatching()
        connecting?.cancel()
        if let connection { await connection.logout() }
        connection = nil
        continuation.finish()
    }

    /// An error for the user, naming the account; the server's words are kept, secrets never
    /// reach them (the connection scrubs them).
    func failure(_ error: any Error) -> any Error {
        switch error {
        case is BackendError, is CacheError, is CancellationError, is SecretError: return error  // these name the account
        default: return BackendError.failed("account \"\(accountName)\": \(error)")
        }
    }
}
