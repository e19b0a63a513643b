import IMAP
import MailCore
import NIOCore

/// What a command is shown of the responses while it runs: untagged responses and complete
/// FETCH messages. It returns true to keep one for itself, false to let it go to the event
/// stream as unsolicited.
enum Routed {
    case untagged(UntaggedResponse)
    case message(FetchedMessage)
}

typealias Claim = (Routed) async throws -> Bool
/// Where the bytes of streamed body sections go (fetchBody).
typealias BodySink = (ArraySlice<UInt8>) async throws -> Void

/// A FETCH response being gathered.
struct FetchState {
    var message: FetchedMessage?
    var section: BodySection?
    var bytes: [UInt8] = []
    var streaming = false
}

extension IMAPConnection {
    /// Sends a command and pumps responses until it completes.
    ///
    /// - Returns: The tagged OK.
    /// - Throws: ``IMAPCommandError`` for NO or BAD; ``IMAPConnectionLost``; what `claim` or
    ///   `bodySink` throw.
    @discardableResult
    func execute(_ command: Command, claim: Claim = { _ in false }, bodySink: BodySink? = nil,
                 flush: () async throws -> Void = {}) async throws -> TaggedResponse {
        let tag = try await start(command, claim: claim)
        try await pump(claim: claim, bodySink: bodySink, flush: flush) { self.completions[tag] != nil }
        return try takeCompletion(tag)
    }

    /// Sends a command once the line is free (a synchronising literal of an earlier command may
    /// hold it) and returns its tag.
    func start(_ command: Command, claim: Claim) async throws -> String {
        if !client.canSendCommand {
            try await pump(claim: claim, bodySink: nil, flush: {}) { self.client.canSendCommand }
        }
        let outbound = client.send(command)
        commandTexts[outbound.tag] = outbound.traceText
        try await write(outbound)
        return outbound.tag
    }

    /// The tagged answer of `tag`, or the ``IMAPCommandError`` for NO and BAD.
    func takeCompletion(_ tag: String) throws -> TaggedResponse {
        guard let response = completions.removeValue(forKey: tag) else {
            preconditionFailure("IMAPConnection: no completion for \(tag)")
        }
        let text = commandTexts.removeValue(forKey: tag) ?? tag
        guard response.status == .ok else { throw commandError(response, traceText: text) }
        return response
    }

    func commandError(_ response: TaggedResponse, traceText: String) -> IMAPCommandError {
        IMAPCommandError(command: IMAPConnectionLost.withoutTag(traceText), status: response.status,
                         code: response.text.code, serverMessage: TextSanitizer.headerText(response.text.text))
    }

    /// Writes bytes for the server, tracing them.
    func write(_ outbound: IMAPOutbound) async throws {
        if !outbound.traceText.isEmpty { connection.trace?.sent(outbound.traceText) }
        do {
            try await connection.write(outbound.bytes)
        } catch {
            throw lost(.transport(error))
        }
    }

    /// The error for a connection that ended, with the commands in flight.
    func lost(_ reason: IMAPConnectionLost.Reason) -> IMAPConnectionLost {
        IMAPConnectionLost(reason: reason, host: host, port: port, inFlight: client.inFlightCommands)
    }

    // MARK: - The pump

    /// Takes events from the client, reading from the network when it needs bytes, until
    /// `done` holds. `flush` runs before each network read (callers deliver what they gathered).
    func pump(claim: Claim, bodySink: BodySink?, flush: () async throws -> Void,
              until done: () -> Bool) async throws {
        while !done() {
            let event: IMAPClientEvent?
            do {
                event = try client.nextEvent()
            } catch {
                throw lost(.protocolViolation(error))
            }
            switch event {
            case .response(let response):
                // The parts of a FETCH response before its end are gathered without an await (a
                // first sync takes nine events per message).
                if try gather(response, streaming: bodySink != nil) { continue }
                try await handle(response, claim: claim, bodySink: bodySink)
                continue
            case .some(let event):
                try await handle(event, claim: claim, bodySink: bodySink)
                continue
            case nil:
                break
            }
            try await flush()
            try await readMore()
        }
    }

    /// Reads the next bytes into the client; at the end of the stream, the client is told and
    /// the next pump round reports what was cut short.
    func readMore() async throws {
        if sawEndOfStream {
            if loggingOut { throw lost(.closed) }
            throw lost(.transport(TransportError(.closedByServer, host: host, port: port)))
        }
        let timeout = client.isIdling ? settings.idleRenewal + .seconds(120) : settings.connection.readTimeout
        let bytes: ByteBuffer?
        do {
            bytes = try await connection.read(timeout: timeout)
        } catch {
            throw lost(.transport(error))
        }
        if let bytes {
            client.receive(bytes.readableBytesView)
        } else {
            sawEndOfStream = true
            client.receiveEndOfStream()
        }
    }

    private func handle(_ event: IMAPClientEvent, claim: Claim, bodySink: BodySink?) async throws {
        switch event {
        case .send(let outbound):
            try await write(outbound)
        case .completed(let completion):
            tracer.tagged(completion.response)
            completions[completion.tag] = completion.response
            if let code = completion.response.text.code { observe(code, text: completion.response.text.text) }
        case .idleStarted:
            tracer.continuation("idling")
            idleState.started = true
            if idleState.stopRequested, client.canEndIdle { try await write(client.done()) }
        case .startTLS(let discarded):
            startTLSAccepted = discarded
        case .compressionStarted(let received):
            do {
                try await connection.startCompression(received: received)
            } catch {
                throw lost(.transport(error))
            }
        case .greeting(let status, let text):
            // Only before open() takes the greeting itself; kept for completeness.
            tracer.untagged(.condition(status, text))
        case .response(let response):
            if try gather(response, streaming: bodySink != nil) { return }
            try await handle(response, claim: claim, bodySink: bodySink)
        }
    }

