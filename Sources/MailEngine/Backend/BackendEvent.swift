import Foundation
import MailCore

/// What a backend tells the UI, as it happens. The UI applies each event to its state on its own
/// thread; nothing here waits for the UI.
public enum BackendEvent: Sendable {
    /// The connection state changed.
    case connection(ConnectionState)
    /// Progress of a long task (a sync, a download): `done` of `total` units (messages), with bytes
    /// when known.
    case syncProgress(folder: MailboxPath, done: Int, total: Int, bytes: Int?)
    /// A sync finished.
    case syncFinished(SyncReport)
    /// Messages appeared in a folder (new mail, or a sync brought them).
    case messagesAdded(folder: MailboxPath, [MessageSummary])
    /// Messages disappeared from a folder.
    case messagesRemoved(folder: MailboxPath, [UID])
    /// Flags of messages changed (by tern or by another client).
    case flagsChanged(folder: MailboxPath, [(UID, Set<Flag>)])
    /// Counts of a folder changed.
    case folderCounts(FolderInfo)
    /// The folder list changed.
    case foldersChanged([FolderInfo])
    /// Something failed in the background; the message is for the user (never holds a secret).
    case error(String)
    /// An informational note for the status line (e.g. the server's [ALERT]).
    case notice(String)
}

/// The state of a backend's connection, for the status line.
public enum ConnectionState: Sendable, Hashable {
    /// Local backends are always here.
    case local
    case connecting
    case connected
    /// Waiting for changes (IMAP IDLE).
    case idle
    /// Not connected; `retryIn` seconds until the next attempt, when one is planned.
    case offline(reason: String, retryIn: TimeInterval?)
}
