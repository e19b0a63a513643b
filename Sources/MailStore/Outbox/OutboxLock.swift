import Foundation

/// An exclusive lock on an outbox (`flock` on its `.lock` file), held while messages are sent
/// from it, so that two tern processes never submit the same message. Released when the value
/// is dropped or ``release()`` is called.
public final class OutboxLock: @unchecked Sendable {
    private let lock = NSLock()
    private var fileDescriptor: Int32

    private init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// Takes the lock on `path`, waiting up to `wait` for another holder to let go (polling, so
    /// no thread is blocked meanwhile).
    ///
    /// - Throws: ``OutboxError/busy(path:)`` when the lock is still held after `wait`;
    ///   ``OutboxError/system(operation:path:code:)`` when the file cannot be opened.
    static func acquire(path: String, wait: Duration) async throws -> OutboxLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OutboxError.system("open the outbox lock", path: path) }
        let deadline = ContinuousClock.now + wait
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                close(fd)
                throw OutboxError.busy(path: path)
            }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return OutboxLock(fileDescriptor: fd)
    }

    deinit {
        release()
    }

    /// Lets go of the lock (once; later calls do nothing).
    public func release() {
        lock.withLock {
            guard fileDescriptor >= 0 else { return }
            flock(fileDescriptor, LOCK_UN)
            close(fileDescriptor)
            fileDescriptor = -1
        }
    }
}
