/// An item to ask for in FETCH (RFC 9051 §6.4.5).
///
/// ```
/// C: A6 UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE BODY.PEEK[HEADER.FIELDS (LIST-ID)])
/// ```
public enum FetchAttribute: Hashable, Sendable {
    /// `UID` (always returned by UID FETCH anyway).
    case uid
    /// `FLAGS`.
    case flags
    /// `ENVELOPE`.
    case envelope
    /// `INTERNALDATE`.
    case internalDate
    /// `RFC822.SIZE`.
    case rfc822Size
    /// `BODYSTRUCTURE`.
    case bodyStructure
    /// `BODY` (the structure without extension data).
    case bodyStructureWithoutExtensions
    /// `MODSEQ` (RFC 7162; enables CONDSTORE for the session).
    case modSeq
    /// `BODY[section]<partial>`, or `BODY.PEEK[...]` (which does not set `\Seen`) when `peek`.
    case body(SectionSpecifier, peek: Bool = true, partial: Partial? = nil)
    /// `BINARY[part]<partial>` (RFC 3516): the part decoded by the server.
    case binary(part: [Int], peek: Bool = true, partial: Partial? = nil)
    /// `BINARY.SIZE[part]` (RFC 3516).
    case binarySize(part: [Int])
    /// `EMAILID` (RFC 8474).
    case emailID
    /// `THREADID` (RFC 8474).
    case threadID
    /// `PREVIEW` (RFC 8970).
    case preview
    /// `SAVEDATE` (RFC 8514).
    case saveDate
    /// `X-GM-MSGID`, `X-GM-THRID`, `X-GM-LABELS` (Gmail).
    case gmailMessageID, gmailThreadID, gmailLabels

    /// A byte range of a body section: `<offset.length>`.
    public struct Partial: Hashable, Sendable {
        /// The first byte.
        public var offset: UInt32
        /// How many bytes at most.
        public var length: UInt32

        /// A range from its parts.
        ///
        /// - Precondition: `length > 0`.
        public init(offset: UInt32, length: UInt32) {
            precondition(length > 0, "FetchAttribute.Partial: the length must be positive")
            self.offset = offset
            self.length = length
        }
    }

    /// The items of a message list row: UID, FLAGS, RFC822.SIZE, INTERNALDATE, ENVELOPE.
    public static let envelopeItems: [FetchAttribute] = [.uid, .flags, .rfc822Size, .internalDate, .envelope]
}

// MARK: - Encoding

extension CommandBuffer {
    // fetch-att = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822.SIZE" / "BODY" ["STRUCTURE"] / "UID" /
    //             "BODY" section [partial] / "BODY.PEEK" section [partial] /
    //             "BINARY" [".PEEK"] section-binary [partial] / "BINARY.SIZE" section-binary
    // partial = "<" number64 "." nz-number64 ">"
    /// Writes one fetch item.
    mutating func write(fetchAttribute: FetchAttribute) {
        switch fetchAttribute {
        case .uid: write("UID")
        case .flags: write("FLAGS")
        case .envelope: write("ENVELOPE")
        case .internalDate: write("INTERNALDATE")
        case .rfc822Size: write("RFC822.SIZE")
        case .bodyStructure: write("BODYSTRUCTURE")
        case .bodyStructureWithoutExtensions: write("BODY")
        case .modSeq: write("MODSEQ")
        case .body(let section, let peek, let partial):
            write(peek ? "BODY.PEEK" : "BODY")
            write(section: section)
            write(partial: partial)
        case .binary(let part, let peek, let partial):
            write(peek ? "BINARY.PEEK[" : "BINARY[")
            write(bytes: Array(part.map(String.init).joined(separator: ".").utf8))
            write("]")
            write(partial: partial)
        case .binarySize(let part):
            write("BINARY.SIZE[")
            write(bytes: Array(part.map(String.init).joined(separator: ".").utf8))
            write("]")
        case .emailID: write("EMAILID")
        case .threadID: write("THREADID")
        case .preview: write("PREVIEW")
        case .saveDate: write("SAVEDATE")
        case .gmailMessageID: write("X-GM-MSGID")
        case .gmailThreadID: write("X-GM-THRID")
        case .gmailLabels: write("X-GM-LABELS")
        }
    }

    private mutating func write(partial: FetchAttribute.Partial?) {
        guard let partial else { return }
        write(bytes: Array("<\(partial.offset).\(partial.length)>".utf8))
    }

    /// Writes `(item item ...)`, or a single item without parentheses.
    mutating func write(fetchAttributes: [FetchAttribute]) {
        if fetchAttributes.count == 1 {
            write(fetchAttribute: fetchAttributes[0])
            return
        }
        write("(")
        for (position, attribute) in fetchAttributes.enumerated() {
            if position > 0 { writeSpace() }
            write(fetchAttribute: attribute)
        }
        write(")")
    }
}
