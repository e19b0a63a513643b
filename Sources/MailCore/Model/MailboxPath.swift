/// The name of a folder within an account, as a list of components (`["Archive", "2024"]`).
///
/// Components are Unicode strings; each backend maps them to its own spelling (IMAP's modified
/// UTF-7 and hierarchy delimiter, Maildir++'s `.Archive.2024`).
public struct MailboxPath: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The components from the top of the hierarchy down.
    public var components: [String]

    /// A path from its components.
    public init(_ components: [String]) {
        self.components = components
    }

    /// A path from a display name whose components are separated by `separator` (default `/`).
    public init(_ name: String, separator: Character = "/") {
        self.components = name.split(separator: separator, omittingEmptySubsequences: true).map(String.init)
    }

    /// The inbox, which every account has.
    public static let inbox = MailboxPath(["INBOX"])

    /// True for the inbox (compared case-insensitively, as IMAP does).
    public var isInbox: Bool { components.count == 1 && components[0].uppercased() == "INBOX" }

    /// The last component, shown in the sidebar.
    public var leaf: String { components.last ?? "" }

    /// The path joined with `/`.
    public var description: String { components.joined(separator: "/") }

    public static func < (lhs: MailboxPath, rhs: MailboxPath) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}

/// What a folder is for, from IMAP SPECIAL-USE (RFC 6154) or a well-known name.
public enum MailboxRole: String, Sendable, CaseIterable, Codable {
    case inbox, drafts, sent, archive, junk, trash

    /// The order in which the sidebar shows roles: Inbox, Drafts, Sent, Archive, Junk, Trash.
    public var sortOrder: Int { Self.allCases.firstIndex(of: self)! }
}
