import MailCore

/// Everything one FETCH response said about a message, gathered from its events.
///
/// ```
/// S: * 12 FETCH (UID 4827 FLAGS (\Seen) RFC822.SIZE 44827 BODY[HEADER.FIELDS (LIST-ID)] {25}
/// ```
public struct FetchedMessage: Hashable, Sendable {
    /// The message sequence number.
    public var sequenceNumber: UInt32
    /// `UID`.
    public var uid: UID?
    /// `FLAGS`.
    public var flags: [MessageFlag]?
    /// `INTERNALDATE`.
    public var internalDate: InternalDate?
    /// `RFC822.SIZE`.
    public var size: Int?
    /// `ENVELOPE`.
    public var envelope: IMAPEnvelope?
    /// `BODYSTRUCTURE` or `BODY`.
    public var bodyStructure: BodyStructure? {
        get { boxedStructure?.value }
        set { boxedStructure = newValue.map(StructureBox.init) }
    }
    /// `MODSEQ`.
    public var modSeq: UInt64?
    /// Body sections received whole (a NIL section is an empty array).
    public var sections: [BodySection: [UInt8]]
    /// Every other item (EMAILID, THREADID, Gmail labels, PREVIEW, ...).
    public var otherAttributes: [MessageAttribute]
    /// The body structure out of line: it is large, and messages are copied in groups.
    private var boxedStructure: StructureBox?

    /// A message with nothing known but its sequence number.
    public init(sequenceNumber: UInt32) {
        self.sequenceNumber = sequenceNumber
        self.sections = [:]
        self.otherAttributes = []
    }

    /// The flags in tern's model (`\Recent` dropped); nil when FLAGS was not sent.
    public var mailFlags: Set<Flag>? {
        guard let flags else { return nil }
        var set = Set<Flag>(minimumCapacity: flags.count)
        for flag in flags {
            if let mailFlag = flag.mailFlag { set.insert(mailFlag) }
        }
        return set
    }

    /// The bytes of a BODY section, if it was fetched.
    public func body(_ section: SectionSpecifier) -> [UInt8]? {
        sections[BodySection(.body, section)]
    }

    /// Records one item.
    public mutating func apply(_ attribute: MessageAttribute) {
        switch attribute {
        case .uid(let value): uid = UID(value)
        case .flags(let value): flags = value
        case .internalDate(let value): internalDate = value
        case .rfc822Size(let value): size = value
        case .envelope(let value): envelope = value
        case .bodyStructure(let value, _): bodyStructure = value
        case .modSeq(let value): modSeq = value
        default: otherAttributes.append(attribute)
        }
    }
}

/// An immutable box holding a body structure.
final class StructureBox: Hashable, Sendable {
    let value: BodyStructure

    init(_ value: BodyStructure) {
        self.value = value
    }

    static func == (lhs: StructureBox, rhs: StructureBox) -> Bool { lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// Gathers FETCH events into ``FetchedMessage`` values, holding body sections up to a limit.
public struct FetchAccumulator: Sendable {
    /// The most bytes of one body section held in memory.
    public let maximumSectionSize: Int
    private var message: FetchedMessage?
    private var section: BodySection?
    private var bytes: [UInt8] = []

    /// An accumulator holding sections of at most `maximumSectionSize` bytes (default 64 MiB).
    public init(maximumSectionSize: Int = 64 << 20) {
        self.maximumSectionSize = maximumSectionSize
    }

    /// True between `fetchBegin` and `fetchEnd`.
    public var isInsideFetch: Bool { message != nil }

    /// Takes one event of a FETCH response; returns the message at its `fetchEnd`.
    ///
    /// - Precondition: `event` is one of the FETCH events, in the order the parser gives them.
    /// - Throws: ``SectionTooLarge`` when a body section is larger than the limit.
    public mutating func consume(_ event: ResponseEvent) throws(SectionTooLarge) -> FetchedMessage? {
        switch event {
        case .fetchBegin(let number):
            message = FetchedMessage(sequenceNumber: number)
        case .fetchAttribute(let attribute):
            message?.apply(attribute)
        case .bodyBegin(let name, _, let count):
            guard count <= maximumSectionSize else { throw SectionTooLarge(section: name, size: count, limit: maximumSectionSize) }
            section = name
            bytes = []
            bytes.reserveCapacity(count)
        case .bodyBytes(let piece):
            bytes.append(contentsOf: piece)
        case .bodyEnd:
            if let section { message?.sections[section] = bytes }
            section = nil
            bytes = []
        case .fetchEnd:
            defer { message = nil }
            return message
        case .untagged, .tagged, .continuation:
            preconditionFailure("FetchAccumulator: \(event) is not a FETCH event")
        }
        return nil
    }
}

/// A body section was larger than the caller allows to hold in memory; fetch it with a sink
/// instead.
public struct SectionTooLarge: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which section.
    public var section: BodySection
    /// Its announced size.
    public var size: Int
    /// The limit.
    public var limit: Int

    /// An error from its parts.
    public init(section: BodySection, size: Int, limit: Int) {
        self.section = section
        self.size = size
        self.limit = limit
    }

    /// What happened.
    public var description: String {
        "The server sent \(section) of \(size) bytes, more than the \(limit) bytes allowed in memory; "
            + "fetch it into a file instead."
    }
}
