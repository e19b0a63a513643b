import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A byte stream to a mail server over TCP, with TLS from the start or after STARTTLS: the one
/// place where tern opens sockets (POP3Connection, and later IMAP and SMTP, sit on top).
///
/// Reads and writes are async and time out (``ConnectionOptions``); cancelling the task that
/// waits closes the connection and throws `TransportError(.cancelled)`. One read and one write
/// may be in progress at the same time (IMAP IDLE reads while DONE is written); two reads at
/// once are a programming error.
///
/// ```
/// let connection = try await MailConnection.connect(host: "127.0.0.1", port: 995,
///                                                   options: ConnectionOptions(security: .tls))
/// try await connection.write(Array("CAPA\r\n".utf8))
/// let bytes = try await connection.read()   // nil once the server has closed
/// ```
public final class MailConnection: Sendable {
    /// The server's host as given (name or IP address).
    public let host: String
    /// The server's port.
    public let port: Int
    /// How the connection was opened.
    public let options: ConnectionOptions
    /// Where the dialogue is traced, if anywhere.
    public let trace: ProtocolTrace?

    private let channel: any Channel
    private let handler: NIOLoopBound<ConnectionHandler>
    private let tlsContext: NIOSSLContext?
    private let tlsState: LockedValue<Bool>
    private let tlsVersionState = LockedValue<String?>(nil)
    private let compressedState = LockedValue(false)

    private init(host: String, port: Int, options: ConnectionOptions, trace: ProtocolTrace?, channel: any Channel,
                 handler: NIOLoopBound<ConnectionHandler>, tlsContext: NIOSSLContext?) {
        self.host = host
        self.port = port
        self.options = options
        self.trace = trace
        self.channel = channel
        self.handler = handler
        self.tlsContext = tlsContext
        self.tlsState = LockedValue(options.security == .tls)
    }

    deinit {
        channel.close(promise: nil)
    }

    /// True once TLS protects the connection (from the start, or after ``startTLS()``).
    public var isTLSActive: Bool { tlsState.value }

    /// The negotiated TLS version (`TLS 1.3`) once TLS is active, for the trace and status line.
    public var tlsVersion: String? { tlsVersionState.value }

