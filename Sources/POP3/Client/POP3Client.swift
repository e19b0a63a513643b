import MailCore
/// The POP3 client as a sans-I/O state machine (RFC 1939, RFC 2449, RFC 2595, RFC 5034).
///
/// It owns no socket. The caller sends the bytes of ``send(_:)`` and ``authenticate(_:options:)``,
/// feeds what the server answers to ``receive(_:)``, and takes ``nextEvent()`` until it returns
/// nil (more bytes needed). Each command ends with one terminal event (`completed`, `failed`,
/// `startTLS`); ``isReadyForCommand`` is then true again.
///
/// ```
/// var client = POP3Client(isTLSActive: true)
/// client.receive(bytesFromServer)            // "+OK ready\r\n"
/// try client.nextEvent()                     // .greeting(...)
/// let out = client.send(.stat)               // "STAT\r\n" to send
/// client.receive(moreBytes)                  // "+OK 2 320\r\n"
/// try client.nextEvent()                     // .maildropStatus(2, 320)
/// try client.nextEvent()                     // .completed(+OK 2 320)
/// ```
///
/// Calling a command in the wrong state (RETR before login, a second command before the first
/// is answered) is a programming error and stops the program; anything wrong in what the server
/// sends is a thrown ``POP3ProtocolError``, after which the client only throws that error again.
public struct POP3Client: Sendable {
    /// The session states of RFC 1939 §3.
    public enum State: Equatable, Sendable {
        /// Connected, the greeting has not arrived.
        case awaitingGreeting
        /// AUTHORIZATION: CAPA, STLS and login are allowed.
        case authorization
        /// TRANSACTION: logged in, the maildrop is locked.
        case transaction
        /// QUIT was sent in TRANSACTION; the server is deleting the marked messages.
        case update
        /// The session is over (QUIT answered, `-ERR` greeting, or a protocol error).
        case closed
    }

    /// The current session state.
    public internal(set) var state: State = .awaitingGreeting
    /// The greeting, once received.
    public internal(set) var greeting: POP3Greeting?
    /// The capabilities of the last complete CAPA answer; nil before the first and after STLS
    /// (RFC 2595 §4: what the server said before TLS cannot be trusted).
    public internal(set) var capabilities: POP3Capabilities?
    /// True once the connection is encrypted (implicit TLS, or STLS and a handshake).
    public internal(set) var isTLSActive: Bool
    /// The bounds on what the server may send.
    public let limits: POP3Limits

    var decoder: POP3ResponseDecoder
    var pending: Pending?
    /// Commands sent with ``sendPipelined(_:)`` after `pending`, answered in this order.
    var pipelined: [Pending] = []
    var queuedEvent: POP3Event?
    var awaitingTLSHandshake = false
    var endOfStream = false
    var failure: POP3ProtocolError?
    var collectedCapabilities: [POP3Capability] = []

    /// A client waiting for the greeting.
    ///
    /// - Parameters:
    ///   - limits: Bounds on what the server may send.
    ///   - isTLSActive: True when the connection is already encrypted (implicit TLS, port 995).
    public init(limits: POP3Limits = .default, isTLSActive: Bool) {
        self.limits = limits
        self.isTLSActive = isTLSActive
        self.decoder = POP3ResponseDecoder(maximumLineLength: limits.maximumLineLength)
        self.pending = Pending(kind: .greeting, traceText: "greeting")
    }

    /// True when no command is waiting for its answer and the session accepts commands.
    public var isReadyForCommand: Bool {
        pending == nil && queuedEvent == nil && !awaitingTLSHandshake && failure == nil
            && (state == .authorization || state == .transaction)
    }

    /// True while a command (or the greeting) waits for its answer.
    public var isWaitingForResponse: Bool { pending != nil || queuedEvent != nil }

    /// Feeds bytes received from the server.
    public mutating func receive(_ bytes: some Sequence<UInt8>) {
        decoder.append(bytes)
    }

    /// Tells the client that the server closed the connection. A response still in progress
    /// then makes ``nextEvent()`` throw `closedByServer`.
    public mutating func receiveEndOfStream() {
        endOfStream = true
    }