    /// Adds a FETCH event to ``fetchState``, when it needs nothing but that: the message's start,
    /// its items, and a held body section. False for every other event (untagged and tagged
    /// responses, streamed body bytes, the message's end).
    ///
    /// - Parameter streaming: True when body sections go to a sink (the caller has one) rather
    ///   than into the message.
    /// - Throws: `SectionTooLarge` for a held section over the limit.
    private func gather(_ response: ResponseEvent, streaming: Bool) throws -> Bool {
        switch response {
        case .fetchBegin(let number):
            fetchState = FetchState(message: FetchedMessage(sequenceNumber: number))
            tracer.fetchBegin(number)
        case .fetchAttribute(let attribute):
            fetchState.message?.apply(attribute)
            tracer.fetchAttribute(attribute)
        case .bodyBegin(let section, _, let count):
            tracer.bodyBegin(section, count: count)
            fetchState.section = section
            fetchState.bytes = []
            fetchState.streaming = streaming
            if !streaming {
                guard count <= settings.maximumHeldSectionSize else {
                    throw SectionTooLarge(section: section, size: count, limit: settings.maximumHeldSectionSize)
                }
                fetchState.bytes.reserveCapacity(count)
            }
        case .bodyBytes(let bytes):
            // Streamed bytes go to the sink (when this pump has one).
            guard !(fetchState.streaming && streaming) else { return false }
            fetchState.bytes.append(contentsOf: bytes)
        case .bodyEnd:
            if !fetchState.streaming, let section = fetchState.section {
                // Read first: the assignment's access to fetchState must not overlap this read.
                let bytes = fetchState.bytes
                fetchState.message?.sections[section] = bytes
            }
            fetchState.section = nil
            fetchState.bytes = []
        case .untagged, .continuation, .tagged, .fetchEnd:
            return false
        }
        return true
    }

    /// A response event that ``gather(_:streaming:)`` did not take.
    private func handle(_ response: ResponseEvent, claim: Claim, bodySink: BodySink?) async throws {
        switch response {
        case .untagged(let untagged):
            tracer.untagged(untagged)
            try observe(untagged)
            if try await !claim(.untagged(untagged)) { publish(untagged) }
        case .continuation(let request):
            tracer.continuation(request.text)
        case .tagged:
            break
        case .bodyBytes(let bytes):
            // Only bytes of a streamed section are left here, with a sink to take them.
            if let bodySink { try await bodySink(bytes) }
        case .fetchBegin, .fetchAttribute, .bodyBegin, .bodyEnd:
            break
        case .fetchEnd:
            tracer.fetchEnd()
            guard let message = fetchState.message else { return }
            fetchState = FetchState()
            if try await !claim(.message(message)) {
                eventContinuation.yield(IMAPEvent(mailbox: selectedMailbox?.name, kind: .messageChanged(message)))
            }
        }
    }

    // MARK: - Keeping the state

    /// Updates the selected mailbox and reports BYE and alerts; throws at an unexpected BYE.
    func observe(_ response: UntaggedResponse) throws {
        switch response {
        case .exists(let count):
            selectedMailbox?.messageCount = Int(count)
        case .recent(let count):
            selectedMailbox?.recentCount = Int(count)
        case .expunge:
            if let count = selectedMailbox?.messageCount { selectedMailbox?.messageCount = max(0, count - 1) }
        case .vanished(let uids, let earlier):
            if !earlier, let count = selectedMailbox?.messageCount {
                selectedMailbox?.messageCount = max(0, count - uids.count)
            }
        case .flags(let flags):
            selectedMailbox?.flags = flags
        case .condition(let status, let text):
            if let code = text.code { observe(code, text: text.text) }
            if status == .bye {
                eventContinuation.yield(IMAPEvent(mailbox: selectedMailbox?.name,
                                                  kind: .bye(TextSanitizer.headerText(text.text))))
                if !loggingOut { throw lost(.bye(TextSanitizer.headerText(text.text))) }
            }
        default:
            break
        }
    }

    /// Applies a response code to the selected mailbox; passes alerts on.
    func observe(_ code: ResponseCode, text: String) {
        switch code {
        case .alert:
            eventContinuation.yield(IMAPEvent(mailbox: selectedMailbox?.name, kind: .alert(TextSanitizer.headerText(text))))
        case .uidNext(let value): selectedMailbox?.uidNext = value
        case .uidValidity(let value): selectedMailbox?.uidValidity = value
        case .highestModSeq(let value): selectedMailbox?.highestModSeq = value
        case .permanentFlags(let flags): selectedMailbox?.permanentFlags = flags
        default: break
        }
    }

    /// Sends an unclaimed untagged response to the event stream, when it means something.
    func publish(_ response: UntaggedResponse) {
        let kind: IMAPEvent.Kind
        switch response {
        case .exists(let count): kind = .exists(Int(count))
        case .recent(let count): kind = .recent(Int(count))
        case .expunge(let number): kind = .expunged(sequenceNumber: number)
        case .vanished(let uids, _): kind = .vanished(uids)
        case .flags(let flags): kind = .flags(flags)
        default: return
        }
        eventContinuation.yield(IMAPEvent(mailbox: selectedMailbox?.name, kind: kind))
    }
}

