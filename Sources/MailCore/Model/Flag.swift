/// A message flag, as IMAP system flags (RFC 9051 §2.3.2) and Maildir info letters name them.
///
/// Keywords that are not system flags are kept as `.keyword(name)`.
public enum Flag: Hashable, Sendable, Comparable, Codable {
    /// The message has been read (`\Seen`, Maildir `S`).
    case seen
    /// The message has been answered (`\Answered`, Maildir `R`).
    case answered
    /// The message is flagged for attention (`\Flagged`, Maildir `F`).
    case flagged
    /// The message is marked for removal (`\Deleted`, Maildir `T`).
    case deleted
    /// The message is a draft (`\Draft`, Maildir `D`).
    case draft
    /// The message has been forwarded (`$Forwarded`, Maildir `P` for "passed").
    case forwarded
    /// Any other keyword, spelled as the server or file gave it.
    case keyword(String)

    /// The Maildir info letter for this flag, or nil for keywords (Maildir has no standard letter).
    public var maildirLetter: Character? {
        switch self {
        case .draft: "D"
        case .flagged: "F"
        case .forwarded: "P"
        case .answered: "R"
        case .seen: "S"
        case .deleted: "T"
        case .keyword: nil
        }
    }

    /// The flag for a Maildir info letter, or nil when the letter is not one of `DFPRST`.
    public init?(maildirLetter: Character) {
        switch maildirLetter {
        case "D": self = .draft
        case "F": self = .flagged
        case "P": self = .forwarded
        case "R": self = .answered
        case "S": self = .seen
        case "T": self = .deleted
        default: return nil
        }
    }

    /// The IMAP spelling (`\Seen`, `$Forwarded`, or the keyword itself).
    public var imapName: String {
        switch self {
        case .seen: "\\Seen"
        case .answered: "\\Answered"
        case .flagged: "\\Flagged"
        case .deleted: "\\Deleted"
        case .draft: "\\Draft"
        case .forwarded: "$Forwarded"
        case .keyword(let name): name
        }
    }

    /// The flag for an IMAP flag name; system flags are matched case-insensitively (RFC 9051 §2.3.2).
    public init(imapName: String) {
        switch imapName.lowercased() {
        case "\\seen": self = .seen
        case "\\answered": self = .answered
        case "\\flagged": self = .flagged
        case "\\deleted": self = .deleted
        case "\\draft": self = .draft
        case "$forwarded": self = .forwarded
        default: self = .keyword(imapName)
        }
    }

    /// The lower-case name used in JSON output and queries (`seen`, `flagged`, ...).
    public var name: String {
        switch self {
        case .seen: "seen"
        case .answered: "answered"
        case .flagged: "flagged"
        case .deleted: "deleted"
        case .draft: "draft"
        case .forwarded: "forwarded"
        case .keyword(let name): name
        }
    }

    private var order: Int {
        switch self {
        case .draft: 0
        case .flagged: 1
        case .forwarded: 2
        case .answered: 3
        case .seen: 4
        case .deleted: 5
        case .keyword: 6
        }
    }

    public static func < (lhs: Flag, rhs: Flag) -> Bool {
        if lhs.order != rhs.order { return lhs.order < rhs.order }
        if case .keyword(let a) = lhs, case .keyword(let b) = rhs { return a < b }
        return false
    }
}
