import Foundation
import IMAP
import MailCore
import Transport

/// Watching a folder: a second connection sits in IDLE (RFC 2177) on it, and whatever the
/// server reports (new mail, expunges, flag changes) triggers a quick resync on the command
/// connection, whose results reach the UI as events. A lost IDLE connection is reopened with
/// backoff (``IMAPBackendOptions/reconnectDelays``), and the folder is resynced once it is back.
extension IMAPBackend {
    /// Starts watching `folder`, replacing any earlier watch.
    public func watch(_ folder: MailboxPath) async throws {
        let (path, name) = try await resolve(folder)
        await stopWatching()
        watchedFolder = path
        watchTask = Task { await self.watchLoop(path, name: name) }
    }

    /// Stops watching and closes the IDLE connection.
    public func stopWatching() async {
        watchTask?.cancel()
        watchTask = nil
        watchedFolder = nil
        if let idle = idleConnection { await idle.close() }
        idleConnection = nil
    }

    /// Connect, EXAMINE, IDLE; on failure wait and start again, resyncing once reconnected.
    func watchLoop(_ path: MailboxPath, name: MailboxName) async {
        var attempt = 0
        var resyncAfterConnect = false
        while !Task.isCancelled && !closed {
            do {
                let idle = try await connect()
                guard !Task.isCancelled, !closed else {
                    await idle.close()
                    return
                }
                idleConnection = idle
                let listener = Task { [weak self] in
                    for await event in idle.events { await self?.idleEvent(event, folder: path) }
                }
                defer { listener.cancel() }
                _ = try await idle.select(name, readOnly: true)
                attempt = 0
                if resyncAfterConnect {
                    resyncAfterConnect = false
                    scheduleResync(path)
                }
                continuation.yield(.connection(.idle))
                if await idle.capabilities.contains(.idle) {
                    try await idle.idle()
                } else {
                    while !Task.isCancelled {
                        try await Task.sleep(for: options.pollInterval)
                        try await idle.noop()
                        scheduleResync(path)
                    }
                }
                if Task.isCancelled || closed { return }
            } catch {
                if Task.isCancelled || closed { return }
                idleConnection = nil
                let delay = options.reconnectDelays[min(attempt, options.reconnectDelays.count - 1)]
                attempt += 1
                resyncAfterConnect = true
                let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
                continuation.yield(.connection(.offline(reason: "\(failure(error))", retryIn: seconds)))
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    return
                }
            }
        }
    }

    /// What the IDLE connection reported: any change to the folder schedules a resync.
    func idleEvent(_ event: IMAPEvent, folder: MailboxPath) {
        switch event.kind {
        case .exists, .expunged, .vanished, .messageChanged:
            scheduleResync(folder)
        case .alert(let text):
            continuation.yield(.notice("\(accountName): \(text)"))
        default:
            break
        }
    }

    /// Runs one sync of `folder` soon, after any running one (changes that arrive meanwhile are
    /// folded into it).
    func scheduleResync(_ folder: MailboxPath) {
        guard !resyncPending else { return }
        resyncPending = true
        Task {
            try? await Task.sleep(for: .milliseconds(20))
            await self.runScheduledResync(folder)
        }
    }

    private func runScheduledResync(_ folder: MailboxPath) async {
        if let running = syncs[folder] { _ = try? await running.value }
        resyncPending = false
        guard !closed else { return }
        do {
            _ = try await sync(folder)
        } catch {
            continuation.yield(.error("\(error)"))
        }
    }
}
