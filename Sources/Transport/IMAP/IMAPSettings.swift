import IMAP

/// Everything needed to open an IMAP session: the server, how to protect the connection, who
/// logs in, the limits on what the server may send, and how the session behaves.
public struct IMAPSettings: Sendable {
    /// The server's host name or IP address.
    public var host: String
    /// The port (993 for `.tls`, 143 for `.startTLS` and `.none` by convention).
    public var port: Int
    /// Security, extra CA file and timeouts (the read timeout bounds every wait for the server,
    /// except IDLE's).
    public var connection: ConnectionOptions
    /// The login name and password or token.
    public var credentials: IMAPCredentials
    /// What the account allows when logging in.
    public var authentication: IMAPAuthenticationOptions
    /// Bounds on what the server may send.
    public var limits: IMAPLimits
    /// What the client tells the server with ID (RFC 2971) when the server offers it; nil to
    /// send nothing.
    public var clientID: IDParameters?
    /// How long one IDLE lasts before it is renewed (RFC 2177: at most 29 minutes).
    public var idleRenewal: Duration
    /// Whether to compress the session with COMPRESS=DEFLATE (RFC 4978) when the server offers it.
    public var compression: IMAPCompression
    /// The most bytes of one body section ``IMAPConnection/fetch(_:items:changedSince:vanished:batchSize:pipelineDepth:newestFirst:handler:)``
    /// holds in memory (bigger ones must be fetched with ``IMAPConnection/fetchBody(uid:section:peek:partial:into:)``).
    public var maximumHeldSectionSize: Int

    /// Settings for a session.
    ///
    /// - Parameters:
    ///   - host: The server.
    ///   - port: The port; nil picks 993 for `.tls` and 143 otherwise.
    ///   - connection: Security, CA file and timeouts.
    ///   - credentials: Who logs in.
    ///   - authentication: What the account allows (default: no insecure login).
    ///   - limits: Bounds on the server's answers.
    ///   - clientID: The ID sent after login (default: name "tern").
    ///   - idleRenewal: How long one IDLE lasts (default 25 minutes, at most 29).
    ///   - maximumHeldSectionSize: The largest body section held in memory by `fetch`.
    ///   - compression: COMPRESS=DEFLATE (default: when offered, unless the server is on this machine).
    public init(
        host: String, port: Int? = nil, connection: ConnectionOptions, credentials: IMAPCredentials,
        authentication: IMAPAuthenticationOptions = .init(), limits: IMAPLimits = .default,
        clientID: IDParameters? = IDParameters([.init(name: "name", value: "tern")]),
        idleRenewal: Duration = .seconds(25 * 60), maximumHeldSectionSize: Int = 64 << 20,
        compression: IMAPCompression = .automatic
    ) {
        precondition(idleRenewal > .zero && idleRenewal <= .seconds(29 * 60), "IMAPSettings: IDLE renews within 29 minutes")
        self.host = host
        self.port = port ?? (connection.security == .tls ? 993 : 143)
        self.connection = connection
        self.credentials = credentials
        self.authentication = authentication
        self.limits = limits
        self.clientID = clientID
        self.idleRenewal = idleRenewal
        self.maximumHeldSectionSize = maximumHeldSectionSize
        self.compression = compression
    }
}

/// When an IMAP session is compressed with COMPRESS=DEFLATE (RFC 4978). Compression saves
/// most of the bytes of a header download (mutt measured 7x on what it received) and costs
/// CPU on both ends: worth it on any real network, not to a server on this machine.
public enum IMAPCompression: String, Sendable, Equatable, CaseIterable {
    /// Never.
    case off
    /// Whenever the server offers it.
    case on
    /// When the server offers it and is not on this machine (not a loopback address).
    case automatic
}
