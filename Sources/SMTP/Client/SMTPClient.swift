import MailCore
/// The SMTP submission client as a sans-I/O state machine (RFC 5321, with STARTTLS RFC 3207,
/// AUTH RFC 4954, PIPELINING RFC 2920, SIZE RFC 1870, 8BITMIME RFC 6152, SMTPUTF8 RFC 6531).
///
/// It owns no socket. The caller writes the bytes each command returns, feeds what the server
/// sends to ``receive(_:)``, and takes ``nextEvent()`` until it returns nil (more bytes needed).
/// Every reply comes out as `.received` first, for a trace; `.send` events carry bytes to write
/// at once (a HELO after a refused EHLO, the next step of a login, the next pipelined group).
///
/// ```
/// var client = SMTPClient(isTLSActive: true)
/// client.receive(bytes)                          // "220 mail.example.test ESMTP\r\n"
/// try client.nextEvent()                         // .received(220 ...), then .greeting(...)
/// send(client.hello(domain: "[127.0.0.1]"))      // EHLO
/// ...                                            // .hello(capabilities)
/// send(try client.authenticate(credentials, options: options))
/// ...                                            // .authenticated
/// send(try client.beginTransaction(envelope, traits: traits, policy: .all))
/// ...                                            // .readyForMessage(354 ...)
/// client.encodeMessage(message, into: &out); send(out); send(client.endMessage())
/// ...                                            // .transactionFinished(report)
/// ```
///
/// A session command in the wrong state (MAIL before EHLO, two at once) is a programming error
/// and stops the program; anything wrong in what the server sends is a thrown
/// ``SMTPProtocolError``, after which the client only throws that error again.
public struct SMTPClient: Sendable {
    /// Where the session stands.
    public enum State: Equatable, Sendable {
        /// Connected; the greeting has not come.
        case awaitingGreeting
        /// Greeted (or TLS just started): EHLO comes next.
        case awaitingHello
        /// Ready for STARTTLS, AUTH, a transaction, RSET, NOOP or QUIT.
        case ready
        /// A session command (EHLO, STARTTLS, AUTH, RSET, NOOP) waits for its reply.
        case busy
        /// MAIL, RCPT and DATA of a transaction are under way.
        case inTransaction
        /// The server said 354: the message text goes out now, then ``SMTPClient/endMessage()``.
        case sendingMessage
        /// QUIT answered, the greeting or HELO refused, a 421, or a protocol error.
        case closed
    }

    /// The session's state.
    public internal(set) var state: State = .awaitingGreeting
    /// The greeting, once received.
    public internal(set) var greeting: SMTPReply?
    /// What the server offers, from the last EHLO; nil before it and right after STARTTLS
    /// (RFC 3207 §4.2: what the server said before TLS is forgotten).
    public internal(set) var capabilities: SMTPCapabilities?
    /// True once the connection is encrypted (implicit TLS, or STARTTLS and a handshake).
    public internal(set) var isTLSActive: Bool
    /// The mechanism of a successful login, or nil before one.
    public internal(set) var authenticationMechanism: SMTPAuthMechanism?
    /// The bounds on what the server may send and on pipelining.
    public let limits: SMTPLimits

    var decoder: SMTPReplyDecoder
    /// Commands sent whose replies have not come, oldest first.
    var inFlight: [Expectation] = []
    /// Commands of the current transaction not sent yet (PIPELINING window, DATA's barrier).
    var queued: [Expectation] = []
    /// Events produced but not handed out.
    var events: [SMTPEvent] = []
    var eventHead = 0
    var transaction: Transaction?
    var encoder = SMTPDataEncoder()
    /// A transaction ended without the server's acceptance: RSET before the next one.
    var needsReset = false
    var endOfStream = false
    var failure: SMTPProtocolError?

    /// A client waiting for the greeting.
    ///
    /// - Parameters:
    ///   - limits: Bounds on what the server may send.
    ///   - isTLSActive: True when the connection is already encrypted (implicit TLS, port 465).
    public init(limits: SMTPLimits = .default, isTLSActive: Bool) {
        self.limits = limits
        self.isTLSActive = isTLSActive
        self.decoder = SMTPReplyDecoder(maximumLineLength: limits.maximumLineLength,
                                        maximumLines: limits.maximumReplyLines)
        inFlight = [Expectation(.greeting, traceText: "the greeting")]
    }

    /// True when the session takes a new command: ready, nothing waiting, no failure.
    public var isReadyForCommand: Bool {
        state == .ready && inFlight.isEmpty && queued.isEmpty && failure == nil
    }

    /// True while a command waits for its reply.
    public var isWaitingForReply: Bool { !inFlight.isEmpty }

    /// Feeds bytes received from the server.
    public mutating func receive(_ bytes: some Sequence<UInt8>) {
        decoder.append(bytes)
    }

    /// Tells the client that the server closed the connection. A reply still awaited then makes
    /// ``nextEvent()`` throw `closedByServer`.
    public mutating func receiveEndOfStream() {
        endOfStream = true
    }

    // MARK: - Session commands

    /// `EHLO domain` (falls back to HELO by itself when the server refuses EHLO with 5yz).
    ///
    /// - Parameter domain: The client's name: a domain or an address literal (`[127.0.0.1]`).
    /// - Precondition: The greeting came (or TLS just started) and no EHLO succeeded since; the
    ///   domain has no space or control character.
    public mutating func hello(domain: String) -> SMTPOutbound {
        precondition(state == .awaitingHello && inFlight.isEmpty, "SMTPClient: EHLO only after the greeting or STARTTLS")
        precondition(!domain.isEmpty && !domain.utf8.contains { $0 <= 0x20 || $0 == 0x7F },
                     "SMTPClient: the EHLO domain must be one word without control characters")
        state = .busy
        return start(.ehlo(domain: domain), command: .ehlo(domain))
    }

