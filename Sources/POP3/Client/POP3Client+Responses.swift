import MailCore
/// The answer the client is waiting for, and how far it has come.
struct Pending: Sendable {
    /// What the answer looks like.
    enum Kind: Sendable {
        case greeting
        /// `+OK` or `-ERR` only (DELE, NOOP, RSET).
        case simple
        case stat, listOne, uniqueIDOne
        case capabilities, listAll, uniqueIDAll
        /// RETR or TOP: message text after the `+OK`.
        case message
        case startTLS
        case quit
        case login(LoginStep)
    }

    /// Where a login stands.
    enum LoginStep: Sendable {
        /// USER sent; PASS goes out after its `+OK`.
        case user(password: String)
        /// PASS or APOP sent; the next `+OK` ends the login.
        case finalStep
        /// AUTH sent without an initial response; the response goes out after the `+ `.
        case saslAwaitingChallenge(response: String)
        /// The SASL response was sent; a further `+ ` is an error report to acknowledge.
        case saslResponded(challenges: Int)
    }

    /// Which part of the answer comes next.
    enum Stage: Sendable {
        case status
        case listing(status: POP3StatusLine, lines: Int)
        case messageData(status: POP3StatusLine, bytes: Int)
    }

    var kind: Kind
    /// The command as a trace shows it, for errors.
    var traceText: String
    var stage: Stage = .status

    init(kind: Kind, traceText: String) {
        self.kind = kind
        self.traceText = traceText
    }

    /// `the greeting` or `the answer to RETR 1`.
    var context: String {
        if case .greeting = kind { return "the greeting" }
        return "the answer to \(traceText)"
    }
}

/// The outcome of one step of ``POP3Client/nextEvent()``.
enum Step {
    case event(POP3Event)
    case needMoreData
    /// Input was consumed without an event; take the next step.
    case again
}

extension POP3Client {
    /// The next event, or nil when more bytes are needed (or nothing is pending).
    ///
    /// - Throws: ``POP3ProtocolError`` when the server breaks the protocol or the limits; every
    ///   later call throws the same error.
    public mutating func nextEvent() throws(POP3ProtocolError) -> POP3Event? {
        if let failure { throw failure }
        if let event = queuedEvent {
            queuedEvent = nil
            return event
        }
        do {
            // Steps that consume input without an event (a skipped CAPA line, the +OK before a
            // listing) loop here rather than recurse, so no input can grow the stack.
            while let current = pending {
                let step: Step
                switch current.stage {
                case .status: step = try statusEvent(current)
                case .listing(let status, let lines): step = try listingEvent(current, status: status, lines: lines)
                case .messageData(let status, let bytes): step = try messageEvent(current, status: status, bytes: bytes)
                }
                switch step {
                case .event(let event): return event
                case .needMoreData: return nil
                case .again: continue
                }
            }
            return nil
        } catch {
            failure = error
            state = .closed
            pending = nil
            pipelined.removeAll()
            throw error
        }
    }

    // MARK: - Status lines

    private mutating func statusEvent(_ current: Pending) throws(POP3ProtocolError) -> Step {
        guard let line = try nextDecoded(current) else { return .needMoreData }
        guard case .line(let bytes) = line else {
            throw POP3ProtocolError(.malformedResponse, context: current.context, expected: "a status line")
        }
        if bytes.first == ASCII.plus, bytes.count == 1 || bytes[bytes.startIndex + 1] == ASCII.space {
            return .event(try continuationEvent(current, line: bytes))
        }
        guard let status = POP3StatusLine(parsing: bytes) else {
            throw POP3ProtocolError(.malformedResponse, context: current.context,
                                    expected: "\"+OK\" or \"-ERR\"", received: printableBytes(bytes))
        }
        guard status.isOK else { return .event(failedEvent(current, status: status)) }
        switch current.kind {
        case .greeting:
            pending = nil
            state = .authorization
            let greeting = POP3Greeting(statusLine: status)
            self.greeting = greeting
            return .event(.greeting(greeting))
        case .simple:
            return .event(complete(status))
        case .stat:
            guard let counts = POP3MaildropStatus(parsing: status.rawText[...]) else {
                throw POP3ProtocolError(.malformedResponse, context: current.context,
                                        expected: "\"+OK count size\"", received: status.text)
            }
            return .event(dataThenComplete(.maildropStatus(counts), status))
        case .listOne:
            guard let entry = POP3ListEntry(parsing: status.rawText[...]) else {
                throw POP3ProtocolError(.malformedResponse, context: current.context,
                                        expected: "\"+OK msg size\"", received: status.text)
            }
            return .event(dataThenComplete(.listEntry(entry), status))
        case .uniqueIDOne:
            return .event(dataThenComplete(.uniqueIDEntry(try uniqueIDEntry(status.rawText[...], current)), status))
        case .capabilities, .listAll, .uniqueIDAll:
            pending?.stage = .listing(status: status, lines: 0)
            collectedCapabilities = []
            decoder.mode = .multiLine
            return .event(.listingBegin(status))
        case .message:
            pending?.stage = .messageData(status: status, bytes: 0)
            decoder.mode = .messageData
            decoder.beginMultiLineData()
            return .event(.messageBegin(status))
        case .startTLS:
            pending = nil
            awaitingTLSHandshake = true
            capabilities = nil
            return .event(.startTLS(status, discardedByteCount: decoder.discardBufferedBytes()))
        case .quit:
            state = .closed
            return .event(complete(status))
        case .login(.user(let password)):
            pending?.kind = .login(.finalStep)
            pending?.traceText = "PASS ****"
            return .event(.send(POP3Outbound(.pass(password))))
        case .login:
            state = .transaction
            return .event(complete(status))
        }
    }

