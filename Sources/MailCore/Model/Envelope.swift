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
    /// Reads what ``HeaderSection/text(_:fallback:)``, ``HeaderSection/addresses(_:fallback:)``,
    /// ``HeaderSection/date``, ``HeaderSection/messageID``, ``HeaderSection/inReplyTo`` and
    /// ``HeaderSection/references`` read, in one pass over the fields (a first sync builds
    /// 100,000 envelopes).
    ///
    /// - Parameters:
    ///   - header: The message's header section.
    ///   - fallback: The charset for undeclared 8-bit header bytes that are not UTF-8.
    public init(header: HeaderSection, fallback: String = CharsetDecoder.defaultFallback) {
        self.init()
        // Positions, not copies of the fields (no reference counting per field).
        var subjectIndex: Int?
        var dateIndex: Int?
        var messageIDIndex: Int?
        var senderFound = false
        let fields = header.fields
        for index in fields.indices {
            switch EnvelopeField(fields[index].lowercasedName) {
            case .subject: if subjectIndex == nil { subjectIndex = index }
            case .from: Self.merge(&from, fields[index].addresses(fallback: fallback))
            case .sender:
                // The first address of all Sender fields together.
                if !senderFound, let first = fields[index].addresses(fallback: fallback).first {
                    sender = first
                    senderFound = true
                }
            case .replyTo: Self.merge(&replyTo, fields[index].addresses(fallback: fallback))
            case .to: Self.merge(&to, fields[index].addresses(fallback: fallback))
            case .cc: Self.merge(&cc, fields[index].addresses(fallback: fallback))
            case .bcc: Self.merge(&bcc, fields[index].addresses(fallback: fallback))
            case .date: if dateIndex == nil { dateIndex = index }
            case .messageID: if messageIDIndex == nil { messageIDIndex = index }
            case .inReplyTo: Self.merge(&inReplyTo, MessageIDList.parse(fields[index]))
            case .references: Self.merge(&references, MessageIDList.parse(fields[index]))
            case nil: break
            }
        }
        subject = subjectIndex.map { fields[$0].text(fallback: fallback) }
        date = dateIndex.flatMap { fields[$0].mailDate?.date }
        messageID = messageIDIndex.flatMap { MessageIDList.parse(fields[$0]).first }
    }

    /// Appends `more` to `list`; takes it as it is when `list` is empty (no copy).
    private static func merge<Element>(_ list: inout [Element], _ more: [Element]) {
        if list.isEmpty { list = more } else { list += more }
    }

    /// The addresses a reply goes to: `Reply-To` when present, else `From`.
    public var replyAddresses: [Address] {
        let usable = replyTo.filter(\.isUsable)
        return usable.isEmpty ? from.filter(\.isUsable) : usable
    }
}

/// The header fields an ``Envelope`` is made of, by lower-case name.
private enum EnvelopeField {
    case subject, from, sender, replyTo, to, cc, bcc, date, messageID, inReplyTo, references

    /// The field of a lower-case name, or nil for any other field.
    init?(_ name: String) {
        // By length first: one string comparison for most fields.
        switch name.utf8.count {
        case 2 where name == "to": self = .to
        case 2 where name == "cc": self = .cc
        case 3 where name == "bcc": self = .bcc
        case 4 where name == "from": self = .from
        case 4 where name == "date": self = .date
        case 6 where name == "sender": self = .sender
        case 7 where name == "subject": self = .subject
        case 8 where name == "reply-to": self = .replyTo
        case 10 where name == "message-id": self = .messageID
        case 10 where name == "references": self = .references
        case 11 where name == "in-reply-to": self = .inReplyTo
        default: return nil
        }
    }
}
