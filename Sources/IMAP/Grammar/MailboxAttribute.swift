import MailCore

/// An attribute of a mailbox in a LIST response (RFC 9051 §7.3.1, RFC 5258, RFC 6154), such as
/// `\Noselect`, `\HasChildren` or the special-use `\Sent`. Known attributes are stored in their
/// canonical spelling whatever case the server used.
///
/// ```
/// S: * LIST (\HasNoChildren \Sent) "/" Sent
/// ```
public struct MailboxAttribute: Hashable, Sendable, CustomStringConvertible {
    /// The attribute as sent (`\Noselect`), canonical for known ones.
    public let name: String

    /// An attribute from its wire spelling.
    public init(_ name: String) {
        self.name = Self.canonical[name.lowercased()] ?? name
    }

    /// The wire spelling.
    public var description: String { name }

    /// `\Noselect`: the name only holds other mailboxes.
    public static let noSelect = MailboxAttribute("\\Noselect")
    /// `\NonExistent` (RFC 5258): implies \Noselect.
    public static let nonExistent = MailboxAttribute("\\NonExistent")
    /// `\Noinferiors`: no child mailbox can exist.
    public static let noInferiors = MailboxAttribute("\\Noinferiors")
    /// `\HasChildren` (RFC 3348).
    public static let hasChildren = MailboxAttribute("\\HasChildren")
    /// `\HasNoChildren` (RFC 3348).
    public static let hasNoChildren = MailboxAttribute("\\HasNoChildren")
    /// `\Marked`.
    public static let marked = MailboxAttribute("\\Marked")
    /// `\Unmarked`.
    public static let unmarked = MailboxAttribute("\\Unmarked")
    /// `\Subscribed` (RFC 5258).
    public static let subscribed = MailboxAttribute("\\Subscribed")
    /// `\Remote` (RFC 5258).
    public static let remote = MailboxAttribute("\\Remote")
    /// `\All` (RFC 6154).
    public static let all = MailboxAttribute("\\All")
    /// `\Archive` (RFC 6154).
    public static let archive = MailboxAttribute("\\Archive")
    /// `\Drafts` (RFC 6154).
    public static let drafts = MailboxAttribute("\\Drafts")
    /// `\Flagged` (RFC 6154).
    public static let flagged = MailboxAttribute("\\Flagged")
    /// `\Junk` (RFC 6154).
    public static let junk = MailboxAttribute("\\Junk")
    /// `\Sent` (RFC 6154).
    public static let sent = MailboxAttribute("\\Sent")
    /// `\Trash` (RFC 6154).
    public static let trash = MailboxAttribute("\\Trash")
    /// `\Important` (RFC 8457).
    public static let important = MailboxAttribute("\\Important")

    private static let canonical: [String: String] = {
        let names = ["\\Noselect", "\\NonExistent", "\\Noinferiors", "\\HasChildren", "\\HasNoChildren", "\\Marked",
                     "\\Unmarked", "\\Subscribed", "\\Remote", "\\All", "\\Archive", "\\Drafts", "\\Flagged",
                     "\\Junk", "\\Sent", "\\Trash", "\\Important"]
        return Dictionary(uniqueKeysWithValues: names.map { ($0.lowercased(), $0) })
    }()

    /// The folder role this special-use attribute stands for, if any.
    public var role: MailboxRole? {
        switch self {
        case .drafts: .drafts
        case .sent: .sent
        case .archive: .archive
        case .junk: .junk
        case .trash: .trash
        default: nil
        }
    }
}

// MARK: - Encoding

extension CommandBuffer {
    // use-attr = "\All" / "\Archive" / "\Drafts" / "\Flagged" / "\Junk" / "\Sent" / "\Trash" / use-attr-ext
    /// Writes a mailbox attribute (a flag-like atom).
    mutating func write(mailboxAttribute: MailboxAttribute) {
        write(bytes: Array(mailboxAttribute.name.utf8))
    }
}
