import Foundation

/// What the message list, the cache and the UI know about a message without its body: the
/// envelope fields of RFC 5322 §3.6, decoded and sanitised.
public struct Envelope: Sendable, Hashable, Codable {
    /// The subject, decoded (RFC 2047) and sanitised; nil when the message has none.
    public var subject: String?
    /// The authors (`From`).
    public var from: [Address]
    /// The agent that sent the message on behalf of the authors (`Sender`), if given.
    public var sender: Address?
    /// Where replies go (`Reply-To`); empty when absent.
    public var replyTo: [Address]
    /// Primary recipients (`To`), groups flattened.
    public var to: [Address]
    /// Carbon-copy recipients (`Cc`).
    public var cc: [Address]
    /// Blind recipients (`Bcc`), present only in the sender's own copy.
    public var bcc: [Address]
    /// The origination date (`Date`), nil when missing or unparseable.
    public var date: Date?
    /// The message's id (`Message-ID`).
    public var messageID: MessageID?
    /// The ids of the messages this one replies to (`In-Reply-To`).
    public var inReplyTo: [MessageID]
    /// The thread ancestry (`References`), oldest first.
    public var references: [MessageID]

    /// An envelope from its fields; everything defaults to empty.
    public init(subject: String? = nil, from: [Address] = [], sender: Address? = nil, replyTo: [Address] = [],
                to: [Address] = [], cc: [Address] = [], bcc: [Address] = [], date: Date? = nil,
                messageID: MessageID? = nil, inReplyTo: [MessageID] = [], references: [MessageID] = []) {
        self.subject = subject
        self.from = from
        self.sender = sender
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
    }

    /// The envelope of a parsed header section. Duplicate `From`/`To`/`Cc` fields are merged;
    /// for `Subject`, `Date` and `Message-ID` the first field counts.
    ///
    /// - Parameters:
    ///   - header: The message's header section.
    ///   - fallback: The charset for undeclared 8-bit header bytes that are not UTF-8.
    public init(header: HeaderSection, fallback: String = CharsetDecoder.defaultFallback) {
        self.init(
            subject: header.text("subject", fallback: fallback),
            from: header.addresses("from", fallback: fallback),
            sender: header.addresses("sender", fallback: fallback).first,
            replyTo: header.addresses("reply-to", fallback: fallback),
            to: header.addresses("to", fallback: fallback),
            cc: header.addresses("cc", fallback: fallback),
            bcc: header.addresses("bcc", fallback: fallback),
            date: header.date,
            messageID: header.messageID,
            inReplyTo: header.inReplyTo,
            references: header.references
        )
    }

    /// The addresses a reply goes to: `Reply-To` when present, else `From`.
    public var replyAddresses: [Address] {
        let usable = replyTo.filter(\.isUsable)
        return usable.isEmpty ? from.filter(\.isUsable) : usable
    }
}
