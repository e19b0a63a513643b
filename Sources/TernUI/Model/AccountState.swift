import Foundation
import MailCore
import MailEngine
import TernConfig

/// Progress of a sync, for the status line.
public struct SyncProgress: Hashable, Sendable {
    /// The folder being synced.
    public var folder: MailboxPath
    /// Messages done.
    public var done: Int
    /// Messages in all.
    public var total: Int
}

/// What the UI knows of one account: its folders and counts, its connection, its background work.
public struct AccountState: Sendable {
    /// The account's name.
    public let name: String
    /// Folder names the config gives special roles (`[accounts.NAME.folders]`).
    public var roleOverrides: [FolderRole: String]
    /// The folders, as the backend last listed them.
    public var folders: [FolderInfo] = []
    /// Whether the folder list has arrived.
    public var foldersLoaded = false
    /// The backend's connection.
    public var connection: ConnectionState = .local
    /// The sync in progress, if any.
    public var sync: SyncProgress?
    /// Messages waiting in the outbox, when the account reports them.
    public var outboxQueued = 0
    /// Syncing the inbox downloads mail from a server (POP3).
    public var downloadsMail: Bool
    /// A folder with nothing cached gets its newest page first (IMAP; see
    /// ``UIConfiguration/AccountEntry/fetchesNewestFirst``).
    public var fetchesNewestFirst: Bool
    /// The folder list is asked for once the first folder opened has something to show (so that
    /// LIST does not hold the connection before the first page).
    public var folderLoadDeferred = false

    /// Creates the state of an account whose folders are not known yet.
    public init(name: String, roleOverrides: [FolderRole: String] = [:], downloadsMail: Bool = false,
                fetchesNewestFirst: Bool = false) {
        self.name = name
        self.roleOverrides = roleOverrides
        self.downloadsMail = downloadsMail
        self.fetchesNewestFirst = fetchesNewestFirst
    }

    /// The role of `path`: the config's override, else what the backend said, else INBOX by name.
    public func role(of path: MailboxPath) -> MailboxRole? {
        for (role, name) in roleOverrides where MailboxPath(name) == path {
            return MailboxRole(rawValue: role.rawValue)
        }
        if let info = folders.first(where: { $0.path == path }), let role = info.role { return role }
        return path.isInbox ? .inbox : nil
    }

    /// The folder that has `role`: the config's override, else the backend's.
    public func folder(withRole role: MailboxRole) -> MailboxPath? {
        if let configRole = FolderRole(rawValue: role.rawValue), let name = roleOverrides[configRole] {
            return MailboxPath(name)
        }
        if let info = folders.first(where: { $0.role == role }) { return info.path }
        return role == .inbox ? .inbox : nil
    }

    /// Replaces the counts of one folder (or adds the folder).
    public mutating func update(_ info: FolderInfo) {
        if let i = folders.firstIndex(where: { $0.path == info.path }) {
            var merged = info
            if merged.role == nil { merged.role = folders[i].role }
            folders[i] = merged
        } else {
            folders.append(info)
        }
    }
}