    /// A `+ ` line: a SASL challenge during AUTH, an error anywhere else (RFC 5034 §4).
    private mutating func continuationEvent(
        _ current: Pending, line: ArraySlice<UInt8>
    ) throws(POP3ProtocolError) -> POP3Event {
        switch current.kind {
        case .login(.saslAwaitingChallenge(let response)):
            pending?.kind = .login(.saslResponded(challenges: 0))
            return .send(POP3Outbound(.saslResponse(response)))
        case .login(.saslResponded(let challenges)) where challenges < 2:
            // After the response, a challenge carries an error report (XOAUTH2 sends JSON): an
            // empty line acknowledges it, and the server then answers -ERR. A second one is
            // cancelled with "*".
            pending?.kind = .login(.saslResponded(challenges: challenges + 1))
            return .send(POP3Outbound(.saslResponse(challenges == 0 ? "" : "*")))
        default:
            throw POP3ProtocolError(.unexpectedContinuation, context: current.context,
                                    expected: "\"+OK\" or \"-ERR\"", received: printableBytes(line))
        }
    }

    private mutating func failedEvent(_ current: Pending, status: POP3StatusLine) -> POP3Event {
        pending = nil
        startNextPipelined()
        switch current.kind {
        case .greeting, .quit: state = .closed
        default: break
        }
        return .failed(POP3ServerError(command: current.traceText, statusLine: status))
    }

    // MARK: - Multi-line answers

    private mutating func listingEvent(
        _ current: Pending, status: POP3StatusLine, lines: Int
    ) throws(POP3ProtocolError) -> Step {
        guard let output = try nextDecoded(current) else { return .needMoreData }
        guard case .line(let line) = output else {
            if case .capabilities = current.kind {
                capabilities = POP3Capabilities(collectedCapabilities)
                collectedCapabilities = []
            }
            return .event(complete(status))
        }
        guard lines < limits.maximumListingLines else {
            throw POP3ProtocolError(.tooManyLines(limit: limits.maximumListingLines), context: current.context,
                                    expected: "at most \(limits.maximumListingLines) lines before \".\"")
        }
        pending?.stage = .listing(status: status, lines: lines + 1)
        switch current.kind {
        case .capabilities:
            // A line that is not printable ASCII names no capability we could use: skip it.
            guard let capability = POP3Capability(parsing: line) else { return .again }
            collectedCapabilities.append(capability)
            return .event(.capability(capability))
        case .listAll:
            guard let entry = POP3ListEntry(parsing: line) else {
                throw POP3ProtocolError(.malformedResponse, context: current.context,
                                        expected: "\"msg size\"", received: printableBytes(line))
            }
            return .event(.listEntry(entry))
        default:
            return .event(.uniqueIDEntry(try uniqueIDEntry(line, current)))
        }
    }

    private mutating func messageEvent(
        _ current: Pending, status: POP3StatusLine, bytes: Int
    ) throws(POP3ProtocolError) -> Step {
        guard let output = try nextDecoded(current, receivedSoFar: bytes) else { return .needMoreData }
        guard case .messageData(let chunk) = output else { return .event(complete(status)) }
        let total = bytes + chunk.count
        guard total <= limits.maximumMessageSize else {
            throw POP3ProtocolError(.messageTooLarge(limit: limits.maximumMessageSize), context: current.context,
                                    expected: "at most \(limits.maximumMessageSize) bytes before \".\"")
        }
        pending?.stage = .messageData(status: status, bytes: total)
        return .event(.messageBytes(chunk))
    }

    // MARK: - Helpers

    /// The decoder's next output; nil when it needs bytes that will not come is an error.
    private mutating func nextDecoded(
        _ current: Pending, receivedSoFar: Int? = nil
    ) throws(POP3ProtocolError) -> POP3ResponseDecoder.Output? {
        let output: POP3ResponseDecoder.Output?
        do {
            output = try decoder.next()
        } catch {
            switch error {
            case .lineTooLong(let limit, let prefix):
                throw POP3ProtocolError(.lineTooLong(limit: limit), context: current.context,
                                    expected: "a line of at most \(limit) bytes", received: printableBytes(prefix[...]))
            }
        }
        if output == nil, endOfStream {
            let what: String
            switch current.stage {
            case .status: what = "a complete status line"
            case .listing: what = "more lines ending with \".\""
            case .messageData: what = "the rest of the message ending with \".\" (\(receivedSoFar ?? 0) bytes came)"
            }
            throw POP3ProtocolError(.closedByServer, context: current.context, expected: what,
                                    received: printableBytes(decoder.bufferedPrefix(80)))
        }
        return output
    }

    private func uniqueIDEntry(
        _ bytes: ArraySlice<UInt8>, _ current: Pending
    ) throws(POP3ProtocolError) -> POP3UniqueIDEntry {
        do {
            return try POP3UniqueIDEntry(parsing: bytes, maximumIDLength: limits.maximumUniqueIDLength)
        } catch {
            let limit = limits.maximumUniqueIDLength
            switch error {
            case .malformed:
                throw POP3ProtocolError(.malformedResponse, context: current.context,
                                        expected: "\"msg unique-id\"", received: printableBytes(bytes))
            case .invalidUniqueID:
                throw POP3ProtocolError(.invalidUniqueID, context: current.context,
                                        expected: "a unique id of 1 to \(limit) characters in 0x21-0x7E",
                                        received: printableBytes(bytes))
            }
        }
    }

    private mutating func complete(_ status: POP3StatusLine) -> POP3Event {
        pending = nil
        decoder.mode = .line
        startNextPipelined()
        return .completed(status)
    }

    private mutating func dataThenComplete(_ event: POP3Event, _ status: POP3StatusLine) -> POP3Event {
        pending = nil
        queuedEvent = .completed(status)
        startNextPipelined()
        return event
    }
}
