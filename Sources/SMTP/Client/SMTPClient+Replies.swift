import MailCore
extension SMTPClient {
    /// The next event, or nil when more bytes are needed (or nothing is awaited).
    ///
    /// - Throws: ``SMTPProtocolError`` when the server breaks the protocol or the limits; every
    ///   later call throws the same error.
    public mutating func nextEvent() throws(SMTPProtocolError) -> SMTPEvent? {
        if let failure { throw failure }
        do {
            while eventHead == events.count {
                guard let reply = try nextReply() else { break }
                events.append(.received(reply))
                try handle(reply)
            }
        } catch {
            failure = error
            state = .closed
            inFlight = []
            queued = []
            transaction = nil
            throw error
        }
        guard eventHead < events.count else {
            events.removeAll(keepingCapacity: true)
            eventHead = 0
            return nil
        }
        let event = events[eventHead]
        eventHead += 1
        if eventHead == events.count {
            events.removeAll(keepingCapacity: true)
            eventHead = 0
        }
        return event
    }

    /// The decoder's next reply; an incomplete reply at the end of the stream is an error.
    private mutating func nextReply() throws(SMTPProtocolError) -> SMTPReply? {
        let context = inFlight.first?.context ?? "the time between commands"
        let reply: SMTPReply?
        do {
            reply = try decoder.next()
        } catch {
            switch error {
            case .lineTooLong(let limit, let prefix):
                throw SMTPProtocolError(.lineTooLong(limit: limit), context: context,
                                        expected: "a reply line of at most \(limit) bytes", received: printableBytes(prefix))
            case .tooManyLines(let limit):
                throw SMTPProtocolError(.tooManyLines(limit: limit), context: context,
                                        expected: "a reply of at most \(limit) lines")
            case .malformedLine(let line):
                throw SMTPProtocolError(.malformedReply, context: context,
                                        expected: "a reply line (three digits, then a space or \"-\")",
                                        received: printableBytes(line))
            case .inconsistentCode(let code, let line):
                throw SMTPProtocolError(.malformedReply, context: context,
                                        expected: "every line of the reply to start with \(code)",
                                        received: printableBytes(line))
            }
        }
        if reply == nil, endOfStream, !inFlight.isEmpty || decoder.bufferedByteCount > 0 {
            throw SMTPProtocolError(.closedByServer, context: context, expected: "a complete reply",
                                    received: printableBytes(decoder.bufferedPrefix(80)))
        }
        if let reply, inFlight.isEmpty, reply.code != 421 {
            throw SMTPProtocolError(.unsolicitedData, context: context, expected: "nothing until a command is sent",
                                    received: reply.wireLines.first ?? "")
        }
        return reply
    }

    /// What a reply means for the command it answers.
    private mutating func handle(_ reply: SMTPReply) throws(SMTPProtocolError) {
        guard !inFlight.isEmpty else {
            // 421 with nothing waiting: the server is shutting down (RFC 5321 §3.8).
            closeSession(SMTPServerError(command: "the session", reply: reply))
            return
        }
        let expectation = inFlight.removeFirst()
        if reply.code == 421, !expectation.isQuit {
            closeSession(SMTPServerError(command: expectation.traceText, reply: reply))
            return
        }
        switch expectation.kind {
        case .greeting:
            try requireNotIntermediate(reply, expectation)
            if reply.isSuccess {
                greeting = reply
                state = .awaitingHello
                events.append(.greeting(reply))
            } else {
                closeSession(SMTPServerError(command: "the greeting", reply: reply))
            }
        case .ehlo(let domain):
            try requireNotIntermediate(reply, expectation)
            if reply.isSuccess {
                capabilities = SMTPCapabilities(ehloLines: reply.lines)
                state = .ready
                events.append(.hello(capabilities ?? .helo(serverName: "")))
            } else if reply.isPermanent {
                // RFC 5321 §3.2: a server that does not know EHLO gets HELO.
                inFlight.append(Expectation(.helo, traceText: "HELO \(domain)"))
                events.append(.send(SMTPOutbound([.helo(domain)])))
            } else {
                closeSession(SMTPServerError(command: expectation.traceText, reply: reply))
            }
        case .helo:
            try requireNotIntermediate(reply, expectation)
            if reply.isSuccess {
                capabilities = .helo(serverName: reply.lines.first ?? "")
                state = .ready
                events.append(.hello(capabilities ?? .helo(serverName: "")))
            } else {
                closeSession(SMTPServerError(command: expectation.traceText, reply: reply))
            }
        case .startTLS:
            try requireNotIntermediate(reply, expectation)
            if reply.isSuccess {
                capabilities = nil
                // Anything after the 220 came before the handshake: an attacker's injection.
                let discarded = decoder.discardBufferedBytes()
                events.append(.startTLS(reply, discardedByteCount: discarded))
            } else {
                state = .ready
                events.append(.failed(SMTPServerError(command: expectation.traceText, reply: reply)))
            }
        case .auth(var exchange):
            try handleAuthentication(reply, exchange: &exchange, expectation)
        case .rset(let inTransaction):
            try requireNotIntermediate(reply, expectation)
            if reply.isSuccess {
                needsReset = false
                if inTransaction {
                    advanceTransaction()
                } else {
                    state = .ready
                    events.append(.completed(reply))
                }
            } else {
                // A server that cannot reset is in no state to take a message.
                closeSession(SMTPServerError(command: expectation.traceText, reply: reply))
            }
        case .noop:
            try requireNotIntermediate(reply, expectation)
            state = .ready
            events.append(reply.isSuccess ? .completed(reply)
                : .failed(SMTPServerError(command: expectation.traceText, reply: reply)))
        case .quit:
            state = .closed
            events.append(.completed(reply))
        case .mail, .recipient, .data, .endOfData:
            try handleTransactionReply(reply, expectation)
        }
    }

    private mutating func handleAuthentication(
        _ reply: SMTPReply, exchange: inout SASLExchange, _ expectation: Expectation
    ) throws(SMTPProtocolError) {
        switch reply.kind {
        case .positiveCompletion:
            authenticationMechanism = exchange.mechanism
            state = .ready
            events.append(.authenticated(reply))
        case .positiveIntermediate:
            guard reply.code == 334, exchange.stage != .cancelled else {
                throw SMTPProtocolError(.unexpectedReply, context: expectation.context,
                                        expected: "235, a 334 challenge or a refusal", received: reply.description)
            }
            let response = exchange.respond(to: reply)
            var next = expectation
            next.kind = .auth(exchange)
            inFlight.append(next)
            events.append(.send(SMTPOutbound([.saslResponse(response)])))
        case .transientNegative, .permanentNegative:
            state = .ready
            events.append(.failed(SMTPServerError(command: expectation.traceText, reply: reply)))
        }
    }

    /// A 3yz where only success or failure may come is a protocol error.
    func requireNotIntermediate(_ reply: SMTPReply, _ expectation: Expectation) throws(SMTPProtocolError) {
        if reply.kind == .positiveIntermediate {
            throw SMTPProtocolError(.unexpectedReply, context: expectation.context,
                                    expected: "a 2yz, 4yz or 5yz reply", received: reply.description)
        }
    }

    /// The session is over: the server refused the greeting or HELO, or said 421.
    mutating func closeSession(_ error: SMTPServerError) {
        state = .closed
        inFlight = []
        queued = []
        transaction = nil
        events.append(.failed(error))
    }
}

extension Expectation {
    var isQuit: Bool {
        if case .quit = kind { return true }
        return false
    }
}