    /// Sends a command that carries no credentials.
    ///
    /// - Precondition: ``isReadyForCommand``; the command is allowed in the current state (STLS
    ///   and CAPA in AUTHORIZATION, mailbox commands in TRANSACTION); message numbers are
    ///   positive. Login commands go through ``authenticate(_:options:)``.
    /// - Returns: The bytes to send and their trace text.
    public mutating func send(_ command: POP3Command) -> POP3Outbound {
        precondition(isReadyForCommand, "POP3Client: \(command.keyword) sent while not ready (state \(state))")
        let kind: Pending.Kind
        switch command {
        case .user, .pass, .apop, .auth, .saslResponse:
            preconditionFailure("POP3Client: log in with authenticate(_:options:), not send(.\(command.keyword))")
        case .capa:
            kind = .capabilities
        case .stls:
            precondition(state == .authorization && !isTLSActive, "POP3Client: STLS only before login, without TLS")
            kind = .startTLS
        case .quit:
            kind = .quit
        case .stat:
            kind = .stat
        case .list(let number):
            kind = number == nil ? .listAll : .listOne
        case .uidl(let number):
            kind = number == nil ? .uniqueIDAll : .uniqueIDOne
        case .top, .retr:
            kind = .message
        case .dele, .noop, .rset:
            kind = .simple
        }
        switch command {
        case .capa, .quit, .stls: break
        default: precondition(state == .transaction, "POP3Client: \(command.keyword) before login")
        }
        switch command {
        case .list(let number?), .uidl(let number?), .retr(let number), .dele(let number):
            precondition(number > 0, "POP3Client: message numbers start at 1")
        case .top(let number, let lines):
            precondition(number > 0 && lines >= 0, "POP3Client: TOP needs a message number >= 1 and lines >= 0")
        default: break
        }
        if command == .quit, state == .transaction { state = .update }
        return start(kind, command: command)
    }

    /// Starts the login: picks the method (see ``POP3AuthenticationMethod/choose(for:capabilities:greeting:options:)``)
    /// and returns the first command. Later steps (PASS after USER, SASL responses) come as
    /// `.send` events; the login ends with `.completed` (now in TRANSACTION) or `.failed`.
    ///
    /// - Precondition: ``isReadyForCommand`` in the AUTHORIZATION state.
    /// - Throws: ``POP3AuthenticationError`` when the connection is not encrypted and the options
    ///   do not allow that, when the credentials hold a line break, or when the server lacks the
    ///   mechanism a token needs. Nothing has been sent then.
    public mutating func authenticate(
        _ credentials: POP3Credentials, options: POP3AuthenticationOptions
    ) throws(POP3AuthenticationError) -> POP3Outbound {
        precondition(isReadyForCommand && state == .authorization, "POP3Client: authenticate outside AUTHORIZATION")
        guard isTLSActive || options.allowInsecureAuthentication else { throw .insecureConnection }
        if let problem = credentials.problem { throw .invalidCredentials(problem) }
        let method = try POP3AuthenticationMethod.choose(
            for: credentials.secret, capabilities: capabilities, greeting: greeting, options: options)
        let user = credentials.username
        let secret = credentials.secretText
        switch method {
        case .userPass:
            return start(.login(.user(password: secret)), command: .user(user))
        case .apop:
            let digest = SASLMessages.apopDigest(timestamp: greeting?.apopTimestamp ?? "", password: secret)
            return start(.login(.finalStep), command: .apop(user: user, digest: digest))
        case .saslPlain:
            return startSASL("PLAIN", message: SASLMessages.plain(username: user, password: secret))
        case .saslXOAUTH2:
            return startSASL("XOAUTH2", message: SASLMessages.xoauth2(username: user, token: secret))
        }
    }

    /// Records that the TLS handshake after STLS succeeded. Ask CAPA again next.
    ///
    /// - Precondition: the last event was `.startTLS`.
    public mutating func tlsEstablished() {
        precondition(awaitingTLSHandshake, "POP3Client: tlsEstablished() without an accepted STLS")
        awaitingTLSHandshake = false
        isTLSActive = true
        capabilities = nil
        _ = decoder.discardBufferedBytes()
    }

    // MARK: - Starting commands

    /// RFC 5034 §4: an initial response is allowed when the whole command fits in 255 octets.
    private mutating func startSASL(_ mechanism: String, message: String) -> POP3Outbound {
        if "AUTH \(mechanism) \(message)\r\n".utf8.count <= 255 {
            return start(.login(.saslResponded(challenges: 0)),
                         command: .auth(mechanism: mechanism, initialResponse: message))
        }
        return start(.login(.saslAwaitingChallenge(response: message)),
                     command: .auth(mechanism: mechanism, initialResponse: nil))
    }

    mutating func start(_ kind: Pending.Kind, command: POP3Command) -> POP3Outbound {
        if decoder.bufferedByteCount > 0, failure == nil {
            failure = POP3ProtocolError(
                .unsolicitedData, context: "the time before \(command.traceText)",
                expected: "nothing until the command is sent",
                received: printableBytes(decoder.bufferedPrefix(80)))
        }
        pending = Pending(kind: kind, traceText: command.traceText)
        decoder.mode = .line
        return POP3Outbound(command)
    }
}
