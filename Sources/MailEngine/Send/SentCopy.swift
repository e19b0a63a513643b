import Foundation
import MailCore
import MailStore

/// Where the copy of a sent message goes: the account's Sent folder. The send pipeline calls it
/// only after the server accepted the message, and retries it later when it fails.
public protocol SentCopyStore: Sendable {
    /// Stores `message` (seen) as sent at `date`.
    ///
    /// - Throws: ``SentCopyWaiting`` when the copy cannot be made yet for a reason that is not an
    ///   error (the account's backend is not available); any other error is retried later.
    func storeSentCopy(_ message: [UInt8], date: Date) async throws
}

/// The Sent copy cannot be made yet; the message stays in the outbox, marked sent, until it can.
public struct SentCopyWaiting: Error, Sendable, CustomStringConvertible {
    /// Why, for the user (`Sent copy waits for IMAP support`).
    public var reason: String

    /// A reason to wait.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}

/// The Sent copy as a file in a local Maildir folder (POP3 and Maildir accounts).
public struct MaildirSentCopy: SentCopyStore {
    /// The account's Maildir tree.
    public let store: MaildirStore
    /// The Sent folder in it.
    public let folder: MailboxPath

    /// A Sent copy into `folder` of the tree rooted at `root`.
    public init(root: URL, folder: MailboxPath) {
        self.store = MaildirStore(root: root)
        self.folder = folder
    }

    /// Writes the message into the folder (created when missing), flagged seen, dated `date`.
    public func storeSentCopy(_ message: [UInt8], date: Date) async throws {
        let maildir = try store.create(folder)
        try maildir.deliver(message, flags: [.seen], date: date)
    }
}

/// The Sent copy through the account's backend (`append`, an IMAP APPEND for IMAP accounts): into
/// the folder with the Sent role (IMAP SPECIAL-USE), else the configured or common name.
public struct BackendSentCopy: SentCopyStore {
    /// The account's backend.
    public let backend: any MailBackend
    /// The `folders.sent` name from the config, if any; it wins over discovery.
    public let configuredFolder: String?

    /// A Sent copy through `backend`.
    public init(backend: any MailBackend, configuredFolder: String?) {
        self.backend = backend
        self.configuredFolder = configuredFolder
    }

    /// Finds the Sent folder and appends the message there, flagged seen.
    public func storeSentCopy(_ message: [UInt8], date: Date) async throws {
        let folder: MailboxPath
        if let configuredFolder {
            folder = MailboxPath(configuredFolder)
        } else {
            let folders = try await backend.folders()
            folder = folders.first { $0.role == .sent }?.path
                ?? folders.first { $0.path.leaf.lowercased() == "sent" }?.path
                ?? MailboxPath("Sent")
        }
        try await backend.append(message, to: folder, flags: [.seen], date: date)
    }
}

/// A Sent copy that cannot be made yet: every attempt says why and the message waits.
public struct UnavailableSentCopy: SentCopyStore {
    /// Why.
    public let reason: String

    /// A store that waits for `reason`.
    public init(reason: String) {
        self.reason = reason
    }

    /// Always throws ``SentCopyWaiting``.
    public func storeSentCopy(_ message: [UInt8], date: Date) async throws {
        throw SentCopyWaiting(reason)
    }
}

/// A Sent copy done by a closure (tests, and backends wired by the caller).
public struct ClosureSentCopy: SentCopyStore {
    private let body: @Sendable ([UInt8], Date) async throws -> Void

    /// A store that runs `body`.
    public init(_ body: @escaping @Sendable ([UInt8], Date) async throws -> Void) {
        self.body = body
    }

    /// Runs the closure.
    public func storeSentCopy(_ message: [UInt8], date: Date) async throws {
        try await body(message, date)
    }
}
