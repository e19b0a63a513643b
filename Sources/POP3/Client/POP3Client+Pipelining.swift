/// Command pipelining (RFC 2449 §6.8): several TRANSACTION commands on the wire before the first
/// answer comes back, which hides the round trip per message when downloading a mailbox.
///
/// ```
/// C: RETR 1
/// C: RETR 2
/// S: +OK 120 octets
/// S: ...
/// S: .
/// S: +OK 200 octets
/// S: ...
/// S: .
/// ```
///
/// Answers come back in the order the commands were sent, each ending with its own terminal event
/// (`completed` or `failed`); a `-ERR` to one command does not disturb the others. Only send
/// pipelined commands to a server whose CAPA lists `PIPELINING`.
extension POP3Client {
    /// Sends a command even though earlier ones may still wait for their answers.
    ///
    /// With nothing pending this is the same as ``send(_:)``. Otherwise the command is queued
    /// behind the pending ones; its events follow theirs.
    ///
    /// - Parameter command: STAT, LIST, UIDL, TOP, RETR, DELE, NOOP or RSET.
    /// - Precondition: The session is in TRANSACTION with no protocol error, and every command
    ///   still waiting is one of those above (never a login step, STLS or QUIT).
    /// - Returns: The bytes to send and their trace text.
    public mutating func sendPipelined(_ command: POP3Command) -> POP3Outbound {
        precondition(state == .transaction && failure == nil && !awaitingTLSHandshake,
                     "POP3Client: \(command.keyword) pipelined outside TRANSACTION")
        guard let kind = Self.pipelinableKind(of: command) else {
            preconditionFailure("POP3Client: \(command.keyword) cannot be pipelined")
        }
        if pending == nil && queuedEvent == nil {
            return send(command)
        }
        switch command {
        case .list(let number?), .uidl(let number?), .retr(let number), .dele(let number):
            precondition(number > 0, "POP3Client: message numbers start at 1")
        case .top(let number, let lines):
            precondition(number > 0 && lines >= 0, "POP3Client: TOP needs a message number >= 1 and lines >= 0")
        default: break
        }
        let waiting = [pending].compactMap { $0 } + pipelined
        precondition(waiting.allSatisfy(\.isPipelinable), "POP3Client: pipelining behind a command that changes state")
        pipelined.append(Pending(kind: kind, traceText: command.traceText))
        return POP3Outbound(command)
    }

    /// The number of commands sent but not yet answered (the one being answered included).
    public var unansweredCommandCount: Int {
        (pending == nil ? 0 : 1) + pipelined.count
    }

    /// Makes the next pipelined command the pending one, once the current one has ended.
    mutating func startNextPipelined() {
        guard pending == nil, !pipelined.isEmpty else { return }
        pending = pipelined.removeFirst()
        decoder.mode = .line
    }

    /// What the answer of a command that may be pipelined looks like; nil for the others.
    static func pipelinableKind(of command: POP3Command) -> Pending.Kind? {
        switch command {
        case .stat: .stat
        case .list(let number): number == nil ? .listAll : .listOne
        case .uidl(let number): number == nil ? .uniqueIDAll : .uniqueIDOne
        case .top, .retr: .message
        case .dele, .noop, .rset: .simple
        case .capa, .stls, .user, .pass, .apop, .auth, .saslResponse, .quit: nil
        }
    }
}

extension Pending {
    /// True for the answers of TRANSACTION commands that do not change the session's state.
    var isPipelinable: Bool {
        switch kind {
        case .simple, .stat, .listOne, .uniqueIDOne, .listAll, .uniqueIDAll, .message: true
        case .greeting, .capabilities, .startTLS, .quit, .login: false
        }
    }
}
