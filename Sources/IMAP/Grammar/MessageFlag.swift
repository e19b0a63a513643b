import MailCore

/// A message flag as IMAP spells it (RFC 9051 §2.3.2): a system flag (`\Seen`), a keyword
/// (`$Forwarded`, `Junk`), `\Recent` (IMAP4rev1 only) or, in PERMANENTFLAGS, `\*` (the client
/// may create keywords).
///
/// ```
/// S: * 12 FETCH (FLAGS (\Seen $Forwarded))
/// ```
///
/// System flags are stored in their canonical spelling whatever case the server used, so
/// `\SEEN` and `\Seen` are equal.
public struct MessageFlag: Hashable, Sendable, CustomStringConvertible {
    /// The flag as sent on the wire (`\Seen`, `$Forwarded`).
    public let name: String

    /// A flag from its wire spelling.
    public init(_ name: String) {
        if name.first == "\\", let canonical = Self.canonical[name.lowercased()] {
            self.name = canonical
        } else {
            self.name = name
        }
    }

    private init(canonical: String) {
        name = canonical
    }

    /// The wire spelling.
    public var description: String { name }

    /// True for a flag starting with a backslash.
    public var isSystemFlag: Bool { name.first == "\\" }

    /// `\Seen`.
    public static let seen = MessageFlag(canonical: "\\Seen")
    /// `\Answered`.
    public static let answered = MessageFlag(canonical: "\\Answered")
    /// `\Flagged`.
    public static let flagged = MessageFlag(canonical: "\\Flagged")
    /// `\Deleted`.
    public static let deleted = MessageFlag(canonical: "\\Deleted")
    /// `\Draft`.
    public static let draft = MessageFlag(canonical: "\\Draft")
    /// `\Recent` (IMAP4rev1; read-only).
    public static let recent = MessageFlag(canonical: "\\Recent")
    /// `\*` in PERMANENTFLAGS: new keywords may be created.
    public static let wildcard = MessageFlag(canonical: "\\*")
    /// `$Forwarded` (RFC 5550).
    public static let forwarded = MessageFlag(canonical: "$Forwarded")

    private static let canonical: [String: String] = [
        "\\seen": "\\Seen", "\\answered": "\\Answered", "\\flagged": "\\Flagged", "\\deleted": "\\Deleted",
        "\\draft": "\\Draft", "\\recent": "\\Recent", "\\*": "\\*",
    ]

    /// The flag in tern's model, or nil for `\Recent` and `\*`, which are not message state.
    public var mailFlag: Flag? {
        // System flags are stored in their canonical spelling: those are compared first, as
        // they are (no lower-casing for the flags of nearly every message).
        switch name {
        case "\\Seen": return .seen
        case "\\Answered": return .answered
        case "\\Flagged": return .flagged
        case "\\Deleted": return .deleted
        case "\\Draft": return .draft
        case "\\Recent", "\\*": return nil
        default: return Flag(imapName: name)
        }
    }

    /// The IMAP flag for a flag of tern's model.
    public init(_ flag: Flag) {
        self.init(flag.imapName)
    }

    /// True when the name can be sent as a flag: a system flag of RFC 9051 or an atom keyword.
    public var isValidForStore: Bool {
        guard !name.isEmpty, self != .recent, self != .wildcard else { return false }
        let body = isSystemFlag ? name.utf8.dropFirst() : name.utf8[...]
        return !body.isEmpty && body.allSatisfy { ASCII.isAtomChar($0) && $0 < 0x80 }
    }
}

extension GrammarParser {
    // flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword / flag-extension
    // flag-extension = "\" atom
    // flag-perm = flag / "\*"
    // flag-fetch = flag / "\Recent"
    /// One flag.
    mutating func parseFlag() throws(ParseFailure) -> MessageFlag {
        let start = index
        if consume(ASCII.backslash) {
            if consume(ASCII.star) { return .wildcard }
            // Fast paths for the flags of nearly every FETCH.
            let atom = try parseAtom()
            switch atom.count {
            case 4: if range(atom, is: "SEEN") { return .seen }
            case 5: if range(atom, is: "DRAFT") { return .draft }
            case 6: if range(atom, is: "RECENT") { return .recent }
            case 7:
                if range(atom, is: "FLAGGED") { return .flagged }
                if range(atom, is: "DELETED") { return .deleted }
            case 8: if range(atom, is: "ANSWERED") { return .answered }
            default: break
            }
            return MessageFlag(text(start..<index))
        }
        let atom = try parseAtom()
        if range(atom, is: "$FORWARDED") { return .forwarded }
        return MessageFlag(text(atom))
    }

    // flag-list = "(" [flag *(SP flag)] ")"
    /// A parenthesised list of flags.
    mutating func parseFlagList() throws(ParseFailure) -> [MessageFlag] {
        var flags: [MessageFlag] = []
        try parseList { parser throws(ParseFailure) in flags.append(try parser.parseFlag()) }
        return flags
    }
}

// MARK: - Encoding

extension CommandBuffer {
    // flag-list = "(" [flag *(SP flag)] ")"
    /// Writes `(flag flag ...)`.
    ///
    /// - Precondition: every flag ``MessageFlag/isValidForStore``.
    mutating func write(flags: [MessageFlag]) {
        write("(")
        for (position, flag) in flags.enumerated() {
            precondition(flag.isValidForStore, "MessageFlag \(flag.name) cannot be sent")
            if position > 0 { writeSpace() }
            write(bytes: Array(flag.name.utf8))
        }
        write(")")
    }
}
