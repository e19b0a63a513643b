/// Turns the bytes an IMAP server sends into ``ResponseEvent``s, incrementally: append bytes as
/// they arrive (split anywhere), then take events until ``next()`` returns nil.
///
/// ```
/// var parser = ResponseParser()
/// parser.append(Array("* 2 EXISTS\r\n* 1 FETCH (UID 9 BODY[] {3}\r\nabc)\r\n".utf8))
/// while let event = try parser.next() { ... }
/// // .untagged(.exists(2)), .fetchBegin(1), .fetchAttribute(.uid(9)),
/// // .bodyBegin(BODY[], nil, 3), .bodyBytes("abc"), .bodyEnd, .fetchEnd
/// ```
///
/// Work is linear in the input: a ``ResponseFramer`` finds each response's end by looking at
/// every byte once, and a response is parsed only when all of it is there, so nothing is
/// parsed twice however the bytes are split. The exception is a literal larger than
/// ``IMAPLimits/streamingThreshold``: in a FETCH body section it is streamed as `bodyBytes`
/// while it arrives, so a 20 MB message never sits in memory; anywhere else it is held (up to
/// ``IMAPLimits/maximumBufferedLiteralSize``) and the item containing it parsed once it is
/// complete. FETCH items are parsed one per call, so a FETCH of 10,000 messages in one read
/// costs no more than 10,000 small ones.
///
/// Errors are ``IMAPProtocolError``s; after one, every call throws it again.
public struct ResponseParser: Sendable {
    /// The limits in force.
    public let limits: IMAPLimits

    private var buffer: [UInt8] = []
    /// The first byte not yet turned into events.
    private var readIndex = 0
    private var framer = ResponseFramer()
    /// What the framer found for the current response, once it found something.
    private var framed: ResponseFramer.Status?
    private var stage = Stage.response
    private var failure: IMAPProtocolError?
    /// The last body section parsed, handed to the next parse (see ``GrammarParser/parseSection()``).
    private var sectionCache: GrammarParser.SectionCache?

    private enum Stage {
        /// At the start of a response.
        case response
        /// Inside the items of a FETCH response; `first` until the first item is read.
        case fetchItems(first: Bool)
        /// A body section within the framed bytes: its bytes, then its end.
        case inlineBody(StringValue)
        /// A streamed body literal with this many bytes still to come.
        case streamingBody(remaining: Int)
        /// The end of a body section; `streamed` when the framer must start again after it.
        case bodyEnd(streamed: Bool)
    }

    /// A parser with an empty buffer.
    public init(limits: IMAPLimits = .default) {
        self.limits = limits
    }

    /// The number of bytes received and not yet turned into events.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// True at the boundary between two responses with nothing buffered.
    public var isIdle: Bool {
        if case .response = stage { return readIndex == buffer.count }
        return false
    }

