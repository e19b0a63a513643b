/// The IMAP client as a sans-I/O state machine (RFC 9051, RFC 3501): tags, pipelining,
/// literals, SASL, IDLE, STARTTLS, and the session state.
///
/// It owns no socket. The caller writes the bytes of ``send(_:)``, ``authenticate(_:options:)``
/// and ``done()``, feeds what the server sends to ``receive(_:)``, and takes
/// ``nextEvent()`` until it returns nil (more bytes needed).
///
/// ```
/// var client = IMAPClient(isTLSActive: true)
/// client.receive(greetingBytes)           // "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"
/// try client.nextEvent()                  // .greeting(.ok, ...)
/// let login = try client.authenticate(credentials, options: .init())
/// // write login.bytes; feed the answer; .completed(... OK ...)
/// let fetch = client.send(.fetch(SequenceSet(1...10), [.uid, .flags]))
/// ```
///
/// Several commands may be in flight (pipelining); each ends with one `.completed` event. A
/// command with a synchronising literal, AUTHENTICATE, IDLE and STARTTLS each hold the line
/// until the server answers (``canSendCommand`` is false meanwhile). Calling a command in the
/// wrong state is a programming error and stops the program; anything wrong in what the server
/// sends is a thrown ``IMAPProtocolError``, after which the client only throws that error.
public struct IMAPClient: Sendable {
    /// The session states of RFC 9051 §3.
    public enum State: Hashable, Sendable {
        /// Connected; the greeting has not arrived.
        case awaitingGreeting
        /// Not authenticated: CAPABILITY, STARTTLS and login are allowed.
        case notAuthenticated
        /// Logged in, no mailbox selected.
        case authenticated
        /// A mailbox is selected.
        case selected(MailboxName, readOnly: Bool)
        /// LOGOUT was sent, or the server said BYE.
        case loggedOut
    }

    /// The session state.
    public internal(set) var state: State = .awaitingGreeting
    /// The capabilities the server listed last (CAPABILITY or a `[CAPABILITY]` code); empty
    /// while unknown (see ``capabilitiesKnown``).
    public internal(set) var capabilities: Set<Capability> = []
    /// False until the server listed its capabilities, and again after STARTTLS (what it said
    /// before TLS cannot be trusted) and after a login whose answer did not list them.
    public internal(set) var capabilitiesKnown = false
    /// The extensions enabled with ENABLE (RFC 5161).
    public internal(set) var enabled: Set<Capability> = []
    /// True once TLS protects the connection.
    public internal(set) var isTLSActive: Bool
    /// True once the server accepted COMPRESS DEFLATE (RFC 4978).
    public internal(set) var isCompressionActive = false
    /// The bounds on what the server may send.
    public var limits: IMAPLimits { parser.limits }

    var parser: ResponseParser
    var nextTagNumber = 1
    /// Commands sent and not yet answered, oldest first.
    var inFlight: [PendingCommand] = []
    /// The tag of the command whose next chunk waits for a continuation request.
    var waitingChunks: (tag: String, chunks: ArraySlice<CommandChunk>)?
    /// A SASL exchange in progress.
    var sasl: SASLExchange?
    /// The tag of an IDLE command and whether the server accepted it.
    var idle: (tag: String, started: Bool, doneSent: Bool)?
    /// True between the OK to STARTTLS and ``tlsEstablished()``.
    var awaitingTLSHandshake = false
    var queuedEvents: [IMAPClientEvent] = []
    var endOfStream = false
    var failure: IMAPProtocolError?

    /// A command in flight.
    struct PendingCommand: Sendable {
        var tag: String
        var command: Command
        var traceText: String
    }

    /// Where an AUTHENTICATE stands.
    struct SASLExchange: Sendable {
        var tag: String
        /// The response to send after the first `+`, when there was no initial response.
        var pendingResponse: String?
        /// The mechanism (XOAUTH2 answers an error challenge with an empty line).
        var method: IMAPAuthenticationMethod
    }

    /// A client waiting for the greeting.
    ///
    /// - Parameters:
    ///   - limits: Bounds on what the server may send.
    ///   - isTLSActive: True when the connection is already encrypted (implicit TLS, port 993).
    public init(limits: IMAPLimits = .default, isTLSActive: Bool) {
        self.parser = ResponseParser(limits: limits)
        self.isTLSActive = isTLSActive
    }

    // MARK: - Status

    /// True when a new command may be sent now: the greeting came, no command waits for a
    /// continuation, no IDLE, AUTHENTICATE or STARTTLS holds the line.
    public var canSendCommand: Bool {
        failure == nil && waitingChunks == nil && sasl == nil && idle == nil && !awaitingTLSHandshake
            && !inFlight.contains {
                switch $0.command {
                case .startTLS, .compressDeflate: true
                default: false
                }
            }
            && state != .awaitingGreeting && state != .loggedOut
    }

    /// The commands sent and not yet answered, oldest first.
    public var inFlightCommands: [InFlightCommand] {
        inFlight.map { InFlightCommand(tag: $0.tag, name: $0.command.name, traceText: $0.traceText) }
    }

    /// True while an IDLE command runs (sent, not yet completed).
    public var isIdling: Bool { idle != nil }

    /// How strings are written for this server now.
    public var encodingOptions: EncodingOptions {
        EncodingOptions(capabilities: capabilities, enabled: enabled)
    }

    // MARK: - Input

    /// Feeds bytes received from the server.
    public mutating func receive(_ bytes: some Collection<UInt8>) {
        parser.append(bytes)
    }

    /// Tells the client the server closed the connection.
    public mutating func receiveEndOfStream() {
        endOfStream = true
    }

