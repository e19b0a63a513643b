import NIOCore
import SMTP

/// Moving commands and replies between the ``SMTPClient`` state machine and the connection, and
/// the steps of opening a session and sending a message.
extension SMTPConnection {
    /// How many bytes of message text go out per write.
    static let messageChunkSize = 256 * 1024

    /// Writes commands and traces them (secrets are `****` in their trace form).
    func send(_ outbound: SMTPOutbound) async throws {
        if let trace = connection.trace {
            for line in outbound.traceLines { trace.sent(line) }
        }
        try await connection.write(outbound.bytes)
    }

    /// Feeds the client until it yields a terminal event; replies are traced and `.send` events
    /// written at once.
    ///
    /// - Parameter timeout: The wait for each read; nil for the connection's read timeout.
    func awaitEvent(timeout: Duration? = nil) async throws -> SMTPEvent {
        var sawEndOfStream = false
        while true {
            if let event = try client.nextEvent() {
                switch event {
                case .received(let reply):
                    if let trace = connection.trace {
                        for line in reply.wireLines { trace.received(Array(scrub(line).utf8)) }
                    }
                case .send(let outbound):
                    try await send(outbound)
                default:
                    return event
                }
                continue
            }
            if sawEndOfStream {
                throw TransportError(.closedByServer, host: connection.host, port: connection.port)
            }
            let bytes: ByteBuffer?
            if let timeout {
                bytes = try await connection.read(timeout: timeout)
            } else {
                bytes = try await connection.read()
            }
            if let bytes {
                client.receive(bytes.readableBytesView)
            } else {
                sawEndOfStream = true
                client.receiveEndOfStream()
            }
        }
    }

    /// Waits for `.completed` (RSET, NOOP).
    func expectCompletion(_ command: String) async throws {
        switch try await awaitEvent() {
        case .completed: return
        case .failed(let error): throw error
        case let other: throw Self.unexpected(other, "the reply to \(command)")
        }
    }

    // MARK: - Opening

    /// EHLO (or HELO after a refusal), with the configured name or the local address literal.
    func sayHello() async throws {
        try await send(client.hello(domain: helloName))
        switch try await awaitEvent() {
        case .hello(let offered): capabilities = offered
        case .failed(let error): throw error
        case let other: throw Self.unexpected(other, "the reply to EHLO")
        }
    }

    /// The EHLO argument: the configured name, else `[address]` of the local end (RFC 5321
    /// §4.1.3 address literal), else `localhost`.
    var helloName: String {
        if let name = settings.clientName, !name.isEmpty, !name.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
            return name
        }
        guard let address = connection.localIPAddress else { return "localhost" }
        return address.contains(":") ? "[IPv6:\(address)]" : "[\(address)]"
    }

    /// STARTTLS, the handshake, and nothing sent in clear text before it (RFC 3207). Bytes that
    /// came after the 220 are discarded by the client and by the connection.
    func upgradeToTLS() async throws {
        func failure(_ kind: StartTLSError.Kind) -> StartTLSError {
            StartTLSError(kind, protocolName: "SMTP", command: "STARTTLS", host: settings.host, port: settings.port)
        }
        guard capabilities?.supportsStartTLS == true else { throw failure(.notOffered) }
        try await send(client.startTLS())
        switch try await awaitEvent() {
        case .startTLS(_, let discarded):
            if discarded > 0 {
                connection.trace?.note("discarded \(discarded) bytes the server sent after 220 to STARTTLS")
            }
            try await connection.startTLS()
            client.tlsEstablished()
            capabilities = nil
        case .failed(let error):
            if error.isServiceClosing { throw error }
            throw failure(.refused(serverMessage: error.reply.description))
        case let other:
            throw Self.unexpected(other, "the reply to STARTTLS")
        }
    }

    /// AUTH with the mechanism the client picks; a refusal becomes ``AuthenticationFailure``.
    func logIn(_ credentials: SMTPCredentials) async throws {
        try await send(client.authenticate(credentials, options: settings.authentication))
        switch try await awaitEvent() {
        case .authenticated:
            authenticationMechanism = client.authenticationMechanism
        case .failed(let error):
            if error.isServiceClosing { throw error }
            throw AuthenticationFailure(
                protocolName: "SMTP", host: settings.host, username: credentials.username, method: error.command,
                serverMessage: scrub(error.reply.description), isTemporary: error.isTransient)
        case let other:
            throw Self.unexpected(other, "the reply to AUTH")
        }
    }

    // MARK: - A message

    /// One transaction; the body of ``send(_:envelope:policy:)``.
    func transact(_ message: [UInt8], envelope: SMTPEnvelope, policy: SMTPRecipientPolicy) async throws
        -> SMTPTransactionReport
    {
        try requireReady()
        let traits = SMTPMessageTraits(scanning: message)
        try await send(client.beginTransaction(envelope, traits: traits, policy: policy))
        switch try await awaitEvent() {
        case .readyForMessage:
            try await streamMessage(message)
            switch try await awaitEvent(timeout: settings.dataTimeout) {
            case .transactionFinished(let report): return report
            case .failed(let error): throw error
            case let other: throw Self.unexpected(other, "the reply to the end of the message")
            }
        case .transactionFinished(let report):
            return report
        case .failed(let error):
            throw error
        case let other:
            throw Self.unexpected(other, "the replies to MAIL FROM, RCPT TO and DATA")
        }
    }

    /// Writes the message in chunks (encoded for the wire) and the end of the data; a small
    /// message and its end go out in one write.
    private func streamMessage(_ message: [UInt8]) async throws {
        var out: [UInt8] = []
        var offset = 0
        repeat {
            let end = min(message.count, offset + Self.messageChunkSize)
            out.removeAll(keepingCapacity: true)
            client.encodeMessage(message[offset..<end], into: &out)
            offset = end
            if offset == message.count {
                let terminator = client.endMessage()
                out += terminator.bytes
                connection.trace?.sent("[\(message.count) bytes of message text]")
                for line in terminator.traceLines { connection.trace?.sent(line) }
            }
            try await connection.write(out)
        } while offset < message.count
    }

    // MARK: - Helpers

    /// The session must be ready for a command (it always is between calls; this guards the
    /// client's preconditions against a state no call should leave behind).
    func requireReady() throws {
        guard client.isReadyForCommand else {
            throw TransportError(.notConnected, host: settings.host, port: settings.port,
                                 detail: "the SMTP session is not ready for a command")
        }
    }

    /// The server's text with any copy of the secret (plain or in a SASL encoding) cut out.
    func scrub(_ text: String) -> String {
        guard let credentials = settings.credentials else { return text }
        var result = text
        for secret in credentials.redactedForms(options: settings.authentication) where secret.count >= 3 {
            result = result.replacingAll(secret, with: "****")
        }
        return result
    }

    static func unexpected(_ event: SMTPEvent, _ context: String) -> SMTPProtocolError {
        SMTPProtocolError(.unexpectedReply, context: context, expected: "the reply that ends this step",
                          received: "\(event)")
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
