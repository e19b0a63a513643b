import POP3

/// What ``POP3Connection/retrieve(_:depth:_:)`` reports, in order, for each message.
public enum POP3RetrievalEvent: Sendable, Equatable {
    /// The server answered `+OK` to `RETR message`; its text follows.
    case begin(message: Int)
    /// A chunk of the message's text (dot-unstuffed, line endings as sent). Write it out or copy
    /// it before returning: the next chunk may reuse the memory.
    case bytes(ArraySlice<UInt8>)
    /// The message ended (the `.` line); `byteCount` bytes of text came.
    case end(message: Int, byteCount: Int)
    /// The server answered `-ERR` (the message is gone or locked); the others go on.
    case failed(message: Int, POP3ServerError)
}

/// Several commands on the wire at once (RFC 2449 §6.8), when the server offers PIPELINING.
extension POP3Connection {
    /// True when the server's capabilities list `PIPELINING` (RFC 2449 §6.8).
    public var supportsPipelining: Bool {
        capabilities?.contains("PIPELINING") == true
    }

    /// `RETR` for each message in turn, with up to `depth` commands in flight when the server
    /// offers PIPELINING (one at a time otherwise), the text streamed to `handle`.
    ///
    /// The network is read only as fast as `handle` returns, so memory stays bounded whatever
    /// the sizes. Events come in the order of `messages`: `begin`, `bytes`..., `end` for a
    /// message the server sends, `failed` for one it refuses.
    ///
    /// - Parameters:
    ///   - messages: Message numbers (1 or more), in the order wanted.
    ///   - depth: The most RETR commands sent ahead of their answers (1 means no pipelining).
    ///   - handle: Called for every event; what it throws ends the session (the rest of the
    ///     messages are still on the wire) and is rethrown.
    /// - Throws: The errors of ``retr(_:into:)``, or what `handle` throws.
    public func retrieve(
        _ messages: [Int], depth: Int = 16, _ handle: @Sendable (POP3RetrievalEvent) async throws -> Void
    ) async throws {
        for message in messages { try Self.checkNumber(message) }
        guard depth > 0 else { throw POP3UsageError("a pipelining depth must be 1 or more, not \(depth)") }
        try await serialized {
            try await self.pipeline(messages.map { .retr($0) }, depth: depth) { index, outcome in
                switch outcome {
                case .begin: try await handle(.begin(message: messages[index]))
                case .bytes(let bytes): try await handle(.bytes(bytes))
                case .end(let count): try await handle(.end(message: messages[index], byteCount: count))
                case .failed(let error): try await handle(.failed(message: messages[index], error))
                }
            }
        }
    }

    /// `DELE` for each message, pipelined like ``retrieve(_:depth:_:)``. The messages are deleted
    /// only by ``quit()``.
    ///
    /// - Returns: The messages the server refused to mark, with its answer (empty when all were
    ///   marked).
    /// - Throws: Transport and protocol errors (the session is then over and nothing is deleted).
    public func dele(_ messages: [Int], depth: Int = 64) async throws -> [Int: POP3ServerError] {
        for message in messages { try Self.checkNumber(message) }
        guard depth > 0 else { throw POP3UsageError("a pipelining depth must be 1 or more, not \(depth)") }
        return try await serialized {
            var refused: [Int: POP3ServerError] = [:]
            try await self.pipeline(messages.map { .dele($0) }, depth: depth) { index, outcome in
                if case .failed(let error) = outcome { refused[messages[index]] = error }
            }
            return refused
        }
    }

    /// How one pipelined command went, for ``pipeline(_:depth:_:)``.
    enum PipelineOutcome {
        case begin
        case bytes(ArraySlice<UInt8>)
        case end(byteCount: Int)
        case failed(POP3ServerError)
    }

    /// Sends `commands` with at most `depth` unanswered at a time (1 without server support) and
    /// reports each one's answer, in order, to `handle` with its index.
    func pipeline(
        _ commands: [POP3Command], depth: Int, _ handle: (Int, PipelineOutcome) async throws -> Void
    ) async throws {
        let window = supportsPipelining ? depth : 1
        var sent = 0
        var answered = 0
        while answered < commands.count {
            // Top the window up with one write for all the commands that fit.
            var bytes: [UInt8] = []
            while sent < commands.count, sent - answered < window {
                let outbound = client.sendPipelined(commands[sent])
                connection.trace?.sent(outbound.traceText)
                bytes += outbound.bytes
                sent += 1
            }
            if !bytes.isEmpty { try await connection.write(bytes) }

            var count = 0
            let index = answered
            let terminal = try await awaitEvent { event in
                switch event {
                case .messageBegin: try await handle(index, .begin)
                case .messageBytes(let chunk):
                    count += chunk.count
                    try await handle(index, .bytes(chunk))
                default: break
                }
            }
            switch terminal {
            case .completed: try await handle(index, .end(byteCount: count))
            case .failed(let error): try await handle(index, .failed(error))
            case let other:
                throw POP3ProtocolError(.malformedResponse, context: "the answer to \(commands[index].traceText)",
                                        expected: "+OK or -ERR", received: "\(other)")
            }
            answered += 1
        }
    }
}
