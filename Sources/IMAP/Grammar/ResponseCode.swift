/// A response code: the bracketed part of a status response that says something machine-readable
/// (RFC 9051 §7.1, RFC 4315, RFC 7162, RFC 5530).
///
/// ```
/// S: * OK [UIDVALIDITY 3857529045] UIDs valid
/// S: A4 OK [APPENDUID 38505 3955] APPEND completed
/// ```
public enum ResponseCode: Hashable, Sendable {
    /// `ALERT`: the text must be shown to the user.
    case alert
    /// `BADCHARSET`: the SEARCH charset is not supported; the ones that are.
    case badCharset([String])
    /// `CAPABILITY`: the capabilities, as in a CAPABILITY response.
    case capability([Capability])
    /// `PARSE`: a message could not be parsed by the server.
    case parse
    /// `PERMANENTFLAGS`: the flags that can be changed permanently (`\*`: new keywords allowed).
    case permanentFlags([MessageFlag])
    /// `READ-ONLY`: the mailbox is selected read-only.
    case readOnly
    /// `READ-WRITE`: the mailbox is selected read-write.
    case readWrite
    /// `TRYCREATE`: the target mailbox does not exist but could be created.
    case tryCreate
    /// `UIDNEXT`: the next UID the mailbox will assign.
    case uidNext(UInt32)
    /// `UIDVALIDITY`: the mailbox's UID validity.
    case uidValidity(UInt32)
    /// `UNSEEN`: the sequence number of the first unseen message (IMAP4rev1).
    case unseen(UInt32)
    /// `HIGHESTMODSEQ` (RFC 7162 §3.1.2.1).
    case highestModSeq(UInt64)
    /// `NOMODSEQ`: the mailbox has no mod-sequences (RFC 7162 §3.1.2.2).
    case noModSeq
    /// `MODIFIED`: messages not stored because UNCHANGEDSINCE failed (RFC 7162 §3.1.3).
    case modified(SequenceSet)
    /// `APPENDUID`: the UID validity and the UIDs of appended messages (RFC 4315 §3).
    case appendUID(uidValidity: UInt32, uids: SequenceSet)
    /// `COPYUID`: the UID validity of the target and the source and target UIDs in
    /// corresponding order (RFC 4315 §3).
    case copyUID(uidValidity: UInt32, source: SequenceSet, destination: SequenceSet)
    /// `UIDNOTSTICKY`: the mailbox does not keep UIDs (RFC 4315 §3).
    case uidNotSticky
    /// `CLOSED`: the previously selected mailbox is now closed (RFC 7162 §3.2.11).
    case closed
    /// `COMPRESSIONACTIVE` (RFC 4978).
    case compressionActive
    /// `NONEXISTENT`: no such mailbox (RFC 5530).
    case nonExistent
    /// `ALREADYEXISTS`: the mailbox exists already (RFC 5530).
    case alreadyExists
    /// `AUTHENTICATIONFAILED`: wrong credentials (RFC 5530).
    case authenticationFailed
    /// `AUTHORIZATIONFAILED`: the credentials are right but may not be used (RFC 5530).
    case authorizationFailed
    /// `EXPIRED`: the password or account has expired (RFC 5530).
    case expired
    /// `PRIVACYREQUIRED`: the operation needs an encrypted connection (RFC 5530).
    case privacyRequired
    /// `CONTACTADMIN` (RFC 5530).
    case contactAdmin
    /// `NOPERM`: no permission for this (RFC 5530).
    case noPermission
    /// `INUSE`: the mailbox is in use; try later (RFC 5530).
    case inUse
    /// `EXPUNGEISSUED`: another session expunged messages meanwhile (RFC 5530).
    case expungeIssued
    /// `CORRUPTION` (RFC 5530).
    case corruption
    /// `SERVERBUG` (RFC 5530).
    case serverBug
    /// `CLIENTBUG` (RFC 5530).
    case clientBug
    /// `CANNOT`: the operation is not possible (RFC 5530).
    case cannot
    /// `LIMIT`: a server limit was hit (RFC 5530).
    case limit
    /// `OVERQUOTA` (RFC 5530).
    case overQuota
    /// `UNAVAILABLE`: a subsystem is down; try later (RFC 5530).
    case unavailable
    /// `HASCHILDREN`: the mailbox has children (RFC 9051).
    case hasChildren
    /// `NOTSAVED`: the search result was not saved (RFC 9051).
    case notSaved
    /// Any other code: its name in upper case and the text after it up to `]`, if any.
    case other(name: String, text: String?)
}

extension GrammarParser {
    // resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")" ] / capability-data /
    //     "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" / "READ-ONLY" / "READ-WRITE" /
    //     "TRYCREATE" / "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number / "UNSEEN" SP nz-number /
    //     "HIGHESTMODSEQ" SP mod-sequence-value / "NOMODSEQ" / "MODIFIED" SP sequence-set /
    //     "APPENDUID" SP nz-number SP append-uid / "COPYUID" SP nz-number SP uid-set SP uid-set /
    //     "UIDNOTSTICKY" / "CLOSED" / atom [SP 1*<any TEXT-CHAR except "]">]
    /// The code inside `[...]`; the brackets are consumed by the caller.
    mutating func parseResponseCode() throws(ParseFailure) -> ResponseCode {
        let start = index
        while index < end, ASCII.isAtomChar(bytes[index]) { index += 1 }
        let name = start..<index
        guard !name.isEmpty else { throw failure("a response code") }
        // Known codes whose arguments do not parse are kept as `other`, never fatal: a code is
        // advice, and a server's typo in one must not end the session.
        let (known, openLists) = (index, depth)
        if let code = try? parseKnownCode(name) { return code }
        (index, depth) = (known, openLists)
        return .other(name: upperText(name), text: parseCodeText())
    }

