import MailCore

/// What a Maildir scan changed in the header cache.
public struct MaildirSyncResult: Sendable, Hashable {
    /// Uids given to files new to the cache, ascending.
    public var added: [UID] = []
    /// Uids of cached messages whose files are gone.
    public var removed: [UID] = []
    /// Messages whose flags changed (renamed by another program), with their new flags.
    public var flagsChanged: [UID: Set<Flag>] = [:]
    /// True when neither `new/` nor `cur/` changed since the last complete scan, so no directory
    /// was listed.
    public var unchanged = false
    /// Files that could not be read (they stay out of the cache until they can be).
    public var warnings: [String] = []
    /// True when the folder's cache was started afresh.
    public var rebuilt = false

    /// An empty result.
    public init() {}

    /// True when the scan changed nothing in the cache.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && flagsChanged.isEmpty }
}
