import Foundation
import IMAP
import MailCore
import MailStore

/// Counts of a running fetch, shared with its `@Sendable` handler.
final class FetchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var addedCount = 0
    private var announced = 0
    let total: Int?

    init(total: Int?) {
        self.total = total
    }

    /// Records a group; returns the messages done so far and whether the group should be sent
    /// as summaries (while at most `limit` were sent).
    func record(_ count: Int, added: Int, limit: Int) -> (done: Int, announce: Bool) {
        lock.withLock {
            done += count
            addedCount += added
            let announce = announced + added <= limit
            if announce { announced += added }
            return (done, announce)
        }
    }

    var added: Int { lock.withLock { addedCount } }
}

/// Flags gathered from a `@Sendable` fetch handler, by UID.
final class FlagCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var flags: [UID: Set<Flag>] = [:]

    func add(_ messages: [FetchedMessage]) {
        lock.withLock {
            for message in messages {
                if let uid = message.uid, let value = message.mailFlags { flags[uid] = value }
            }
        }
    }

    func take() -> [UID: Set<Flag>] { lock.withLock { flags } }
}

/// The chunks of a sync shared by its connections, newest first.
final class ChunkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [SequenceSet]
    private var currentItems: [FetchAttribute]
    /// False while the way of fetching the header is being timed (``decide(_:)`` sets it).
    private var decided: Bool
    /// The tasks in ``waitForDecision()``, woken by ``decide(_:)`` (or by their cancellation).
    private var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    private var lastWaiter = 0

    /// A queue of `chunks` (taken first to last) fetched with `items`; not `decided` while the
    /// header fetch is timed (the helpers wait for ``decide(_:)``).
    init(_ chunks: [SequenceSet], items: [FetchAttribute] = [], decided: Bool = true) {
        self.chunks = chunks.reversed()
        self.currentItems = items
        self.decided = decided
    }

    /// What the next chunks are fetched with.
    var items: [FetchAttribute] { lock.withLock { currentItems } }

    /// True once ``decide(_:)`` was called (or when nothing was to be decided).
    var isDecided: Bool { lock.withLock { decided } }

    /// Waits until ``isDecided`` (helpers wait while the header fetch is being timed: their own
    /// first fetches made the samples as slow as each other on a 2-core machine), or until the
    /// waiting task is cancelled (the timing failed and the sync ends).
    /// - Returns: False when cancelled before a decision.
    @discardableResult
    func waitForDecision() async -> Bool {
        let id = lock.withLock {
            lastWaiter += 1
            return lastWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Bool, Never>) in
                // Decided, or cancelled before this registration (the handler below found nothing
                // to wake then): answer at once.
                let now: Bool? = lock.withLock {
                    if decided { return true }
                    if Task.isCancelled { return false }
                    waiters[id] = waiter
                    return nil
                }
                if let now { waiter.resume(returning: now) }
            }
        } onCancel: {
            lock.withLock { waiters.removeValue(forKey: id) }?.resume(returning: false)
        }
    }

    /// Sets what the next chunks are fetched with, and wakes the helpers waiting for it: a first
    /// sync that times the two ways of fetching the header (``HeaderFetch/automatic``) decides once
    /// its samples are timed.
    func decide(_ items: [FetchAttribute]) {
        let woken = lock.withLock {
            currentItems = items
            decided = true
            defer { waiters = [:] }
            return waiters.values
        }
        for waiter in woken { waiter.resume(returning: true) }
    }

    /// The next chunk to fetch, or nil when all are taken.
    func next() -> SequenceSet? {
        lock.withLock { chunks.popLast() }
    }

    /// Puts back a chunk a connection could not finish.
    func giveBack(_ chunk: SequenceSet) { lock.withLock { chunks.append(chunk) } }

    var isEmpty: Bool { lock.withLock { chunks.isEmpty } }
}

/// Writes the rows of fetched groups to the cache on a serial queue, off the connections, so
/// the next groups are read while earlier ones are written. Rows are gathered until
/// ``minimumRows`` wait (or ``drain()`` asks for the rest) and written in one transaction: a
/// first sync of 100,000 messages in a few large transactions writes each index page a few
/// times instead of hundreds (SQLite rewrites every page a transaction touches).
/// ``submit(_:)`` waits while twice ``minimumRows`` rows are queued or being written (memory
/// stays bounded); the first error is rethrown by the next ``submit(_:)`` or ``drain()``, and
/// later writes are skipped.
final class GroupWriter<Row: Sendable>: @unchecked Sendable {
    /// The rows gathered before a write starts (unless a drain asks for them earlier).
    let minimumRows: Int
    private var maximumQueued: Int { minimumRows * 2 }
    private let queue = DispatchQueue(label: "tern.imap.sync-writer", qos: .userInitiated)
    private let lock = NSLock()
    private var pending: [[Row]] = []
    private var pendingRows = 0
    /// Rows pending or being written.
    private var queuedRows = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var scheduled = false
    private var draining = 0
    private var failure: (any Error)?
    private let group = DispatchGroup()
    private let write: @Sendable ([Row]) throws -> Void

    /// A writer whose writes run `write` (with one or more groups' rows).
    /// - Parameter minimumRows: Rows gathered before a write (1 writes every group at once).
    init(minimumRows: Int = 1, write: @escaping @Sendable ([Row]) throws -> Void) {
        self.minimumRows = max(1, minimumRows)
        self.write = write
    }

    /// Queues `rows`; waits while twice ``minimumRows`` rows are queued.
    func submit(_ rows: [Row]) async throws {
        try check()
        guard !rows.isEmpty else { return }
        while lock.withLock({ queuedRows >= maximumQueued }) {
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let now = lock.withLock {
                    if queuedRows < maximumQueued { return true }
                    waiters.append(waiter)
                    return false
                }
                if now { waiter.resume() }
            }
        }
        let start = lock.withLock {
            pending.append(rows)
            pendingRows += rows.count
            queuedRows += rows.count
            if scheduled || !isReady { return false }
            scheduled = true
            return true
        }
        if start { schedule() }
    }

    /// Whether the pending rows are to be written now. Called with the lock held.
    private var isReady: Bool {
        !pending.isEmpty && (pendingRows >= minimumRows || draining > 0)
    }

    private func schedule() {
        group.enter()
        queue.async { [self] in
            writePending()
            group.leave()
        }
    }

    /// Writes what is pending, again and again, until too little is.
    private func writePending() {
        while true {
            let (groups, skip) = lock.withLock {
                let taken = isReady ? pending : []
                if taken.isEmpty {
                    scheduled = false
                } else {
                    pending = []
                    pendingRows = 0
                }
                return (taken, failure != nil)
            }
            if groups.isEmpty { return }
            if !skip {
                do {
                    try write(groups.count == 1 ? groups[0] : Array(groups.joined()))
                } catch {
                    lock.withLock { if failure == nil { failure = error } }
                }
            }
            let written = groups.reduce(0) { $0 + $1.count }
            let woken = lock.withLock {
                queuedRows -= written
                let all = waiters
                waiters = []
                return all
            }
            for waiter in woken { waiter.resume() }
        }
    }

    /// Writes everything pending and waits until every write is done; rethrows the first
    /// failure.
    func drain() async throws {
        let start = lock.withLock {
            draining += 1
            if scheduled || pending.isEmpty { return false }
            scheduled = true
            return true
        }
        if start { schedule() }
        let group = self.group
        let queue = self.queue
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            group.notify(queue: queue) { done.resume() }
        }
        lock.withLock { draining -= 1 }
        try check()
    }

    private func check() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