    // MARK: - Commands

    /// Sends a command that carries no credentials.
    ///
    /// - Precondition: ``canSendCommand``; the command suits the state (STARTTLS before login
    ///   without TLS; mailbox commands after login; message commands with a mailbox selected).
    ///   Log in with ``authenticate(_:options:)``, end IDLE with ``done()``.
    /// - Returns: The first bytes to send; more may follow as `.send` events.
    public mutating func send(_ command: Command) -> IMAPOutbound {
        precondition(canSendCommand, "IMAPClient: \(command.name) sent while the line is busy or closed")
        switch command {
        case .login, .authenticate:
            preconditionFailure("IMAPClient: log in with authenticate(_:options:)")
        case .startTLS:
            precondition(state == .notAuthenticated && !isTLSActive && inFlight.isEmpty,
                         "IMAPClient: STARTTLS only before login, without TLS, with nothing in flight")
        case .capability, .noop, .logout, .id:
            break
        case .compressDeflate:
            precondition(isAuthenticated && !isCompressionActive && inFlight.isEmpty,
                         "IMAPClient: COMPRESS only after login, once, with nothing in flight")
        case .enable, .namespace, .list, .lsub, .status, .select, .examine, .create, .delete, .rename, .subscribe,
             .unsubscribe, .append, .idle:
            precondition(isAuthenticated, "IMAPClient: \(command.name) before login")
        case .close, .unselect, .expunge, .uidExpunge, .fetch, .store, .copy, .move, .search:
            precondition(isSelected, "IMAPClient: \(command.name) without a selected mailbox")
        }
        let outbound = start(command)
        if case .idle = command { idle = (outbound.tag, false, false) }
        return outbound
    }

    /// Ends IDLE: the bytes `DONE`. The IDLE command then completes.
    ///
    /// - Precondition: IDLE was accepted (`.idleStarted`) and DONE not sent yet.
    public mutating func done() -> IMAPOutbound {
        guard let current = idle, current.started, !current.doneSent else {
            preconditionFailure("IMAPClient: done() without an accepted IDLE")
        }
        idle = (current.tag, true, true)
        return IMAPOutbound(tag: current.tag, bytes: Array("DONE\r\n".utf8), traceText: "DONE")
    }

    /// True when IDLE was accepted and DONE can be sent.
    public var canEndIdle: Bool { idle.map { $0.started && !$0.doneSent } ?? false }

    /// Records that the TLS handshake after STARTTLS succeeded; the capabilities are forgotten
    /// (ask CAPABILITY again, RFC 9051 §6.2.1).
    ///
    /// - Precondition: the last terminal event was `.startTLS`.
    public mutating func tlsEstablished() {
        precondition(awaitingTLSHandshake, "IMAPClient: tlsEstablished() without an accepted STARTTLS")
        awaitingTLSHandshake = false
        isTLSActive = true
        capabilities = []
        capabilitiesKnown = false
        _ = parser.discardBufferedBytes()
    }

    /// Starts the login with the method ``IMAPAuthenticationMethod/choose(for:capabilities:)``
    /// picks. SASL steps come as `.send` events; the login ends with `.completed`.
    ///
    /// - Precondition: ``canSendCommand`` in the not-authenticated state, capabilities known.
    /// - Throws: ``IMAPAuthenticationError`` when the connection is not encrypted and the
    ///   options do not allow that, when the credentials hold a line break, or when the server
    ///   offers no usable way to log in. Nothing has been sent then.
    public mutating func authenticate(
        _ credentials: IMAPCredentials, options: IMAPAuthenticationOptions
    ) throws(IMAPAuthenticationError) -> IMAPOutbound {
        precondition(canSendCommand && state == .notAuthenticated, "IMAPClient: authenticate outside NOT AUTHENTICATED")
        guard isTLSActive || options.allowInsecureAuthentication else { throw .insecureConnection }
        if let problem = credentials.problem { throw .invalidCredentials(problem) }
        let method = try IMAPAuthenticationMethod.choose(for: credentials.secret, capabilities: capabilities)
        let user = credentials.username
        let secret = credentials.secretText
        let mechanism: String
        let message: String
        switch method {
        case .login:
            return start(.login(username: user, password: secret))
        case .plain:
            (mechanism, message) = ("PLAIN", SASL.plain(username: user, password: secret))
        case .xoauth2:
            (mechanism, message) = ("XOAUTH2", SASL.xoauth2(username: user, token: secret))
        case .oauthBearer:
            (mechanism, message) = ("OAUTHBEARER", SASL.oauthBearer(username: user, token: secret))
        }
        let initial = capabilities.contains(.saslIR)
        let outbound = start(.authenticate(mechanism: mechanism, initialResponse: initial ? message : nil))
        sasl = SASLExchange(tag: outbound.tag, pendingResponse: initial ? nil : message, method: method)
        return outbound
    }

    // MARK: - Helpers

    var isAuthenticated: Bool {
        switch state {
        case .authenticated, .selected: true
        default: false
        }
    }

    var isSelected: Bool {
        if case .selected = state { return true }
        return false
    }

    private mutating func start(_ command: Command) -> IMAPOutbound {
        let tag = "A\(nextTagNumber)"
        nextTagNumber += 1
        let encoded = command.encoded(tag: tag, options: encodingOptions)
        inFlight.append(PendingCommand(tag: tag, command: command, traceText: encoded.traceText))
        if encoded.chunks.count > 1 { waitingChunks = (tag, encoded.chunks.dropFirst()) }
        return IMAPOutbound(tag: tag, bytes: encoded.chunks.first?.bytes ?? [], traceText: encoded.traceText)
    }
}
