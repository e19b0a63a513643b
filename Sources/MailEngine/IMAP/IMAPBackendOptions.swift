import Foundation

/// How an ``IMAPBackend`` behaves: which extensions it uses, how it fetches, how much body
/// cache it keeps, how it reconnects. The defaults suit a real account; tests turn extensions off
/// to exercise the plain resync path.
public struct IMAPBackendOptions: Sendable {
    /// Resync with QRESYNC (RFC 7162 §3.2.5) when the server offers it.
    public var useQResync: Bool
    /// Resync flags with CONDSTORE's CHANGEDSINCE (RFC 7162 §3.1) when the server offers it.
    public var useCondStore: Bool
    /// UIDs per UID FETCH command of a sync.
    public var batchSize: Int
    /// The newest messages fetched on their own first, so the first screen is ready at once.
    public var firstBatchSize: Int
    /// UID FETCH commands in flight at once.
    public var pipelineDepth: Int
    /// Connections a large first sync fetches on at once (the command connection and
    /// `fetchConnections - 1` short-lived helpers; the server does the work of each in parallel).
    /// 1 fetches on the command connection alone. By default ``defaultFetchConnections``.
    public var fetchConnections: Int
    /// Fetched rows gathered into one cache transaction during a sync (the newest batch is
    /// written at once whatever its size).
    public var writeBatchRows: Int
    /// The fewest messages still to fetch (after the first batch) for which helper connections
    /// are opened.
    public var parallelFetchThreshold: Int
    /// How a sync asks for the header fields of its rows (see ``HeaderFetch``); the config's
    /// `header_fetch` sets it. ``HeaderFetch/automatic`` decides on a first sync of at least
    /// ``parallelFetchThreshold`` messages and fetches the fields otherwise.
    public var headerFetch: HeaderFetch
    /// Adds the rows a sync brought to the full-text index right after it, in the background
    /// (the interactive client: its first search then finds the index ready); otherwise the
    /// first full-text search adds them (``HeaderCache/indexPendingText()``).
    public var indexTextAfterSync = false
    /// Messages in each sample ``HeaderFetch/automatic`` times (tests make it small).
    var headerFetchSampleSize = HeaderFetchProbe.sampleSize
    /// Where the header-fetch samples start (tests; nil: at random, see ``HeaderFetchProbe/samples(of:count:size:offset:)``).
    var headerFetchSampleOffset: Int?
    /// The most bytes the on-disk cache of message bodies keeps (least recently used files go
    /// first; 0 keeps none). The config's `body_cache_mb` sets it.
    public var bodyCacheLimit: Int
    /// Where message bodies are cached; nil for no body cache.
    public var bodyCacheDirectory: URL?
    /// Waits between reconnection attempts after the connection is lost, the last repeated.
    public var reconnectDelays: [Duration]
    /// A connection unused for this long is checked with NOOP before it is used again (servers
    /// drop idle sessions, RFC 9051 §5.4).
    public var staleAfter: Duration
    /// How often a watched folder is synced when the server lacks IDLE.
    public var pollInterval: Duration

    /// Connections a large first sync fetches on by default: 3, or 2 on a machine with 2 cores or
    /// fewer. There tern's own decoding shares the cores with everything else (with a local
    /// server, the server too), and each extra Dovecot session also pays its first look at the
    /// Maildir (its UID list: 0.4-0.6 s of CPU for 100,000 messages). `tern sync` of 104,000
    /// messages from the Dovecot of this 2-core machine, over TLS, interleaved runs: server cache
    /// empty, 3.83 / 4.63 / 4.79 s on 2 connections against 4.17 / 5.21 / 5.31 s on 3; the fields
    /// cached, 2.79 / 2.65 / 2.95 s against 2.23 / 2.75 / 2.89 s.
    public static let defaultFetchConnections = ProcessInfo.processInfo.activeProcessorCount <= 2 ? 2 : 3

    /// Options with their defaults: QRESYNC and CONDSTORE on, batches of 1,000 UIDs four deep,
    /// the newest 200 first, ``defaultFetchConnections`` for the rest when at least 10,000 messages are
    /// missing (the header fetched the quicker way, ``HeaderFetch/automatic``), cache transactions of 4,096 rows (at most twice that wait for the writer; a first
    /// sync of 100,000 peaked 10 to 17 MB lower than with 8,192, as fast), a 256 MiB body cache
    /// (none unless `bodyCacheDirectory` is given), reconnection after 1, 2, 5, 10, 30, then every
    /// 60 seconds.
    public init(useQResync: Bool = true, useCondStore: Bool = true, batchSize: Int = 1000, firstBatchSize: Int = 200,
                pipelineDepth: Int = 4, fetchConnections: Int = IMAPBackendOptions.defaultFetchConnections, parallelFetchThreshold: Int = 10000, writeBatchRows: Int = 4096, bodyCacheLimit: Int = 256 << 20, bodyCacheDirectory: URL? = nil,
                reconnectDelays: [Duration] = [.seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30), .seconds(60)],
                staleAfter: Duration = .seconds(120), pollInterval: Duration = .seconds(60), headerFetch: HeaderFetch = .automatic) {
        precondition(batchSize > 0 && firstBatchSize > 0 && pipelineDepth > 0 && fetchConnections > 0 && bodyCacheLimit >= 0, "IMAPBackendOptions: sizes must be positive")
        precondition(!reconnectDelays.isEmpty, "IMAPBackendOptions: at least one reconnection delay")
        self.useQResync = useQResync
        self.useCondStore = useCondStore
        self.batchSize = batchSize
        self.firstBatchSize = firstBatchSize
        self.pipelineDepth = pipelineDepth
        self.fetchConnections = fetchConnections
        self.parallelFetchThreshold = parallelFetchThreshold
        self.headerFetch = headerFetch
        self.writeBatchRows = writeBatchRows
        self.bodyCacheLimit = bodyCacheLimit
        self.bodyCacheDirectory = bodyCacheDirectory
        self.reconnectDelays = reconnectDelays
        self.staleAfter = staleAfter
        self.pollInterval = pollInterval
    }
}
