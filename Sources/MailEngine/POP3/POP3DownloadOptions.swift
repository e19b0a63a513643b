/// How a POP3 download treats the server and paces itself.
public struct POP3DownloadOptions: Sendable, Equatable {
    /// Leave downloaded messages on the server (`keep_on_server`).
    public var keepOnServer: Bool
    /// With ``keepOnServer``, delete a message from the server this many days after it was
    /// downloaded (`keep_days`); nil keeps it forever. Ignored without ``keepOnServer``.
    public var keepDays: Int?
    /// The most RETR commands sent ahead of their answers when the server offers PIPELINING
    /// (RFC 2449 §6.8); 1 turns pipelining off.
    public var pipelineDepth: Int
    /// Messages per batch: each batch is recorded as pending in one transaction before its
    /// messages are written, and as downloaded in one transaction after they are safe.
    public var batchSize: Int

    /// Options; by default messages are deleted from the server once safely downloaded.
    ///
    /// - Precondition: `pipelineDepth` and `batchSize` are 1 or more; `keepDays` is 0 or more.
    public init(keepOnServer: Bool = false, keepDays: Int? = nil, pipelineDepth: Int = 16, batchSize: Int = 256) {
        precondition(pipelineDepth >= 1 && batchSize >= 1, "POP3DownloadOptions: depth and batch size must be >= 1")
        precondition((keepDays ?? 0) >= 0, "POP3DownloadOptions: keepDays must be >= 0")
        self.keepOnServer = keepOnServer
        self.keepDays = keepDays
        self.pipelineDepth = pipelineDepth
        self.batchSize = batchSize
    }

    /// How long after its download a message is deleted from the server: zero when messages
    /// are not kept, nil when they are kept forever.
    var deletionDelay: Duration? {
        guard keepOnServer else { return .zero }
        return keepDays.map { .seconds($0 * 86_400) }
    }
}