    /// Opens a connection; with `.tls`, also completes and verifies the TLS handshake.
    ///
    /// - Parameters:
    ///   - host: A host name or an IP address.
    ///   - port: The TCP port.
    ///   - options: Security, extra CA file and timeouts.
    ///   - trace: Where to record connection events, or nil.
    /// - Throws: ``TransportError``: `.invalidAddress`, `.hostNotFound`, `.connectionRefused`,
    ///   `.connectTimeout`, `.caFileUnreadable`, `.certificateUntrusted`, `.hostnameMismatch`,
    ///   `.handshakeTimeout`, `.tlsHandshakeFailed`, `.cancelled`, ...
    public static func connect(
        host: String, port: Int, options: ConnectionOptions, trace: ProtocolTrace? = nil
    ) async throws(TransportError) -> MailConnection {
        guard !host.isEmpty, (1...65535).contains(port) else {
            throw TransportError(.invalidAddress, host: host, port: port)
        }
        if Task.isCancelled { throw TransportError(.cancelled, host: host, port: port) }
        let tlsContext: NIOSSLContext? = options.security == .none
            ? nil : try ClientTLS.makeContext(caFile: options.caFile, host: host, port: port)
        let implicitTLS = options.security == .tls
        let handshakeTimeout = TimeAmount(options.connectTimeout)
        // The handler is created on the event loop and handed out through this box; looking it
        // up in the pipeline later would race with a server that closes at once.
        let created = LockedValue<NIOLoopBound<ConnectionHandler>?>(nil)
        var bootstrap = ClientBootstrap(group: NIOSingletons.posixEventLoopGroup)
            .connectTimeout(TimeAmount(options.connectTimeout))
            .channelOption(ChannelOptions.autoRead, value: false)
            .channelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let operations = channel.pipeline.syncOperations
                    var handshake: EventLoopPromise<Void>?
                    if implicitTLS, let tlsContext {
                        try operations.addHandler(ClientTLS.makeHandler(context: tlsContext, host: host, port: port))
                        handshake = channel.eventLoop.makePromise(of: Void.self)
                    }
                    let handler = ConnectionHandler(
                        host: host, port: port, eventLoop: channel.eventLoop, expectingHandshake: handshake,
                        handshakeTimeout: handshakeTimeout)
                    try operations.addHandler(handler)
                    created.value = NIOLoopBound(handler, eventLoop: channel.eventLoop)
                }
            }
        if let size = options.receiveBufferSize {
            bootstrap = bootstrap
                .channelOption(ChannelOptions.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: size))
                .channelOption(ChannelOptions.maxMessagesPerRead, value: 64)
        }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw TransportError.from(error, host: host, port: port)
        }
        guard let handler = created.value else {
            channel.close(promise: nil)
            throw TransportError(.io, host: host, port: port, detail: "the connection was not set up")
        }
        if Task.isCancelled {
            channel.close(promise: nil)
            throw TransportError(.cancelled, host: host, port: port)
        }
        let connection = MailConnection(host: host, port: port, options: options, trace: trace, channel: channel,
                                        handler: handler, tlsContext: tlsContext)
        let peer = channel.remoteAddress?.ipAddress.map { $0 == host ? "" : " (\($0))" } ?? ""
        trace?.note("connected to \(host):\(port)\(peer)")
        if implicitTLS {
            try await connection.run { $0.waitForHandshake() }
            connection.tlsVersionState.value = try await connection.run { $0.tlsVersion() }
            trace?.note("\(connection.tlsVersion ?? "TLS") handshake done, certificate verified for \(host)")
        }
        return connection
    }

    /// The next bytes from the server, or nil when it has closed the connection.
    ///
    /// - Throws: ``TransportError`` (`.readTimeout`, `.cancelled`, TLS errors, ...).
    public func read() async throws(TransportError) -> ByteBuffer? {
        try await read(timeout: options.readTimeout)
    }

    /// The next bytes from the server, waiting at most `timeout` instead of the read timeout
    /// of the options: IMAP IDLE waits up to 29 minutes for news, and the reply to the end of an
    /// SMTP message may take 10 minutes (RFC 5321 §4.5.3.2.6).
    ///
    /// - Throws: ``TransportError`` (`.readTimeout` closes the connection, as for ``read()``).
    public func read(timeout: Duration) async throws(TransportError) -> ByteBuffer? {
        let amount = TimeAmount(timeout)
        return try await run { $0.read(timeout: amount) }
    }

    /// True when the server is on this machine: the connection goes to a loopback address
    /// (127.0.0.0/8, ::1, or 127.x mapped into IPv6).
    public var isLoopback: Bool {
        guard let address = channel.remoteAddress?.ipAddress?.lowercased() else { return false }
        return address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }

    /// The IP address of the connection's local end (`192.0.2.7`, `::1`), or nil when unknown;
    /// SMTP uses it as the EHLO address literal.
    public var localIPAddress: String? {
        channel.localAddress?.ipAddress
    }

    /// Sends bytes and waits until the system has taken them.
    ///
    /// - Throws: ``TransportError`` (`.writeTimeout`, `.closedByServer`, `.cancelled`, ...).
    public func write(_ bytes: some Collection<UInt8>) async throws(TransportError) {
        let buffer = channel.allocator.buffer(bytes: bytes)
        let timeout = TimeAmount(options.writeTimeout)
        try await run { $0.write(buffer, timeout: timeout) }
    }

    /// Upgrades to TLS after the protocol's STARTTLS command was accepted: discards every byte
    /// received but not yet read (they came before the handshake and cannot be trusted), then
    /// completes and verifies the handshake.
    ///
    /// - Returns: The number of bytes discarded (also noted in the trace).
    /// - Precondition: The connection was opened with `.startTLS` and TLS is not active yet.
    /// - Throws: ``TransportError`` for handshake and verification failures.
    @discardableResult
    public func startTLS() async throws(TransportError) -> Int {
        precondition(options.security == .startTLS && !isTLSActive, "MailConnection.startTLS: not a STARTTLS connection")
        guard let tlsContext else { preconditionFailure("MailConnection.startTLS: no TLS context") }
        let (host, port) = (self.host, self.port)
        let discarded = try await run {
            $0.startTLS { () throws(TransportError) in try ClientTLS.makeHandler(context: tlsContext, host: host, port: port) }
        }
        tlsState.value = true
        tlsVersionState.value = try await run { $0.tlsVersion() }
        trace?.note("\(tlsVersion ?? "TLS") handshake done, certificate verified for \(host); "
            + "\(discarded) bytes received before it were discarded")
        return discarded
    }

    /// True once COMPRESS=DEFLATE (RFC 4978) is active on the connection.
    public var isCompressed: Bool { compressedState.value }

    /// Starts DEFLATE compression in both directions after the protocol's COMPRESS command was
    /// accepted (RFC 4978 §3): inside TLS when TLS is active.
    ///
    /// - Parameter received: Bytes the protocol client already holds that came after the
    ///   server's OK (they are compressed); they are decompressed before anything read later.
    /// - Precondition: Compression is not active yet; no read is in progress.
    /// - Throws: ``TransportError`` (`.compressionFailed` when zlib cannot start; the connection
    ///   is closed then).
    public func startCompression(received: [UInt8] = []) async throws(TransportError) {
        precondition(!isCompressed, "MailConnection.startCompression: compression is already active")
        let trace = self.trace
        try await run { $0.startCompression(received: received, trace: trace) }
        compressedState.value = true
        trace?.note("COMPRESS=DEFLATE active")
    }

    /// Closes the connection at once (no protocol goodbye) and waits until it is closed.
    public func close() async {
        try? await channel.close()
        trace?.note("closed")
    }

    /// Runs a request on the handler's event loop and awaits its future; cancelling the task
    /// closes the connection.
    private func run<Value: Sendable>(
        _ request: @escaping @Sendable (ConnectionHandler) -> EventLoopFuture<Value>
    ) async throws(TransportError) -> Value {
        if Task.isCancelled {
            cancel()
            throw TransportError(.cancelled, host: host, port: port)
        }
        let handler = self.handler
        let loop = channel.eventLoop
        do {
            return try await withTaskCancellationHandler {
                try await loop.flatSubmit { request(handler.value) }.get()
            } onCancel: {
                loop.execute { handler.value.cancel() }
            }
        } catch {
            throw TransportError.from(error, host: host, port: port)
        }
    }

    private func cancel() {
        let handler = self.handler
        channel.eventLoop.execute { handler.value.cancel() }
    }
}

/// A value behind a lock, readable and writable from any thread.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

extension TimeAmount {
    /// The amount for a `Duration`, rounded to nanoseconds.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
