/// How to open a connection: the protection, the extra trusted CA, and the timeouts.
public struct ConnectionOptions: Sendable, Equatable {
    /// Implicit TLS, STARTTLS, or none.
    public var security: ConnectionSecurity
    /// A PEM file of CA certificates trusted in addition to the system store (the account's
    /// `ca_file`), or nil.
    public var caFile: String?
    /// The longest wait for the TCP connection and, separately, for each TLS handshake.
    public var connectTimeout: Duration
    /// The longest wait for the next bytes from the server once a read has started.
    public var readTimeout: Duration
    /// The longest wait for the kernel to take a write (the server not reading).
    public var writeTimeout: Duration

    /// Reads of at most this many bytes (tests use tiny reads to exercise buffering); nil for
    /// NIO's adaptive default.
    var receiveBufferSize: Int?

    /// Options with the usual timeouts: 30 s to connect, 120 s to read, 60 s to write.
    public init(
        security: ConnectionSecurity, caFile: String? = nil, connectTimeout: Duration = .seconds(30),
        readTimeout: Duration = .seconds(120), writeTimeout: Duration = .seconds(60)
    ) {
        self.security = security
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
    }
}
