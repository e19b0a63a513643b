/// The state of one message's transaction.
struct Transaction: Sendable {
    var report: SMTPTransactionReport
    var policy: SMTPRecipientPolicy

    /// Why the message cannot (or could not) be delivered, judged from the replies so far, in
    /// the order of the transaction.
    var failure: SMTPTransactionFailure? {
        if let mail = report.mailReply, !mail.isSuccess {
            return SMTPTransactionFailure(stage: .mailFrom, reply: mail, isTransient: mail.isTransient)
        }
        let refused = report.refusedRecipients
        if let first = refused.first, policy == .all || report.acceptedRecipients.isEmpty {
            return SMTPTransactionFailure(stage: .recipients, reply: first.reply ?? SMTPReply(code: 554, lines: []),
                                          isTransient: refused.allSatisfy { $0.reply?.isTransient ?? false },
                                          refusedRecipients: refused)
        }
        if let data = report.dataReply, data.code != 354 {
            return SMTPTransactionFailure(stage: .data, reply: data, isTransient: data.isTransient)
        }
        if let final = report.finalReply, !final.isSuccess {
            return SMTPTransactionFailure(stage: .message, reply: final, isTransient: final.isTransient)
        }
        return nil
    }
}

extension SMTPClient {
    /// Starts sending one message: MAIL FROM, a RCPT TO per recipient, then DATA (with RSET first
    /// when the last transaction did not end in the server's acceptance).
    ///
    /// With PIPELINING the commands go out in groups; DATA joins the group when the policy is
    /// ``SMTPRecipientPolicy/partial`` or there is one recipient, and otherwise waits for every
    /// RCPT reply so that a refused recipient stops the message before DATA. Without PIPELINING
    /// each command waits for the previous reply (the next ones come as `.send` events).
    ///
    /// The transaction ends with `.readyForMessage` (send the message, then ``endMessage()``) or
    /// `.transactionFinished` with the refusal; a 421 ends it and the session with `.failed`.
    ///
    /// - Parameters:
    ///   - envelope: Sender and recipients.
    ///   - traits: The message's size and 8-bit content (``SMTPMessageTraits/init(scanning:)``).
    ///   - policy: Whether the message still goes out when some recipients are refused.
    /// - Returns: The first group of commands to send.
    /// - Precondition: ``isReadyForCommand`` after EHLO.
    /// - Throws: ``SMTPTransactionError`` when the message cannot go to this server as it is
    ///   (too large for its SIZE, 8-bit or international addresses it does not take, an address
    ///   that cannot be sent). Nothing has been sent then.
    public mutating func beginTransaction(
        _ envelope: SMTPEnvelope, traits: SMTPMessageTraits, policy: SMTPRecipientPolicy = .all
    ) throws(SMTPTransactionError) -> SMTPOutbound {
        precondition(isReadyForCommand, "SMTPClient: a transaction starts only when the session is ready")
        let offered = capabilities ?? .helo(serverName: "")
        let parameters = try Self.mailParameters(envelope, traits: traits, offered: offered)
        transaction = Transaction(
            report: SMTPTransactionReport(
                envelope: envelope, recipients: envelope.recipients.map { SMTPRecipientResult(address: $0, reply: nil) }),
            policy: policy)
        if needsReset { queued.append(Expectation(.rset(inTransaction: true), traceText: "RSET", command: .rset)) }
        let mail = SMTPCommand.mail(from: envelope.sender, parameters: parameters)
        queued.append(Expectation(.mail, traceText: mail.traceText, command: mail))
        for (index, address) in envelope.recipients.enumerated() {
            let command = SMTPCommand.recipient(address, parameters: [])
            queued.append(Expectation(.recipient(index), traceText: command.traceText, command: command))
        }
        let barrier = !(policy == .partial || envelope.recipients.count == 1)
        queued.append(Expectation(.data(barrier: barrier), traceText: "DATA", command: .data))
        noteUnsolicitedData(before: mail.traceText)
        state = .inTransaction
        return sendQueued() ?? SMTPOutbound([])
    }

    /// The MAIL FROM parameters: SIZE, BODY=8BITMIME and SMTPUTF8 as the message needs and the
    /// server offers; throws when it needs what the server lacks.
    static func mailParameters(
        _ envelope: SMTPEnvelope, traits: SMTPMessageTraits, offered: SMTPCapabilities
    ) throws(SMTPTransactionError) -> [String] {
        guard !envelope.recipients.isEmpty else { throw .noRecipients }
        if let problem = SMTPPath.problem(with: envelope.sender, allowEmpty: true) {
            throw .invalidAddress(envelope.sender, problem)
        }
        for address in envelope.recipients {
            if let problem = SMTPPath.problem(with: address, allowEmpty: false) { throw .invalidAddress(address, problem) }
        }
        var parameters: [String] = []
        if offered.supportsSize {
            if let limit = offered.maximumMessageSize, traits.size > limit {
                throw .messageTooLarge(size: traits.size, limit: limit)
            }
            parameters.append("SIZE=\(traits.size)")
        }
        let international = ([envelope.sender] + envelope.recipients).first(where: SMTPPath.needsSMTPUTF8)
        if let international, !offered.supportsSMTPUTF8 { throw .internationalAddressNotSupported(international) }
        if traits.hasEightBitData {
            guard offered.supports8BitMIME else { throw .eightBitNotSupported }
            parameters.append("BODY=8BITMIME")
        }
        if international != nil || (traits.hasEightBitHeader && offered.supportsSMTPUTF8) {
            parameters.append("SMTPUTF8")
        }
        return parameters
    }

