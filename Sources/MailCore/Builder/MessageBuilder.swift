import Foundation

/// Composes a message as bytes (RFC 5322 + MIME): headers, text (UTF-8, 7bit or
/// quoted-printable, optionally format=flowed), an HTML alternative, attachments (base64,
/// RFC 2231 names) and attached messages.
///
/// Bcc is never written into the message; ``BuiltMessage/envelopeRecipients`` carries it.
public struct MessageBuilder: Sendable {
    /// The author.
    public var from: Address
    /// Primary recipients.
    public var to: [Address] = []
    /// Copy recipients.
    public var cc: [Address] = []
    /// Blind recipients (envelope only).
    public var bcc: [Address] = []
    /// Where replies should go.
    public var replyTo: [Address] = []
    /// The subject.
    public var subject: String = ""
    /// The date written in the Date field.
    public var date: Date = Date()
    /// The zone offset (seconds east of UTC) for the Date field; the local zone when nil.
    public var zoneOffset: Int?
    /// The Message-ID; generated from random bits and the sender's domain when nil.
    public var messageID: MessageID?
    /// In-Reply-To ids.
    public var inReplyTo: [MessageID] = []
    /// References ids.
    public var references: [MessageID] = []
    /// Extra fields (name, value), written after the standard ones; names the builder owns
    /// (From, To, Content-Type, ...) are rejected.
    public var extraHeaders: [(name: String, value: String)] = []
    /// The plain text body.
    public var text: String = ""
    /// An HTML alternative, sent as multipart/alternative with the text.
    public var html: String?
    /// Wrap the text as format=flowed (RFC 3676).
    public var formatFlowed = false
    /// Attachments in order.
    public var attachments: [OutgoingAttachment] = []
    /// Build a draft to keep in a Drafts folder rather than a message to send: the Bcc field is
    /// written (so that it is there when the draft is taken up again) and no recipient is needed.
    public var isDraft = false
    /// A seed for boundaries and the generated Message-ID, for reproducible output (tests);
    /// system randomness when nil.
    public var randomSeed: UInt64?

    /// A builder for a message from `from`.
    public init(from: Address) {
        self.from = from
    }

    static let ownedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "in-reply-to", "references",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
    ]

    /// Builds the message.
    ///
    /// - Throws: ``BuildError`` for a header value with CR/LF or controls, an invalid address,
    ///   an invalid extra header name, or no recipients (unless ``isDraft``).
    public func build() throws -> BuiltMessage {
        try AddressEncoder.validate(from, field: "From")
        for a in bcc { try AddressEncoder.validate(a, field: "Bcc") }
        guard isDraft || !(to.isEmpty && cc.isEmpty && bcc.isEmpty) else { throw BuildError.noRecipients }
        var random = BuilderRandom(seed: randomSeed)
        let id = messageID ?? MessageID(random.token() + "@" + Punycode.toASCII(domain: String(from.domain)).lowercased())
        try HeaderEncoder.check(id.value, field: "Message-ID")

        var out: [UInt8] = []
        let offset = zoneOffset ?? TimeZone.current.secondsFromGMT(for: date)
        out += try HeaderEncoder.raw("Date", MailDate(date: date, zoneOffset: offset).rfc5322)
        out += try AddressEncoder.field("From", [from])
        if !replyTo.isEmpty { out += try AddressEncoder.field("Reply-To", replyTo) }
        if !to.isEmpty { out += try AddressEncoder.field("To", to) }
        if !cc.isEmpty { out += try AddressEncoder.field("Cc", cc) }
        if isDraft && !bcc.isEmpty { out += try AddressEncoder.field("Bcc", bcc) }
        if to.isEmpty && cc.isEmpty && !isDraft { out += Array("To: undisclosed-recipients:;\r\n".utf8) }
        out += try HeaderEncoder.unstructured("Subject", subject)
        out += try HeaderEncoder.raw("Message-ID", id.bracketed)
        if !inReplyTo.isEmpty { out += try HeaderEncoder.raw("In-Reply-To", inReplyTo.map(\.bracketed).joined(separator: " ")) }
        if !references.isEmpty { out += try HeaderEncoder.raw("References", references.map(\.bracketed).joined(separator: " ")) }
        out += Array("MIME-Version: 1.0\r\n".utf8)
        for (name, value) in extraHeaders {
            guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }),
                  !Self.ownedHeaders.contains(name.lowercased()) else { throw BuildError.invalidHeaderName(name) }
            out += try HeaderEncoder.unstructured(name, value)
        }
        out += MIMEWriter.body(text: text, html: html, flowed: formatFlowed, attachments: attachments, random: &random)

        var seen = Set<String>()
        var recipients: [String] = []
        for a in to + cc + bcc where seen.insert(a.comparisonKey).inserted { recipients.append(a.asciiAddress) }
        let utf8 = ([from] + to + cc + bcc).contains { $0.asciiAddress.utf8.contains { $0 >= 0x80 } }
        return BuiltMessage(bytes: out, messageID: id, envelopeSender: from.asciiAddress,
                            envelopeRecipients: recipients, needsSMTPUTF8: utf8)
    }
}

/// SplitMix64 when seeded, else the system generator.
struct BuilderRandom {
    var state: UInt64?
    var system = SystemRandomNumberGenerator()

    init(seed: UInt64?) { state = seed }

    mutating func next() -> UInt64 {
        guard var s = state else { return system.next() }
        s &+= 0x9E37_79B9_7F4A_7C15
        state = s
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 32 hex digits.
    mutating func token() -> String {
        let a = next(), b = next()
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}
