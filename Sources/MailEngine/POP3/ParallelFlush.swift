import Foundation
import MailStore

/// Flushes many Maildir deliveries to disk at once, from several threads.
///
/// One fsync costs a journal commit (about 5 ms on an ordinary disk), so flushing a batch of
/// downloaded messages one after the other would cap a download near 200 messages a second.
/// File systems such as ext4 and XFS group concurrent fsyncs into one commit, so a handful of
/// threads flushing together costs little more than one fsync. The work runs on threads of its
/// own, not on the caller's task's thread, since fsync blocks.
enum ParallelFlush {
    /// How many fsyncs run at the same time.
    static let width = 16

    /// Calls `flushToDisk()` on every delivery and returns when all are done.
    ///
    /// - Throws: The first `MaildirError` any of them threw (the others were still flushed).
    static func flush(_ deliveries: [MaildirDelivery]) async throws {
        guard !deliveries.isEmpty else { return }
        let work = FlushWork(deliveries)
        let lanes = min(width, deliveries.count)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            work.onFinish = { error in
                if let error { continuation.resume(throwing: error) } else { continuation.resume() }
            }
            work.start(lanes: lanes)
        }
    }
}

/// The deliveries of one ``ParallelFlush/flush(_:)`` call, shared by its threads.
///
/// Each delivery is flushed by exactly one thread (lane `k` takes every `lanes`-th one), and
/// nothing else touches them until the call returns, so no delivery is used by two threads.
private final class FlushWork: @unchecked Sendable {
    private let deliveries: [MaildirDelivery]
    private let lock = NSLock()
    private var running = 0
    private var firstError: (any Error)?
    var onFinish: (((any Error)?) -> Void)?

    init(_ deliveries: [MaildirDelivery]) {
        self.deliveries = deliveries
    }

    func start(lanes: Int) {
        running = lanes
        for lane in 0..<lanes {
            let thread = Thread { [self] in run(lane: lane, lanes: lanes) }
            thread.name = "tern-fsync-\(lane)"
            thread.start()
        }
    }

    private func run(lane: Int, lanes: Int) {
        var index = lane
        while index < deliveries.count {
            do {
                try deliveries[index].flushToDisk()
            } catch {
                lock.withLock { if firstError == nil { firstError = error } }
            }
            index += lanes
        }
        let (last, error) = lock.withLock { () -> (Bool, (any Error)?) in
            running -= 1
            return (running == 0, firstError)
        }
        if last { onFinish?(error) }
    }
}