    private mutating func parseKnownCode(_ name: Range<Int>) throws(ParseFailure) -> ResponseCode? {
        switch name.count {
        case 5:
            if range(name, is: "ALERT") { return .alert }
            if range(name, is: "PARSE") { return .parse }
            if range(name, is: "INUSE") { return .inUse }
            if range(name, is: "LIMIT") { return .limit }
        case 6:
            if range(name, is: "UNSEEN") { return .unseen(try spaceThen { parser throws(ParseFailure) in try parser.parseNZNumber() }) }
            if range(name, is: "CLOSED") { return .closed }
            if range(name, is: "CANNOT") { return .cannot }
            if range(name, is: "NOPERM") { return .noPermission }
        case 7:
            if range(name, is: "UIDNEXT") { return .uidNext(try spaceThen { parser throws(ParseFailure) in try parser.parseNZNumber() }) }
            if range(name, is: "EXPIRED") { return .expired }
        case 8:
            if range(name, is: "MODIFIED") { return .modified(try spaceThen { parser throws(ParseFailure) in try parser.parseSequenceSet() }) }
            if range(name, is: "NOMODSEQ") { return .noModSeq }
            if range(name, is: "NOTSAVED") { return .notSaved }
        case 9:
            if range(name, is: "TRYCREATE") { return .tryCreate }
            if range(name, is: "SERVERBUG") { return .serverBug }
            if range(name, is: "CLIENTBUG") { return .clientBug }
            if range(name, is: "OVERQUOTA") { return .overQuota }
            if range(name, is: "READ-ONLY") { return .readOnly }
        case 10:
            if range(name, is: "READ-WRITE") { return .readWrite }
            if range(name, is: "BADCHARSET") { return .badCharset(try parseCharsetList()) }
            if range(name, is: "CAPABILITY") { return .capability(try parseCapabilityList()) }
            if range(name, is: "CORRUPTION") { return .corruption }
        case 11:
            if range(name, is: "UIDVALIDITY") { return .uidValidity(try spaceThen { parser throws(ParseFailure) in try parser.parseNZNumber() }) }
            if range(name, is: "NONEXISTENT") { return .nonExistent }
            if range(name, is: "UNAVAILABLE") { return .unavailable }
            if range(name, is: "HASCHILDREN") { return .hasChildren }
        case 12:
            if range(name, is: "UIDNOTSTICKY") { return .uidNotSticky }
            if range(name, is: "CONTACTADMIN") { return .contactAdmin }
        case 13:
            if range(name, is: "HIGHESTMODSEQ") { return .highestModSeq(try spaceThen { parser throws(ParseFailure) in try parser.parseNumber64() }) }
            if range(name, is: "ALREADYEXISTS") { return .alreadyExists }
            if range(name, is: "EXPUNGEISSUED") { return .expungeIssued }
        case 14:
            if range(name, is: "PERMANENTFLAGS") {
                try parseSpace()
                return .permanentFlags(try parseFlagList())
            }
        case 15:
            if range(name, is: "PRIVACYREQUIRED") { return .privacyRequired }
        case 17:
            if range(name, is: "COMPRESSIONACTIVE") { return .compressionActive }
        case 19:
            if range(name, is: "AUTHORIZATIONFAILED") { return .authorizationFailed }
        case 20:
            if range(name, is: "AUTHENTICATIONFAILED") { return .authenticationFailed }
        default:
            break
        }
        if range(name, is: "APPENDUID") {
            try parseSpace()
            let validity = try parseNZNumber()
            try parseSpace()
            return .appendUID(uidValidity: validity, uids: try parseSequenceSet())
        }
        if range(name, is: "COPYUID") {
            try parseSpace()
            let validity = try parseNZNumber()
            try parseSpace()
            let source = try parseSequenceSet()
            try parseSpace()
            return .copyUID(uidValidity: validity, source: source, destination: try parseSequenceSet())
        }
        throw failure("a known response code")
    }

    private mutating func spaceThen<T>(_ rule: (inout GrammarParser) throws(ParseFailure) -> T) throws(ParseFailure) -> T {
        try parseSpace()
        return try rule(&self)
    }

    /// `[SP "(" charset *(SP charset) ")"]`.
    private mutating func parseCharsetList() throws(ParseFailure) -> [String] {
        guard peek() == ASCII.space, peek(at: 1) == ASCII.openParen else { return [] }
        try parseSpace()
        var charsets: [String] = []
        try parseList { parser throws(ParseFailure) in charsets.append(parser.text(of: try parser.parseAString())) }
        return charsets
    }

    /// `*(SP capability)` up to the `]`.
    private mutating func parseCapabilityList() throws(ParseFailure) -> [Capability] {
        var capabilities: [Capability] = []
        while consume(ASCII.space) {
            if peek() == ASCII.closeBracket || peek() == ASCII.space { continue }
            capabilities.append(Capability(text(try parseAtom())))
        }
        return capabilities
    }

    /// The text of an unknown code up to `]`, or nil.
    private mutating func parseCodeText() -> String? {
        guard consume(ASCII.space) else { return nil }
        let start = index
        while index < end, bytes[index] != ASCII.closeBracket, bytes[index] != ASCII.cr, bytes[index] != ASCII.lf {
            index += 1
        }
        return text(start..<index)
    }
}
