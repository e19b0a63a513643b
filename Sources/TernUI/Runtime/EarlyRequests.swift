import Foundation
import MailCore
import MailEngine

/// Requests made before the UI was up, handed to the first effect that asks for the same thing.
///
/// A cold start of an IMAP account spends most of its time waiting for the server: the launcher
/// asks for the inbox's newest page (``MailBackend/syncNewest(_:count:)``) as soon as the account's
/// backend exists, while the terminal is set up and the cache is read, and the UI's own
/// ``Effect/syncNewest(_:count:)`` for that folder then waits for that request instead of making
/// a second one. Each request is handed out once.
public final class EarlyRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var newest: [FolderKey: Task<SyncReport, any Error>] = [:]

    /// Creates an empty set.
    public init() {}

    /// Starts the newest page of `key`'s folder on `backend` now, when nothing of it is cached.
    /// - Parameters:
    ///   - key: the folder.
    ///   - backend: its account's backend.
    ///   - count: how many of the newest messages (at least a screenful).
    public func fetchNewest(_ key: FolderKey, on backend: any MailBackend, count: Int) {
        let task = Task<SyncReport, any Error> {
            guard try await backend.count(in: key.path, filter: nil) == 0 else { return SyncReport(folder: key.path) }
            return try await backend.syncNewest(key.path, count: count)
        }
        lock.withLock { newest[key] = task }
    }

    /// The newest-page request started for `key`, if any; it is handed out once.
    public func takeNewest(_ key: FolderKey) -> Task<SyncReport, any Error>? {
        lock.withLock { newest.removeValue(forKey: key) }
    }
}
