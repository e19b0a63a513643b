import MailCore

/// A folder's row in the header cache, with the state sync needs.
public struct CacheMailbox: Sendable, Hashable {
    /// The row's id (stable while the cache lives).
    public var id: Int64
    /// The folder's path.
    public var path: MailboxPath
    /// The UIDVALIDITY the cached uids belong to (RFC 9051 §2.3.1.1); for Maildir, the time the
    /// folder was first cached, so it changes only when the cache is rebuilt.
    public var uidValidity: UInt32
    /// The next uid: the server's UIDNEXT for IMAP, the next number to give a Maildir file.
    public var uidNext: UInt32
    /// The folder's HIGHESTMODSEQ at the last sync (RFC 7162), when the server has CONDSTORE.
    public var highestModSeq: UInt64?
    /// Maildir: modification times (ns since 1970) of `new/` and `cur/` at their last complete
    /// scan, each only when old enough to be trusted (nil forces a listing of that subfolder).
    public var directoryTimes: MaildirDirectoryTimes
    /// IMAP: true once every message of the folder below ``uidNext`` is cached (false after a
    /// first sync that was interrupted, or a UIDVALIDITY change).
    public var isComplete: Bool

    /// A mailbox row from its fields.
    public init(id: Int64, path: MailboxPath, uidValidity: UInt32, uidNext: UInt32, highestModSeq: UInt64? = nil,
                directoryTimes: MaildirDirectoryTimes = MaildirDirectoryTimes(), isComplete: Bool = false) {
        self.id = id
        self.path = path
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.highestModSeq = highestModSeq
        self.directoryTimes = directoryTimes
        self.isComplete = isComplete
    }
}

/// Modification times of a Maildir folder's `new/` and `cur/` directories, in nanoseconds; nil
/// for one that must be listed at the next scan.
public struct MaildirDirectoryTimes: Sendable, Hashable {
    /// `new/`'s modification time.
    public var new: Int64?
    /// `cur/`'s modification time.
    public var cur: Int64?

    /// Times from their values (none by default).
    public init(new: Int64? = nil, cur: Int64? = nil) {
        self.new = new
        self.cur = cur
    }
}

/// Message counts of a cached folder.
public struct CacheCounts: Sendable, Hashable {
    /// Messages in the folder.
    public var total: Int
    /// Messages without `\Seen`.
    public var unread: Int

    /// Counts from their values.
    public init(total: Int, unread: Int) {
        self.total = total
        self.unread = unread
    }
}