    /// Appends the wire form of a piece of the message (line ends made CRLF, dots stuffed) to
    /// `out`. Feed the whole message this way, in pieces of any size, then call ``endMessage()``.
    ///
    /// - Precondition: The last terminal event was `.readyForMessage`.
    public mutating func encodeMessage(_ chunk: some Collection<UInt8>, into out: inout [UInt8]) {
        precondition(state == .sendingMessage, "SMTPClient: message data only after 354")
        encoder.encode(chunk, into: &out)
    }

    /// The end of the message data (`.` on a line of its own). The transaction then ends with
    /// `.transactionFinished`: accepted when the server answers 250.
    ///
    /// - Precondition: The last terminal event was `.readyForMessage`.
    public mutating func endMessage() -> SMTPOutbound {
        precondition(state == .sendingMessage, "SMTPClient: end of message only after 354")
        var out: [UInt8] = []
        encoder.finish(into: &out)
        state = .inTransaction
        inFlight.append(Expectation(.endOfData(discarding: false), traceText: "end of message data (.)"))
        return SMTPOutbound(bytes: out, traceLines: ["."])
    }

    // MARK: - Replies

    mutating func handleTransactionReply(_ reply: SMTPReply, _ expectation: Expectation) throws(SMTPProtocolError) {
        guard var current = transaction else {
            throw SMTPProtocolError(.unexpectedReply, context: expectation.context, expected: "no transaction reply")
        }
        switch expectation.kind {
        case .mail:
            try requireNotIntermediate(reply, expectation)
            current.report.mailReply = reply
            if !reply.isSuccess { queued.removeAll() }
        case .recipient(let index):
            try requireNotIntermediate(reply, expectation)
            current.report.recipients[index].reply = reply
        case .data:
            current.report.dataReply = reply
            if reply.code == 354 {
                transaction = current
                if current.failure == nil {
                    state = .sendingMessage
                    encoder = SMTPDataEncoder()
                    events.append(.readyForMessage(reply))
                } else {
                    // A pipelined DATA the server took although nothing may be delivered: end an
                    // empty message at once (RFC 2920 §3.1); the server has no valid recipient.
                    inFlight.append(Expectation(.endOfData(discarding: true), traceText: "end of empty data (.)"))
                    events.append(.send(SMTPOutbound(bytes: Array(".\r\n".utf8), traceLines: ["."])))
                }
                return
            }
            if reply.isSuccess || reply.kind == .positiveIntermediate {
                throw SMTPProtocolError(.unexpectedReply, context: expectation.context,
                                        expected: "354 or a refusal", received: reply.description)
            }
        case .endOfData(let discarding):
            try requireNotIntermediate(reply, expectation)
            if !discarding { current.report.finalReply = reply }
        default:
            break
        }
        transaction = current
        advanceTransaction()
    }

    /// Sends what the window allows next, and ends the transaction once nothing is left.
    mutating func advanceTransaction() {
        if let next = sendQueued() { events.append(.send(next)) }
        guard state == .inTransaction, inFlight.isEmpty, queued.isEmpty, var current = transaction else { return }
        current.report.failure = current.failure
        if current.report.failure == nil, current.report.finalReply == nil {
            // DATA was never sent: only a refusal can have stopped it, so this does not happen;
            // report it rather than claim success.
            current.report.failure = SMTPTransactionFailure(
                stage: .data, reply: current.report.dataReply ?? SMTPReply(code: 554, lines: ["no DATA reply"]),
                isTransient: false)
        }
        needsReset = !current.report.isAccepted
        transaction = nil
        state = .ready
        events.append(.transactionFinished(current.report))
    }

    /// Moves queued commands into flight as far as the pipelining window and DATA's barrier
    /// allow; nil when nothing can go now.
    mutating func sendQueued() -> SMTPOutbound? {
        let window = (capabilities?.supportsPipelining ?? false) ? limits.maximumPipelinedCommands : 1
        var commands: [SMTPCommand] = []
        while let next = queued.first, inFlight.count < window {
            if case .data(let barrier) = next.kind {
                if inFlight.isEmpty {
                    // Every earlier reply is in: DATA goes only if the message can still go.
                    if transaction?.failure != nil {
                        queued.removeFirst()
                        continue
                    }
                } else if barrier {
                    break
                }
            }
            queued.removeFirst()
            inFlight.append(next)
            if let command = next.command { commands.append(command) }
        }
        return commands.isEmpty ? nil : SMTPOutbound(commands)
    }
}
