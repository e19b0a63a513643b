import Foundation

/// An exclusive lock on an account's downloads, so two tern processes (a sync from cron and
/// the mail client, say) never download the same messages at the same time: each would store
/// its own copy. The lock is an `flock` on a file beside the state database, released by
/// ``release()``, by deinit, or by the system when the process ends (so a crash leaves no stale
/// lock behind).
public final class POP3DownloadLock: @unchecked Sendable {
    // The descriptor is only touched under `lock`.
    private let lock = NSLock()
    private var descriptor: Int32

    /// The lock file.
    public let path: String

    /// Takes the lock of the state database at `statePath`, waiting up to `wait` for it.
    ///
    /// The short wait matters: a lock just released can stay held for a moment by a child
    /// process that another thread is starting (between fork and exec it holds a copy of every
    /// descriptor, this one too), and a second sync right after the first must not fail then.
    ///
    /// - Parameters:
    ///   - statePath: The state database; the lock file is beside it (`.lock` added).
    ///   - wait: How long to try before giving up (another process downloading).
    /// - Throws: ``POP3StateError`` `.busy` when another process holds it, `.cannotOpen` when the
    ///   lock file cannot be created.
    public init(statePath: String, wait: Duration = .seconds(2)) throws {
        path = statePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw POP3StateError(.cannotOpen, operation: "create its lock file", path: statePath,
                                 reason: String(cString: strerror(errno)))
        }
        let deadline = ContinuousClock.now + wait
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK && ContinuousClock.now < deadline {
                usleep(20_000)
                continue
            }
            close(descriptor)
            descriptor = -1
            if code == EWOULDBLOCK {
                throw POP3StateError(.busy, operation: "start a download", path: statePath,
                                     reason: "another tern process is downloading this account's mail")
            }
            throw POP3StateError(.cannotOpen, operation: "lock it", path: statePath, reason: String(cString: strerror(code)))
        }
    }

    deinit {
        release()
    }

    /// Releases the lock (again is harmless).
    public func release() {
        lock.withLock {
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }
    }
}
