extension IMAPClient {
    /// The next event, or nil when more bytes are needed.
    ///
    /// - Throws: ``IMAPProtocolError`` when the server breaks the protocol or the limits, or
    ///   closes the connection in the middle of a response; every later call throws it again.
    public mutating func nextEvent() throws(IMAPProtocolError) -> IMAPClientEvent? {
        if let failure { throw failure }
        if !queuedEvents.isEmpty { return queuedEvents.removeFirst() }
        do throws(IMAPProtocolError) {
            while true {
                if awaitingTLSHandshake { return nil }
                guard let response = try parser.next() else {
                    if endOfStream, let error = parser.endOfStreamError() { throw error }
                    return nil
                }
                if let event = try handle(response) { return event }
            }
        } catch {
            failure = error
            throw error
        }
    }

    /// The event for one parsed response, or nil when it needs no attention.
    private mutating func handle(_ response: ResponseEvent) throws(IMAPProtocolError) -> IMAPClientEvent? {
        if state == .awaitingGreeting { return try handleGreeting(response) }
        switch response {
        case .continuation(let request):
            return try handleContinuation(request)
        case .tagged(let tagged):
            return try handleTagged(tagged)
        case .untagged(let untagged):
            observe(untagged)
            return .response(response)
        case .fetchBegin, .fetchAttribute, .bodyBegin, .bodyBytes, .bodyEnd, .fetchEnd:
            return .response(response)
        }
    }

    // greeting = "*" SP (resp-cond-auth / resp-cond-bye) CRLF
    private mutating func handleGreeting(_ response: ResponseEvent) throws(IMAPProtocolError) -> IMAPClientEvent? {
        guard case .untagged(.condition(let status, let text)) = response,
              status == .ok || status == .preauth || status == .bye else {
            throw IMAPProtocolError(.malformedResponse, expected: "a greeting (* OK, * PREAUTH or * BYE)",
                                    received: "\(response)")
        }
        switch status {
        case .preauth: state = .authenticated
        case .bye: state = .loggedOut
        default: state = .notAuthenticated
        }
        if case .capability(let list)? = text.code { setCapabilities(list) }
        return .greeting(status, text)
    }

    /// Keeps the session's view of capabilities, enabled extensions and BYE up to date.
    private mutating func observe(_ response: UntaggedResponse) {
        switch response {
        case .capability(let list): setCapabilities(list)
        case .enabled(let list): enabled.formUnion(list)
        case .condition(let status, let text):
            if case .capability(let list)? = text.code, status == .ok { setCapabilities(list) }
            if status == .bye { state = .loggedOut }
        default: break
        }
    }

    private mutating func setCapabilities(_ list: [Capability]) {
        capabilities = Set(list)
        capabilitiesKnown = true
    }

    // continue-req = "+" [SP (resp-text / base64)] CRLF
    private mutating func handleContinuation(_ request: ContinuationRequest) throws(IMAPProtocolError) -> IMAPClientEvent? {
        if let waiting = waitingChunks, let chunk = waiting.chunks.first {
            let rest = waiting.chunks.dropFirst()
            waitingChunks = rest.isEmpty ? nil : (waiting.tag, rest)
            return .send(IMAPOutbound(tag: waiting.tag, bytes: chunk.bytes, traceText: ""))
        }
        if var exchange = sasl {
            if let response = exchange.pendingResponse {
                exchange.pendingResponse = nil
                sasl = exchange
                return .send(IMAPOutbound(tag: exchange.tag, bytes: Array((response + "\r\n").utf8), traceText: "****"))
            }
            // A challenge after the response: an error report (XOAUTH2 sends its JSON error
            // this way). Answer with an empty line, or cancel with `*` (RFC 9051 §6.2.2).
            let answer = exchange.method == .xoauth2 ? "" : "*"
            return .send(IMAPOutbound(tag: exchange.tag, bytes: Array((answer + "\r\n").utf8), traceText: answer))
        }
        if let current = idle, !current.started {
            idle = (current.tag, true, false)
            return .idleStarted(tag: current.tag)
        }
        throw IMAPProtocolError(.unexpectedContinuation, expected: "no continuation request",
                                received: "+ " + IMAPProtocolError.excerpt(request.data))
    }

    // response-tagged = tag SP resp-cond-state CRLF
    private mutating func handleTagged(_ tagged: TaggedResponse) throws(IMAPProtocolError) -> IMAPClientEvent? {
        guard let position = inFlight.firstIndex(where: { $0.tag == tagged.tag }) else {
            throw IMAPProtocolError(.unknownTag, expected: "the tag of a command in flight",
                                    received: IMAPProtocolError.excerpt(Array(tagged.tag.utf8)))
        }
        let pending = inFlight.remove(at: position)
        if waitingChunks?.tag == tagged.tag { waitingChunks = nil }
        if sasl?.tag == tagged.tag { sasl = nil }
        if idle?.tag == tagged.tag { idle = nil }
        let ok = tagged.status == .ok
        if ok, case .capability(let list)? = tagged.text.code { setCapabilities(list) }
        let completion = CommandCompletion(tag: tagged.tag, command: pending.command.name, response: tagged)
        switch pending.command {
        case .login, .authenticate:
            if ok {
                state = .authenticated
                // Capabilities may change after login (RFC 9051 §6.2.3); unknown unless listed.
                if case .capability? = tagged.text.code {} else { capabilitiesKnown = false }
            }
        case .select(let mailbox, _), .examine(let mailbox, _):
            if ok {
                let readOnly: Bool
                if case .examine = pending.command { readOnly = true } else { readOnly = tagged.text.code == .readOnly }
                state = .selected(mailbox, readOnly: readOnly)
            } else if isAuthenticated {
                // A failed SELECT leaves no mailbox selected (RFC 9051 §6.3.2).
                state = .authenticated
            }
        case .close, .unselect:
            if ok { state = .authenticated }
        case .logout:
            state = .loggedOut
        case .startTLS:
            if ok {
                awaitingTLSHandshake = true
                let discarded = parser.discardBufferedBytes()
                queuedEvents.append(.startTLS(discardedByteCount: discarded))
            }
        case .compressDeflate:
            if ok {
                // Compression first, so the caller starts it before it reads anything more
                // (the completion follows at once).
                isCompressionActive = true
                queuedEvents.append(.completed(completion))
                return .compressionStarted(received: parser.takeBufferedBytes())
            }
        default:
            break
        }
        return .completed(completion)
    }
}
