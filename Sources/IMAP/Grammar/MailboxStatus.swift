/// The answer to STATUS, or the STATUS part of a LIST-STATUS answer (RFC 9051 §7.3.5); only
/// the items the server sent are set.
///
/// ```
/// S: * STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)
/// ```
public struct MailboxStatus: Hashable, Sendable {
    /// `MESSAGES`.
    public var messageCount: Int?
    /// `RECENT`.
    public var recentCount: Int?
    /// `UIDNEXT`.
    public var uidNext: UInt32?
    /// `UIDVALIDITY`.
    public var uidValidity: UInt32?
    /// `UNSEEN`.
    public var unseenCount: Int?
    /// `DELETED`.
    public var deletedCount: Int?
    /// `SIZE`.
    public var size: UInt64?
    /// `HIGHESTMODSEQ`.
    public var highestModSeq: UInt64?
    /// `APPENDLIMIT`; nil inside means no limit was given.
    public var appendLimit: UInt64?

    /// A status with nothing known.
    public init() {}
}

extension GrammarParser {
    // status-att-list = status-att-val *(SP status-att-val)
    // status-att-val = ("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) / ("UIDVALIDITY" SP nz-number) /
    //     ("UNSEEN" SP number) / ("DELETED" SP number) / ("SIZE" SP number64) / ("RECENT" SP number) /
    //     ("HIGHESTMODSEQ" SP mod-sequence-value) / ("APPENDLIMIT" SP (number / nil))
    /// The parenthesised items of a STATUS answer; unknown items are skipped.
    mutating func parseStatusAttributes() throws(ParseFailure) -> MailboxStatus {
        var status = MailboxStatus()
        try parseList { parser throws(ParseFailure) in
            let name = try parser.parseAtom()
            try parser.parseSpace()
            if parser.range(name, is: "MESSAGES") {
                status.messageCount = Int(try parser.parseNumber())
            } else if parser.range(name, is: "UIDNEXT") {
                status.uidNext = try parser.parseNumber()
            } else if parser.range(name, is: "UIDVALIDITY") {
                status.uidValidity = try parser.parseNumber()
            } else if parser.range(name, is: "UNSEEN") {
                status.unseenCount = Int(try parser.parseNumber())
            } else if parser.range(name, is: "DELETED") {
                status.deletedCount = Int(try parser.parseNumber())
            } else if parser.range(name, is: "RECENT") {
                status.recentCount = Int(try parser.parseNumber())
            } else if parser.range(name, is: "SIZE") {
                status.size = try parser.parseNumber64()
            } else if parser.range(name, is: "HIGHESTMODSEQ") {
                status.highestModSeq = try parser.parseNumber64()
            } else if parser.range(name, is: "APPENDLIMIT") {
                status.appendLimit = parser.consumeNIL() ? nil : try parser.parseNumber64()
            } else {
                try parser.skipValue()
            }
        }
        return status
    }
}