    /// Appends bytes received from the server.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        compactIfWorthIt()
        buffer.append(contentsOf: bytes)
    }

    /// Throws away everything buffered and not yet parsed, and returns how many bytes that was.
    /// Used right after the OK to STARTTLS (RFC 9051 §6.2.1, CVE-2011-0411): what came before the
    /// TLS handshake must not be read as an answer to a later command.
    public mutating func discardBufferedBytes() -> Int {
        takeBufferedBytes().count
    }

    /// Takes everything buffered and not yet parsed out of the parser, which then starts afresh
    /// at a response boundary. Used right after the OK to COMPRESS (RFC 4978 §3): what follows
    /// it is compressed, and goes through the decompressor before it is parsed.
    public mutating func takeBufferedBytes() -> [UInt8] {
        let taken = Array(buffer[readIndex...])
        buffer.removeAll(keepingCapacity: false)
        readIndex = 0
        framer.reset(at: 0)
        framed = nil
        stage = .response
        return taken
    }

    /// Tells the parser the connection ended: nil when that happened between responses.
    ///
    /// - Returns: The error to report when a response was cut short, else nil.
    public func endOfStreamError() -> IMAPProtocolError? {
        if let failure { return failure }
        if isIdle { return nil }
        return IMAPProtocolError(.truncated, expected: "the rest of the response",
                                 received: IMAPProtocolError.excerpt(buffer[readIndex...].prefix(80)))
    }

    /// The next event, or nil when more bytes are needed.
    ///
    /// - Throws: ``IMAPProtocolError``; every later call throws the same error.
    public mutating func next() throws(IMAPProtocolError) -> ResponseEvent? {
        if let failure { throw failure }
        do throws(IMAPProtocolError) {
            return try step()
        } catch {
            failure = error
            throw error
        }
    }

    // MARK: - Stages

    private mutating func step() throws(IMAPProtocolError) -> ResponseEvent? {
        while true {
            switch stage {
            case .streamingBody(let remaining):
                let available = buffer.count - readIndex
                guard available > 0 else { return nil }
                let count = min(available, remaining)
                let slice = buffer[readIndex..<(readIndex + count)]
                readIndex += count
                stage = count == remaining ? .bodyEnd(streamed: true) : .streamingBody(remaining: remaining - count)
                return .bodyBytes(slice)
            case .inlineBody(let value):
                stage = .bodyEnd(streamed: false)
                switch value {
                case .range(let range): if !range.isEmpty { return .bodyBytes(buffer[range]) }
                case .owned(let bytes): if !bytes.isEmpty { return .bodyBytes(bytes[...]) }
                }
            case .bodyEnd(let streamed):
                stage = .fetchItems(first: false)
                if streamed {
                    framer.reset(at: readIndex)
                    framed = nil
                }
                return .bodyEnd
            case .response:
                guard let event = try responseStep() else {
                    if framed == nil { return nil }
                    continue
                }
                return event
            case .fetchItems(let first):
                guard let event = try fetchItemStep(first: first) else {
                    if framed == nil { return nil }
                    continue
                }
                return event
            }
        }
    }

    /// Frames and parses a response at `readIndex`. Nil with `framed == nil` means more bytes
    /// are needed; nil with `framed != nil` means "try again" (a large literal was accepted).
    private mutating func responseStep() throws(IMAPProtocolError) -> ResponseEvent? {
        guard let status = try frame() else { return nil }
        let (end, complete) = Self.bounds(status)
        let outcome = parse(until: end) { parser throws(ParseFailure) in try parser.parseResponse() }
        switch outcome {
        case .success(let head, let position):
            if case .fetchBegin(let number) = head {
                readIndex = position
                stage = .fetchItems(first: true)
                return .fetchBegin(sequenceNumber: number)
            }
            guard complete else {
                // A non-FETCH response holding a large literal: hold it and parse again.
                try acceptLargeLiteral()
                return nil
            }
            guard position == end else { throw error(expected: "the end of the response", at: position) }
            finishFrame(at: end)
            switch head {
            case .untagged(let response): return .untagged(response)
            case .tagged(let response): return .tagged(response)
            case .continuation(let request): return .continuation(request)
            case .fetchBegin: return nil
            }
        case .failure(let failure):
            if !complete {
                try acceptLargeLiteral()
                return nil
            }
            throw convert(failure)
        }
    }

    /// Parses the next FETCH item, or the `)` and line end that close the response.
    private mutating func fetchItemStep(first: Bool) throws(IMAPProtocolError) -> ResponseEvent? {
        guard let status = try frame() else { return nil }
        let (end, complete) = Self.bounds(status)
        let outcome = parse(until: end) { parser throws(ParseFailure) -> FetchItem? in
            if parser.consumeListEnd() {
                parser.skipSpaces()
                try parser.parseCRLF()
                return nil
            }
            if !first { try parser.parseSpace() }
            return try parser.parseMessageAttribute()
        }
        switch outcome {
        case .success(nil, let position):
            guard complete, position == end else {
                throw error(expected: "the end of the line after the FETCH items", at: position)
            }
            finishFrame(at: end)
            stage = .response
            return .fetchEnd
        case .success(.some(let item), let position):
            switch item {
            case .attribute(let attribute):
                readIndex = position
                stage = .fetchItems(first: false)
                return .fetchAttribute(attribute)
            case .skipped:
                // Nothing to report; the caller loops (framed is still set) to the next item.
                readIndex = position
                stage = .fetchItems(first: false)
                return nil
            case .body(let section, let origin, let value):
                readIndex = position
                switch value {
                case .none:
                    stage = .bodyEnd(streamed: false)
                    return .bodyBegin(section, origin: origin, byteCount: 0)
                case .inline(let bytes):
                    stage = .inlineBody(bytes)
                    return .bodyBegin(section, origin: origin, byteCount: bytes.count)
                case .streaming(let count):
                    guard case .largeLiteral(_, let announced) = status, announced == count else {
                        throw error(expected: "a complete body literal", at: position)
                    }
                    stage = count == 0 ? .bodyEnd(streamed: true) : .streamingBody(remaining: count)
                    return .bodyBegin(section, origin: origin, byteCount: count)
                }
            }
        case .failure(let failure):
            if !complete, case .literalNotFramed = failure.kind {
                try acceptLargeLiteral()
                return nil
            }
            if !complete, failure.position >= end {
                try acceptLargeLiteral()
                return nil
            }
            throw convert(failure)
        }
    }

    // MARK: - Framing

    /// The framer's finding for the response at `readIndex`, or nil when more bytes are needed.
    private mutating func frame() throws(IMAPProtocolError) -> ResponseFramer.Status? {
        if let framed { return framed }
        var scanner = framer
        let limits = self.limits
        let status = try buffer.withUnsafeBufferPointer { bytes throws(IMAPProtocolError) in
            try scanner.scan(bytes, limits: limits)
        }
        framer = scanner
        if status == .needMoreData { return nil }
        framed = status
        return status
    }

    private static func bounds(_ status: ResponseFramer.Status) -> (end: Int, complete: Bool) {
        switch status {
        case .complete(let end): (end, true)
        case .largeLiteral(let end, _): (end, false)
        case .needMoreData: (0, false)
        }
    }

    private mutating func acceptLargeLiteral() throws(IMAPProtocolError) {
        try framer.acceptPendingLiteral(limits: limits)
        framed = nil
        // Scan on now: the framer may complete the response with bytes already buffered.
        _ = try frame()
    }

    private mutating func finishFrame(at end: Int) {
        readIndex = end
        framer.reset(at: end)
        framed = nil
    }

    // MARK: - Parsing

    private enum Outcome<Value> {
        case success(Value, position: Int)
        case failure(ParseFailure)
    }

    /// Runs a grammar rule over the framed bytes from `readIndex` to `end`.
    private mutating func parse<Value>(until end: Int,
                                       _ rule: (inout GrammarParser) throws(ParseFailure) -> Value) -> Outcome<Value> {
        // The cache is moved in and out (not copied: no reference counting per item).
        var cache = sectionCache.take()
        let (start, depthLimit) = (readIndex, limits.maximumNestingDepth)
        let outcome = buffer.withUnsafeBufferPointer { bytes -> Outcome<Value> in
            var parser = GrammarParser(bytes: bytes, index: start, end: end, maximumDepth: depthLimit)
            parser.sectionCache = cache.take()
            defer { cache = parser.sectionCache.take() }
            do throws(ParseFailure) {
                let value = try rule(&parser)
                return .success(value, position: parser.index)
            } catch {
                return .failure(error)
            }
        }
        sectionCache = cache.take()
        return outcome
    }

    private func convert(_ failure: ParseFailure) -> IMAPProtocolError {
        switch failure.kind {
        case .tooDeep(let limit):
            return IMAPProtocolError(.nestingTooDeep(limit: limit), expected: "at most \(limit) nested lists",
                                     received: excerpt(around: failure.position))
        case .malformed(let expected):
            return IMAPProtocolError(.malformedResponse, expected: expected, received: excerpt(around: failure.position))
        case .literalNotFramed(let count):
            return IMAPProtocolError(.malformedResponse, expected: "\(count) bytes of literal",
                                     received: excerpt(around: failure.position))
        }
    }

    private func error(expected: String, at position: Int) -> IMAPProtocolError {
        IMAPProtocolError(.malformedResponse, expected: expected, received: excerpt(around: position))
    }

    /// The response from its start up to a little past `position`, for error messages.
    private func excerpt(around position: Int) -> String {
        let start = max(readIndex, position - 60)
        let end = min(buffer.count, position + 20)
        guard start < end else { return "" }
        return (start > readIndex ? "..." : "") + IMAPProtocolError.excerpt(buffer[start..<end], limit: 80)
    }

    // MARK: - Buffer

    /// Drops consumed bytes once they are most of the buffer, keeping appends amortised linear.
    private mutating func compactIfWorthIt() {
        guard readIndex > 0 else { return }
        guard readIndex == buffer.count || (readIndex >= 65_536 && readIndex * 2 >= buffer.count) else { return }
        let offset = readIndex
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeSubrange(0..<readIndex)
        }
        readIndex = 0
        framer.shift(by: offset)
        if let status = framed {
            switch status {
            case .complete(let end): framed = .complete(end: end - offset)
            case .largeLiteral(let end, let count): framed = .largeLiteral(end: end - offset, count: count)
            case .needMoreData: framed = nil
            }
        }
        if case .inlineBody(.range(let range)) = stage {
            stage = .inlineBody(.range((range.lowerBound - offset)..<(range.upperBound - offset)))
        }
    }
}