    /// `STARTTLS`. After the `.startTLS` event, do the handshake, then ``tlsEstablished()``.
    ///
    /// - Precondition: ``isReadyForCommand``, TLS not active, not logged in.
    public mutating func startTLS() -> SMTPOutbound {
        precondition(isReadyForCommand && !isTLSActive && authenticationMechanism == nil,
                     "SMTPClient: STARTTLS only once, before AUTH, on a plain connection")
        state = .busy
        return start(.startTLS, command: .startTLS)
    }

    /// Records that the TLS handshake after STARTTLS succeeded: the capabilities are forgotten
    /// and EHLO must be sent again (RFC 3207 §4.2).
    ///
    /// - Precondition: The last event was `.startTLS`.
    public mutating func tlsEstablished() {
        precondition(state == .busy && inFlight.isEmpty && capabilities == nil && !isTLSActive,
                     "SMTPClient: tlsEstablished() without an accepted STARTTLS")
        isTLSActive = true
        state = .awaitingHello
        _ = decoder.discardBufferedBytes()
    }

    /// Starts the login: checks that it may happen, picks the mechanism (see
    /// ``SMTPAuthMechanism/choose(for:offered:preferred:isTLSActive:)``) and returns the AUTH
    /// command. Answers to challenges come as `.send` events; the login ends with
    /// `.authenticated` or `.failed`.
    ///
    /// - Precondition: ``isReadyForCommand``, not logged in yet.
    /// - Throws: ``SMTPAuthenticationError`` when the connection is not encrypted and the options
    ///   do not allow that, when the credentials cannot be sent, or when no usable mechanism is
    ///   offered. Nothing has been sent then.
    public mutating func authenticate(
        _ credentials: SMTPCredentials, options: SMTPAuthenticationOptions
    ) throws(SMTPAuthenticationError) -> SMTPOutbound {
        precondition(isReadyForCommand && authenticationMechanism == nil, "SMTPClient: AUTH only once, when ready")
        guard isTLSActive || options.allowInsecureAuthentication else { throw .insecureConnection }
        if let problem = credentials.smtpProblem { throw .invalidCredentials(problem) }
        let mechanism = try SMTPAuthMechanism.choose(
            for: credentials, offered: capabilities?.authMechanisms ?? [], preferred: options.preferredMechanisms,
            isTLSActive: isTLSActive)
        let (exchange, command) = SASLExchange.start(mechanism, credentials: credentials, options: options)
        state = .busy
        return start(.auth(exchange), command: command, traceText: "AUTH \(mechanism.rawValue)")
    }

    /// `RSET`: ends any transaction on the server.
    ///
    /// - Precondition: ``isReadyForCommand``.
    public mutating func reset() -> SMTPOutbound {
        precondition(isReadyForCommand, "SMTPClient: RSET while not ready")
        state = .busy
        return start(.rset(inTransaction: false), command: .rset)
    }

    /// `NOOP`: checks that the server still answers.
    ///
    /// - Precondition: ``isReadyForCommand``.
    public mutating func noop() -> SMTPOutbound {
        precondition(isReadyForCommand, "SMTPClient: NOOP while not ready")
        state = .busy
        return start(.noop, command: .noop)
    }

    /// `QUIT`: the server answers 221 and closes.
    ///
    /// - Precondition: Nothing is waiting for a reply and no message is being sent.
    public mutating func quit() -> SMTPOutbound {
        precondition(inFlight.isEmpty && queued.isEmpty && state != .sendingMessage && state != .closed,
                     "SMTPClient: QUIT while a command is waiting")
        state = .busy
        return start(.quit, command: .quit)
    }

    // MARK: - Helpers

    /// Records a command as sent and returns its bytes. Bytes that arrived while nothing was
    /// waiting make the next event fail: the server spoke out of turn.
    mutating func start(_ kind: Expectation.Kind, command: SMTPCommand, traceText: String? = nil) -> SMTPOutbound {
        noteUnsolicitedData(before: command.traceText)
        inFlight.append(Expectation(kind, traceText: traceText ?? command.traceText, command: command))
        return SMTPOutbound([command])
    }

    mutating func noteUnsolicitedData(before command: String) {
        if inFlight.isEmpty, decoder.bufferedByteCount > 0, failure == nil {
            failure = SMTPProtocolError(
                .unsolicitedData, context: "the time before \(command)", expected: "nothing until the command is sent",
                received: printableBytes(decoder.bufferedPrefix(80)))
        }
    }
}

/// A reply the client waits for (or a command still queued), and what to make of it.
struct Expectation: Sendable {
    enum Kind: Sendable {
        case greeting
        case ehlo(domain: String)
        case helo
        case startTLS
        case auth(SASLExchange)
        /// RSET, as its own command or at the start of a transaction's group.
        case rset(inTransaction: Bool)
        case noop
        case quit
        case mail
        case recipient(Int)
        /// DATA; with a barrier it waits until every earlier reply is in.
        case data(barrier: Bool)
        /// The `.` after the message; `discarding` when it ends an empty message sent only
        /// because a pipelined DATA was accepted although nothing may be delivered.
        case endOfData(discarding: Bool)
    }

    var kind: Kind
    /// The command as a trace shows it, for error messages.
    var traceText: String
    /// The command itself, for queued commands.
    var command: SMTPCommand?

    init(_ kind: Kind, traceText: String, command: SMTPCommand? = nil) {
        self.kind = kind
        self.traceText = traceText
        self.command = command
    }

    /// `the greeting` or `the reply to RCPT TO:<bob@example.test>`.
    var context: String {
        if case .greeting = kind { return "the greeting" }
        return "the reply to \(traceText)"
    }
}
