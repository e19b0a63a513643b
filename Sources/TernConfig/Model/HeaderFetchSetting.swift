/// IMAP only: how a sync asks the server for the header of each message in the list
/// (`header_fetch` in `[accounts.NAME.imap]`).
public enum HeaderFetchSetting: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The quicker of the two on this server, measured at the start of a large first sync. The
    /// default.
    case auto
    /// Only the fields a list row needs (`BODY.PEEK[HEADER.FIELDS (...)]`): the fewest bytes, and
    /// the quickest when the server keeps those fields in its cache.
    case fields
    /// The whole header (`BODY.PEEK[HEADER]`): the quickest when the server would have to read every
    /// message file to pick the fields out (Dovecot with the fields not in its cache).
    case whole

    /// The value as written in the config.
    public var description: String { rawValue }
}
