import Foundation

/// What tern remembers about one message of a POP3 server: whether it was downloaded into the
/// account's Maildir, under which name, and whether tern deleted it from the server.
///
/// A row is written in two steps so that neither a crash nor a lost connection can lose a
/// message or download it twice: `pending` (with the Maildir name chosen) before the message
/// becomes visible in `new/`, then `downloaded` once the file is durable there.
public struct POP3StateRecord: Sendable, Equatable {
    /// Where the download of the message stands.
    public enum Status: String, Sendable, Equatable {
        /// The message is being written under ``POP3StateRecord/maildirUnique``; if the process
        /// died, the Maildir says whether it got there.
        case pending
        /// The message is safe in the Maildir (fsynced and renamed into `new/`).
        case downloaded
    }

    /// The server's unique id for the message (UIDL, RFC 1939 §7): opaque data, never a path.
    public var uniqueID: String
    /// Where the download stands.
    public var status: Status
    /// The unique part of the message's Maildir file name (before any `:2,` info).
    public var maildirUnique: String
    /// The bytes written to the Maildir, once downloaded.
    public var size: Int?
    /// The size the server gave in its LIST answer, if known.
    public var serverSize: Int?
    /// When the message became safe in the Maildir.
    public var downloadedAt: Date?
    /// True once a QUIT that followed tern's DELE of the message succeeded.
    public var deletedOnServer: Bool

    /// A record from its fields.
    public init(
        uniqueID: String, status: Status, maildirUnique: String, size: Int? = nil, serverSize: Int? = nil,
        downloadedAt: Date? = nil, deletedOnServer: Bool = false
    ) {
        self.uniqueID = uniqueID
        self.status = status
        self.maildirUnique = maildirUnique
        self.size = size
        self.serverSize = serverSize
        self.downloadedAt = downloadedAt
        self.deletedOnServer = deletedOnServer
    }
}

/// A message about to be downloaded, for ``POP3StateStore/recordPending(_:)``.
public struct POP3PendingDownload: Sendable, Equatable {
    /// The server's unique id.
    public var uniqueID: String
    /// The unique part of the Maildir file name the message will get.
    public var maildirUnique: String
    /// The size from the server's LIST answer, if known.
    public var serverSize: Int?

    /// A pending download from its fields.
    public init(uniqueID: String, maildirUnique: String, serverSize: Int?) {
        self.uniqueID = uniqueID
        self.maildirUnique = maildirUnique
        self.serverSize = serverSize
    }
}
