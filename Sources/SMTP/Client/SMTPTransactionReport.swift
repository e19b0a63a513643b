/// How one recipient's RCPT TO was answered.
public struct SMTPRecipientResult: Sendable, Hashable, CustomStringConvertible {
    /// The address as sent.
    public var address: String
    /// The server's reply; nil when the command was never answered (the transaction stopped first).
    public var reply: SMTPReply?

    /// A result from its parts.
    public init(address: String, reply: SMTPReply?) {
        self.address = address
        self.reply = reply
    }

    /// True when the server accepted the recipient (250 or 251).
    public var isAccepted: Bool { reply?.isSuccess ?? false }

    /// `bob@example.test: 550 5.1.1 no such user`.
    public var description: String {
        "\(address): \(reply.map { "\($0)" } ?? "not answered")"
    }
}

/// The step of a transaction at which a message was refused.
public enum SMTPTransactionStage: String, Sendable, Hashable, Codable {
    /// MAIL FROM was refused (the sender, the size, the server's state).
    case mailFrom = "MAIL FROM"
    /// Recipients were refused (all of them, or some with the policy ``SMTPRecipientPolicy/all``).
    case recipients = "RCPT TO"
    /// DATA was refused.
    case data = "DATA"
    /// The message itself was refused after its end (content, size, policy, the server's trouble).
    case message = "end of DATA"
}

/// Why a transaction did not deliver the message.
public struct SMTPTransactionFailure: Sendable, Hashable, CustomStringConvertible {
    /// Where it was refused.
    public var stage: SMTPTransactionStage
    /// The decisive reply (for recipients, the first refusal).
    public var reply: SMTPReply
    /// True when trying again later may work (every reply that counted was 4yz).
    public var isTransient: Bool
    /// The refused recipients, when the stage is ``SMTPTransactionStage/recipients``.
    public var refusedRecipients: [SMTPRecipientResult]

    /// A failure from its parts.
    public init(stage: SMTPTransactionStage, reply: SMTPReply, isTransient: Bool,
                refusedRecipients: [SMTPRecipientResult] = []) {
        self.stage = stage
        self.reply = reply
        self.isTransient = isTransient
        self.refusedRecipients = refusedRecipients
    }

    /// `the server refused the recipients: bob@x: 550 5.1.1 no such user; ...`.
    public var description: String {
        switch stage {
        case .recipients:
            let list = refusedRecipients.map(\.description).joined(separator: "; ")
            return "the server refused \(refusedRecipients.count == 1 ? "the recipient" : "recipients") (\(list))"
        case .mailFrom: return "the server refused the sender (MAIL FROM): \(reply)"
        case .data: return "the server refused DATA: \(reply)"
        case .message: return "the server refused the message after receiving it: \(reply)"
        }
    }
}

/// What happened to one message: every reply of its transaction and the outcome.
public struct SMTPTransactionReport: Sendable, Hashable {
    /// The envelope as sent.
    public var envelope: SMTPEnvelope
    /// The reply to MAIL FROM.
    public var mailReply: SMTPReply?
    /// Each recipient with its reply, in the envelope's order.
    public var recipients: [SMTPRecipientResult]
    /// The reply to DATA (354 when the message went out).
    public var dataReply: SMTPReply?
    /// The reply after the end of the data: 250 when the server took responsibility for the message.
    public var finalReply: SMTPReply?
    /// Nil when the server accepted the message; the reason otherwise.
    public var failure: SMTPTransactionFailure?

    /// True when the server answered the end of the data with 2yz: the message is the server's
    /// responsibility now.
    public var isAccepted: Bool { failure == nil && (finalReply?.isSuccess ?? false) }

    /// The recipients the server accepted.
    public var acceptedRecipients: [String] { recipients.filter(\.isAccepted).map(\.address) }

    /// The recipients the server refused (with their replies).
    public var refusedRecipients: [SMTPRecipientResult] { recipients.filter { !$0.isAccepted && $0.reply != nil } }
}
