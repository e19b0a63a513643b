/// The envelope of one message (RFC 5321 §2.3.1): the reverse-path of MAIL FROM and the
/// forward-paths of RCPT TO. Bcc recipients are here, never in the message.
public struct SMTPEnvelope: Sendable, Hashable, Codable {
    /// The sender address, `local@domain`; empty for the null reverse-path `<>`.
    public var sender: String
    /// Every recipient address, To, Cc and Bcc, each once.
    public var recipients: [String]

    /// An envelope from its parts.
    public init(sender: String, recipients: [String]) {
        self.sender = sender
        self.recipients = recipients
    }
}

/// Whether a message goes out when some of its recipients are refused.
public enum SMTPRecipientPolicy: String, Sendable, Hashable, Codable {
    /// Every recipient must be accepted, or the message is not sent at all (the default).
    case all
    /// Send to the accepted recipients; the refused ones are reported (`tern send --partial`).
    case partial
}

/// Why the client refused to start a transaction, before sending anything.
public enum SMTPTransactionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The envelope has no recipient.
    case noRecipients
    /// An address cannot be put in MAIL FROM or RCPT TO.
    case invalidAddress(String, SMTPPath.Problem)
    /// The message is larger than the server's SIZE limit (RFC 1870).
    case messageTooLarge(size: Int, limit: Int)
    /// An address is not ASCII and the server does not offer SMTPUTF8 (RFC 6531).
    case internationalAddressNotSupported(String)
    /// The message has 8-bit bytes and the server does not offer 8BITMIME (RFC 6152).
    case eightBitNotSupported

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .noRecipients:
            "The message has no recipients: add at least one To, Cc or Bcc address."
        case .invalidAddress(let address, let problem):
            "The address \"\(Self.printable(address))\" cannot be used: \(problem)."
        case .messageTooLarge(let size, let limit):
            "The message is \(Self.megabytes(size)) and the server accepts at most \(Self.megabytes(limit)) "
                + "(its SIZE limit). Nothing was sent: remove or shrink attachments, or share large files by link."
        case .internationalAddressNotSupported(let address):
            "The address \"\(Self.printable(address))\" has non-ASCII characters and the server does not offer "
                + "SMTPUTF8, so it cannot be sent there. Use an ASCII address for this recipient."
        case .eightBitNotSupported:
            "The message contains 8-bit data and the server does not offer 8BITMIME. Re-encode it "
                + "(quoted-printable or base64) before sending; messages composed by tern are always 7-bit."
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(bytes) bytes" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB (\(bytes) bytes)"
    }

    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
