import Foundation
import MailCore

/// One account's mail, whatever holds it: an IMAP server, a POP3 download into a local Maildir, or a
/// plain Maildir. The UI and the command line talk to accounts only through this protocol (meli's
/// `MailBackend`, aerc's workers): they see `MailboxPath`, `UID`, `Envelope`, `Flag` and
/// `BackendEvent`, never a protocol type.
///
/// Conforming types are actors (one per account). Reads of the local cache (`count`, `summaries`)
/// never touch the network and answer at once, so the UI can draw a folder before any sync;
/// `sync` and the changes talk to the server and report progress and results as `BackendEvent`s.
/// Optional capabilities have default implementations that throw `BackendError.unsupported`.
public protocol MailBackend: Actor {
    /// The account's name in the config (`[accounts.NAME]`).
    nonisolated var accountName: String { get }

    /// What this backend can do beyond the basics.
    nonisolated var capabilities: BackendCapabilities { get }

    /// Events for the UI: progress, new mail, flag changes, errors, connection state. One stream per
    /// backend, finished when the backend is closed.
    nonisolated var events: AsyncStream<BackendEvent> { get }

    /// The account's folders with roles and counts (from the cache when offline).
    func folders() async throws -> [FolderInfo]

    /// How many messages the local cache holds for `folder`, optionally limited by `filter`.
    func count(in folder: MailboxPath, filter: SearchQuery?) async throws -> Int

    /// A page of message summaries from the local cache, in `order`, without network access.
    /// - Parameters:
    ///   - range: Positions in that order (0 is the first row); out-of-range positions are ignored.
    ///   - filter: Only messages matching it (nil for all).
    func summaries(in folder: MailboxPath, order: SortOrder, range: Range<Int>, filter: SearchQuery?) async throws
        -> [MessageSummary]

    /// The threading data of every cached message of `folder` (small rows, for JWZ threading).
    func threadingRows(in folder: MailboxPath) async throws -> [ThreadingRow]

    /// Brings the cache of `folder` up to date with the server or the disk and says what changed.
    /// Emits `.syncProgress` events while it works.
    func sync(_ folder: MailboxPath) async throws -> SyncReport

    /// Makes at least the newest `count` messages of `folder` current in the cache, as quickly
    /// as possible: a command that shows one page need not wait for a first sync of the whole
    /// folder. Where the cache is complete this is ``sync(_:)``; otherwise a backend may fetch
    /// just the newest messages and leave the rest to a later ``sync(_:)`` (the default syncs
    /// everything).
    func syncNewest(_ folder: MailboxPath, count: Int) async throws -> SyncReport

    /// The complete bytes of a message (fetched and cached on first use).
    func messageBytes(_ uid: UID, in folder: MailboxPath) async throws -> [UInt8]

    /// Adds, removes or replaces flags on messages.
    func setFlags(_ change: FlagChange, on uids: [UID], in folder: MailboxPath) async throws

    /// Moves messages to another folder of the same account.
    func move(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws

    /// Copies messages to another folder of the same account.
    func copy(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws

    /// Deletes messages: moves them to Trash, or removes them for good when `folder` is the Trash
    /// (or the account has none).
    func delete(_ uids: [UID], in folder: MailboxPath) async throws

    /// Removes messages for good, without going through the Trash (IMAP `\Deleted` and
    /// `UID EXPUNGE`; a Maildir file is unlinked).
    func expunge(_ uids: [UID], in folder: MailboxPath) async throws

    /// Stores a complete message in a folder (a Sent copy, a draft) with flags and a date.
    /// - Returns: its UID when the backend knows it at once.
    @discardableResult
    func append(_ message: [UInt8], to folder: MailboxPath, flags: Set<Flag>, date: Date?) async throws -> UID?

    /// Messages of `folder` matching `query`, searching bodies where the backend can (server SEARCH
    /// for IMAP, the local index otherwise).
    func search(_ query: SearchQuery, in folder: MailboxPath) async throws -> [UID]

    /// Creates a folder.
    func createFolder(_ path: MailboxPath) async throws

    /// Deletes an empty folder.
    func deleteFolder(_ path: MailboxPath) async throws

    /// Renames a folder.
    func renameFolder(_ path: MailboxPath, to newPath: MailboxPath) async throws

    /// Starts watching `folder` for changes made elsewhere (IMAP IDLE, Maildir polling); changes
    /// arrive as events. Watching another folder stops the previous watch.
    func watch(_ folder: MailboxPath) async throws

    /// Closes connections and finishes the event stream.
    func close() async
}

extension MailBackend {
    public func syncNewest(_ folder: MailboxPath, count: Int) async throws -> SyncReport {
        try await sync(folder)
    }

    public func search(_ query: SearchQuery, in folder: MailboxPath) async throws -> [UID] {
        throw BackendError.unsupported("search", account: accountName)
    }

    public func createFolder(_ path: MailboxPath) async throws {
        throw BackendError.unsupported("creating folders", account: accountName)
    }

    public func deleteFolder(_ path: MailboxPath) async throws {
        throw BackendError.unsupported("deleting folders", account: accountName)
    }

    public func renameFolder(_ path: MailboxPath, to newPath: MailboxPath) async throws {
        throw BackendError.unsupported("renaming folders", account: accountName)
    }

    public func watch(_ folder: MailboxPath) async throws {
        throw BackendError.unsupported("watching for new mail", account: accountName)
    }

    public func copy(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        throw BackendError.unsupported("copying messages", account: accountName)
    }

    public func expunge(_ uids: [UID], in folder: MailboxPath) async throws {
        throw BackendError.unsupported("removing messages for good", account: accountName)
    }
}

/// What a backend can do beyond the basics, so the UI can offer only what works.
public struct BackendCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Searches message bodies (server-side or indexed).
    public static let bodySearch = BackendCapabilities(rawValue: 1 << 0)
    /// Creates, deletes and renames folders.
    public static let folderManagement = BackendCapabilities(rawValue: 1 << 1)
    /// Pushes changes while a folder is watched (IMAP IDLE, file notifications).
    public static let push = BackendCapabilities(rawValue: 1 << 2)
    /// Works without a network (local Maildir).
    public static let offline = BackendCapabilities(rawValue: 1 << 3)
    /// Copies messages between folders.
    public static let copy = BackendCapabilities(rawValue: 1 << 4)
    /// Keeps the messages it fetched on this machine (IMAP with a body cache): reading one ahead
    /// makes opening it immediate. A local Maildir has nothing to gain from that, nor an IMAP
    /// account whose body cache is off (`body_cache_mb = 0`): it would download the message again.
    public static let bodyCache = BackendCapabilities(rawValue: 1 << 5)
}
