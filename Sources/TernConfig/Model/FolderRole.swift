/// A special folder's role (RFC 6154 SPECIAL-USE), for `[accounts.NAME.folders]` overrides.
public enum FolderRole: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The incoming mail folder (always INBOX on IMAP).
    case inbox
    /// Where copies of sent mail go (\Sent).
    case sent
    /// Where postponed messages go (\Drafts).
    case drafts
    /// Where deleted messages go, if the account moves them instead of expunging (\Trash).
    case trash
    /// Spam (\Junk).
    case junk
    /// Where the archive command files messages (\Archive).
    case archive

    /// The role as written in the config file.
    public var description: String { rawValue }
}
