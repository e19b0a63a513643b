import Foundation
import MailCore
import MailStore

extension MaildirBackend {
    /// Watches `folder` (and the inbox) by polling their directory times every `pollInterval`;
    /// changes made by other programs arrive as events. Watching another folder replaces the watch.
    public func watch(_ folder: MailboxPath) async throws {
        let (path, _) = try resolve(folder)
        watchTask?.cancel()
        let interval = pollInterval
        watchTask = Task { [weak self] in
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                await self?.poll(path)
            }
        }
    }

    /// One look at the watched folders: a sync that reads nothing when nothing changed. A failure
    /// is reported once (not at every poll) until the folder can be read again.
    func poll(_ path: MailboxPath) async {
        do {
            try await syncFolder(path, force: false)
            if !path.isInbox { try await syncFolder(.inbox, force: false) }
            lastWatchError = nil
        } catch {
            let text = "\(error)"
            if text != lastWatchError { continuation.yield(.error(text)) }
            lastWatchError = text
        }
    }

    /// Stops watching.
    public func stopWatching() {
        watchTask?.cancel()
        watchTask = nil
    }
}
