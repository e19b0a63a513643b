import NIOCore
import SMTP

/// A logged-in SMTP submission session (RFC 5321, RFC 6409) over a ``MailConnection``: the async
/// face of the sans-I/O ``SMTPClient``.
///
/// ``connect(_:trace:)`` reads the greeting, says EHLO (HELO if refused), upgrades with STARTTLS
/// when the account says `starttls` (and fails if the server does not offer or refuses it, having
/// sent nothing else), says EHLO again over TLS, and logs in when credentials are given.
/// ``send(_:envelope:policy:)`` then sends messages one at a time on the same connection (RSET
/// between them after a refused one), and ``quit()`` ends the session.
///
/// Errors: ``TransportError`` (network, TLS, timeouts), ``StartTLSError``,
/// ``AuthenticationFailure``, `SMTPAuthenticationError` (refused before sending credentials),
/// `SMTPServerError` (the greeting, EHLO or a command refused, or 421 anywhere),
/// `SMTPTransactionError` (the message cannot go to this server; nothing sent, the session goes
/// on), `SMTPProtocolError` (the server broke the protocol). A message the server refuses is not
/// an error: ``send(_:envelope:policy:)`` returns its report with every reply. After any error but
/// `SMTPTransactionError` and a refused NOOP or RSET, the session is over and every call throws
/// `TransportError(.notConnected)`.
public actor SMTPConnection {
    /// The server's greeting.
    public internal(set) var greeting: SMTPReply?
    /// What the server offers (from the EHLO after TLS when STARTTLS was used).
    public internal(set) var capabilities: SMTPCapabilities?
    /// How the login was done, or nil without login.
    public internal(set) var authenticationMechanism: SMTPAuthMechanism?

    let connection: MailConnection
    var client: SMTPClient
    let settings: SMTPSettings
    var isOpen = true
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    private init(connection: MailConnection, settings: SMTPSettings) {
        self.connection = connection
        self.settings = settings
        var limits = settings.limits
        if !settings.usePipelining { limits.maximumPipelinedCommands = 1 }
        self.client = SMTPClient(limits: limits, isTLSActive: connection.isTLSActive)
    }

    /// True when the connection is encrypted.
    public nonisolated var isTLSActive: Bool { connection.isTLSActive }

    /// The negotiated TLS version (`TLS 1.3`), once TLS is active.
    public nonisolated var tlsVersion: String? { connection.tlsVersion }

    /// Opens a session and logs in.
    ///
    /// - Parameters:
    ///   - settings: Server, security, credentials, limits.
    ///   - trace: Where to record the dialogue (secrets hidden), or nil.
    /// - Returns: A session ready for ``send(_:envelope:policy:)``.
    /// - Throws: ``TransportError``, ``StartTLSError``, ``AuthenticationFailure``,
    ///   `SMTPAuthenticationError`, `SMTPServerError` (a refused greeting or EHLO),
    ///   `SMTPProtocolError`.
    public static func connect(_ settings: SMTPSettings, trace: ProtocolTrace? = nil) async throws -> SMTPConnection {
        let labeled = trace?.labeled("smtp \(settings.host):\(settings.port)")
        let connection = try await MailConnection.connect(
            host: settings.host, port: settings.port, options: settings.connection, trace: labeled)
        let session = SMTPConnection(connection: connection, settings: settings)
        do {
            try await session.open()
        } catch {
            await session.close()
            throw error
        }
        return session
    }

    /// Greeting, EHLO, STARTTLS, EHLO again, login.
    private func open() async throws {
        try await serialized {
            switch try await self.awaitEvent() {
            case .greeting(let reply): self.greeting = reply
            case .failed(let error): throw error
            case let other: throw Self.unexpected(other, "the greeting")
            }
            try await self.sayHello()
            if self.settings.connection.security == .startTLS {
                try await self.upgradeToTLS()
                try await self.sayHello()
            }
            if let credentials = self.settings.credentials {
                try await self.logIn(credentials)
            }
        }
    }

    // MARK: - Sending

    /// Sends one message: MAIL FROM, RCPT TO for every recipient, DATA, the message (line ends
    /// made CRLF, dots stuffed), and the end of data.
    ///
    /// - Parameters:
    ///   - message: The complete message (header and body).
    ///   - envelope: Sender and every recipient (Bcc included).
    ///   - policy: Whether the message still goes out when some recipients are refused.
    /// - Returns: The report: accepted (the server answered 250 to the end of data) or refused,
    ///   with every reply.
    /// - Throws: `SMTPTransactionError` before sending anything (too large for the server's
    ///   SIZE, an address it cannot take; the session goes on), `SMTPServerError` with 421,
    ///   ``TransportError``, `SMTPProtocolError`.
    public func send(
        _ message: [UInt8], envelope: SMTPEnvelope, policy: SMTPRecipientPolicy = .all
    ) async throws -> SMTPTransactionReport {
        try await serialized {
            try await self.transact(message, envelope: envelope, policy: policy)
        }
    }

    /// `RSET`: abandons any transaction on the server.
    public func reset() async throws {
        try await serialized {
            try self.requireReady()
            try await self.send(self.client.reset())
            try await self.expectCompletion("RSET")
        }
    }

    /// `NOOP`: checks that the server still answers.
    public func noop() async throws {
        try await serialized {
            try self.requireReady()
            try await self.send(self.client.noop())
            try await self.expectCompletion("NOOP")
        }
    }

    /// `QUIT`, then closes the connection. A server that closes without answering QUIT is fine.
    public func quit() async {
        _ = try? await serialized {
            defer { self.isOpen = false }
            if self.client.isReadyForCommand || (self.client.state == .awaitingHello && !self.client.isWaitingForReply) {
                try? await self.send(self.client.quit())
                _ = try? await self.awaitEvent()
            }
            await self.connection.close()
        }
    }

    /// Closes the connection without QUIT (a message in progress is abandoned by the server).
    public func close() async {
        isOpen = false
        await connection.close()
    }

    // MARK: - Serialising calls

    /// Runs `body` when no other call is running, so the commands of concurrent callers never
    /// interleave on the wire. An error that leaves the session in an unknown state closes it.
    @discardableResult
    func serialized<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        }
        guard isOpen else {
            throw TransportError(.notConnected, host: settings.host, port: settings.port)
        }
        do {
            return try await body()
        } catch let error as SMTPTransactionError {
            throw error
        } catch let error as SMTPServerError where client.state != .closed && client.isReadyForCommand {
            throw error
        } catch {
            isOpen = false
            await connection.close()
            throw error
        }
    }
}
