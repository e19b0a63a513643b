import Foundation
import MailCore

/// The backend of a POP3 account: the local Maildir backend of the account's Maildir, with the
/// download in front of it. `sync(.inbox)` first downloads new mail from the server into the
/// Maildir (``POP3Downloader``), reporting `.syncProgress`, then syncs the local inbox; every other
/// request goes to the local backend unchanged (a decorator, as aerc's workers are wrapped).
///
/// The password is asked for only when a download starts (a `password_command` may prompt), and
/// again for each download, so a changed password is picked up.
public actor POP3Backend: MailBackend {
    /// The account's name.
    public nonisolated let accountName: String
    /// The local backend's events, with the download's progress and connection state added.
    public nonisolated let events: AsyncStream<BackendEvent>

    private let local: any MailBackend
    private let account: POP3Account
    private let secret: @Sendable () async throws -> String
    private let continuation: AsyncStream<BackendEvent>.Continuation
    private let forwarding: Task<Void, Never>
    private var downloading = false

    /// A POP3 backend over `local`, the backend of the account's Maildir.
    ///
    /// - Parameters:
    ///   - local: The backend of `account.maildir` (its inbox is the Maildir's root).
    ///   - account: The server and the state database.
    ///   - secret: Resolves the password (or OAuth token) when a download starts.
    public init(local: any MailBackend, account: POP3Account, secret: @escaping @Sendable () async throws -> String) {
        self.local = local
        self.account = account
        self.accountName = local.accountName
        self.secret = secret
        let (stream, continuation) = AsyncStream<BackendEvent>.makeStream()
        self.events = stream
        self.continuation = continuation
        let localEvents = local.events
        forwarding = Task {
            for await event in localEvents { continuation.yield(event) }
        }
    }

    /// What the local backend can do; it works offline too, between downloads.
    public nonisolated var capabilities: BackendCapabilities { local.capabilities }

    /// For the inbox: downloads new mail, then syncs the local inbox (its report counts the
    /// downloaded messages as added and carries the download's warnings). Other folders are
    /// local only.
    ///
    /// - Throws: The download's errors (`TransportError`, `AuthenticationFailure`, ...), after a
    ///   `.connection(.offline)` event; the local inbox is still synced first, so messages that
    ///   were downloaded before the failure show.
    public func sync(_ folder: MailboxPath) async throws -> SyncReport {
        guard folder.isInbox, !downloading else { return try await local.sync(folder) }
        downloading = true
        defer { downloading = false }
        continuation.yield(.connection(.connecting))
        let continuation = self.continuation
        let download: POP3DownloadReport
        do {
            let downloader = try account.downloader(secret: try await secret())
            download = try await downloader.run { progress in
                continuation.yield(.syncProgress(folder: .inbox, done: progress.messages, total: progress.totalMessages,
                                                 bytes: progress.bytes))
            }
        } catch {
            continuation.yield(.connection(.offline(reason: "\(error)", retryIn: nil)))
            _ = try? await local.sync(.inbox)
            throw error
        }
        continuation.yield(.connection(.local))
        var report = try await local.sync(.inbox)
        report.warnings += download.warnings
        return report
    }

    /// Closes the local backend, forwards the last of its events, and finishes ``events``.
    public func close() async {
        await local.close()
        await forwarding.value
        continuation.finish()
    }

    // MARK: - Local requests

    public func folders() async throws -> [FolderInfo] { try await local.folders() }

    public func count(in folder: MailboxPath, filter: SearchQuery?) async throws -> Int {
        try await local.count(in: folder, filter: filter)
    }

    public func summaries(in folder: MailboxPath, order: SortOrder, range: Range<Int>, filter: SearchQuery?)
        async throws -> [MessageSummary]
    {
        try await local.summaries(in: folder, order: order, range: range, filter: filter)
    }

    public func threadingRows(in folder: MailboxPath) async throws -> [ThreadingRow] {
        try await local.threadingRows(in: folder)
    }

    public func messageBytes(_ uid: UID, in folder: MailboxPath) async throws -> [UInt8] {
        try await local.messageBytes(uid, in: folder)
    }

    public func setFlags(_ change: FlagChange, on uids: [UID], in folder: MailboxPath) async throws {
        try await local.setFlags(change, on: uids, in: folder)
    }

    public func move(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        try await local.move(uids, from: folder, to: target)
    }

    public func copy(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        try await local.copy(uids, from: folder, to: target)
    }

    public func delete(_ uids: [UID], in folder: MailboxPath) async throws {
        try await local.delete(uids, in: folder)
    }

    public func expunge(_ uids: [UID], in folder: MailboxPath) async throws {
        try await local.expunge(uids, in: folder)
    }

    @discardableResult
    public func append(_ message: [UInt8], to folder: MailboxPath, flags: Set<Flag>, date: Date?) async throws -> UID? {
        try await local.append(message, to: folder, flags: flags, date: date)
    }

    public func search(_ query: SearchQuery, in folder: MailboxPath) async throws -> [UID] {
        try await local.search(query, in: folder)
    }

    public func createFolder(_ path: MailboxPath) async throws { try await local.createFolder(path) }

    public func deleteFolder(_ path: MailboxPath) async throws { try await local.deleteFolder(path) }

    public func renameFolder(_ path: MailboxPath, to newPath: MailboxPath) async throws {
        try await local.renameFolder(path, to: newPath)
    }

    public func watch(_ folder: MailboxPath) async throws { try await local.watch(folder) }
}
