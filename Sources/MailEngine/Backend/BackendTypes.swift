import Foundation
import MailCore

/// A folder as the sidebar and `tern folders` show it.
public struct FolderInfo: Sendable, Hashable, Codable {
    /// The folder's path within the account.
    public var path: MailboxPath
    /// What the folder is for, when known (SPECIAL-USE or a well-known name).
    public var role: MailboxRole?
    /// Number of messages, when known.
    public var total: Int?
    /// Number of messages without `\Seen`, when known.
    public var unread: Int?
    /// False for folders that only hold other folders (IMAP `\Noselect`).
    public var isSelectable: Bool

    /// A folder from its fields.
    public init(path: MailboxPath, role: MailboxRole? = nil, total: Int? = nil, unread: Int? = nil, isSelectable: Bool = true) {
        self.path = path
        self.role = role
        self.total = total
        self.unread = unread
        self.isSelectable = isSelectable
    }
}

/// What the message list shows of one message, from the cache.
public struct MessageSummary: Sendable, Hashable, Codable {
    /// The message's id within its folder (IMAP UID, or the cache's number for Maildir).
    public var uid: UID
    /// Header fields: subject, addresses, date, ids.
    public var envelope: Envelope
    /// Current flags.
    public var flags: Set<Flag>
    /// Size of the whole message in bytes.
    public var size: Int
    /// True when the message has at least one attachment.
    public var hasAttachments: Bool
    /// When the server or the disk received it (IMAP INTERNALDATE, Maildir file time). IMAP rows
    /// have it only when the Date header is missing or unreadable: a sync fetches it for those
    /// alone, as it stands in for the Date header only there (``sortDate``).
    public var receivedDate: Date?

    /// A summary from its fields.
    public init(uid: UID, envelope: Envelope, flags: Set<Flag>, size: Int, hasAttachments: Bool, receivedDate: Date?) {
        self.uid = uid
        self.envelope = envelope
        self.flags = flags
        self.size = size
        self.hasAttachments = hasAttachments
        self.receivedDate = receivedDate
    }

    /// The date to sort and show: the Date header, else the received date.
    public var sortDate: Date? { envelope.date ?? receivedDate }
}

/// The little a threading pass needs about one message.
public struct ThreadingRow: Sendable, Hashable {
    public var uid: UID
    public var messageID: MessageID?
    public var inReplyTo: MessageID?
    public var references: [MessageID]
    public var subject: String
    public var date: Date?

    public init(uid: UID, messageID: MessageID?, inReplyTo: MessageID?, references: [MessageID], subject: String, date: Date?) {
        self.uid = uid
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.subject = subject
        self.date = date
    }
}

/// The order of a message list page.
public struct SortOrder: Sendable, Hashable, Codable {
    /// The column sorted on.
    public enum Key: String, Sendable, Hashable, Codable, CaseIterable {
        case date, from, subject, size
    }
    public var key: Key
    /// Newest (largest) first when true.
    public var descending: Bool

    public init(key: Key, descending: Bool) {
        self.key = key
        self.descending = descending
    }

    /// Newest first, the default of the message list.
    public static let newestFirst = SortOrder(key: .date, descending: true)
}

/// A change to the flags of messages.
public enum FlagChange: Sendable, Hashable {
    /// Set these flags, keep the others.
    case add(Set<Flag>)
    /// Clear these flags, keep the others.
    case remove(Set<Flag>)
    /// Make the flags exactly these.
    case replace(Set<Flag>)

    /// The flags after applying this change to `flags`.
    public func applied(to flags: Set<Flag>) -> Set<Flag> {
        switch self {
        case .add(let added): flags.union(added)
        case .remove(let removed): flags.subtracting(removed)
        case .replace(let all): all
        }
    }
}

/// What `sync` changed in a folder.
public struct SyncReport: Sendable, Hashable, Codable {
    public var folder: MailboxPath
    /// Messages new to the cache.
    public var added: Int
    /// Messages gone from the server or disk.
    public var removed: Int
    /// Messages whose flags changed.
    public var flagsChanged: Int
    /// True when the folder's cache was dropped and rebuilt (IMAP UIDVALIDITY changed).
    public var rebuilt: Bool
    /// Non-fatal problems met on the way (a message that could not be parsed, a server without UIDL).
    public var warnings: [String]

    public init(folder: MailboxPath, added: Int = 0, removed: Int = 0, flagsChanged: Int = 0, rebuilt: Bool = false,
                warnings: [String] = []) {
        self.folder = folder
        self.added = added
        self.removed = removed
        self.flagsChanged = flagsChanged
        self.rebuilt = rebuilt
        self.warnings = warnings
    }
}
