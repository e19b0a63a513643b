import Foundation

/// An exclusive lock on one draft (flock(2) on its `lock` file), held while a composer has it
/// open, so that another tern never offers to recover a draft that is being edited. The kernel
/// releases it when the process ends, however it ends, which is what makes a draft of a killed
/// tern recoverable.
final class DraftLock: @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { release() }

    /// Takes the lock of the draft folder `directory`, or returns nil when another holder has it.
    ///
    /// - Throws: ``DraftStoreError`` when the lock file cannot be opened.
    static func acquire(directory: String) throws -> DraftLock? {
        let path = (directory as NSString).appendingPathComponent("lock")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw DraftStoreError.system("lock the draft", path: path) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK { return nil }
            throw DraftStoreError.system("lock the draft", path: path, errno: code)
        }
        return DraftLock(fd: fd)
    }

    /// True when someone holds the lock of `directory` (tries to take it and gives it back).
    static func isHeld(directory: String) -> Bool {
        do {
            guard let lock = try acquire(directory: directory) else { return true }
            lock.release()
            return false
        } catch {
            return false
        }
    }

    /// Gives the lock back (closing the file).
    func release() {
        lock.withLock {
            if fd >= 0 {
                close(fd)
                fd = -1
            }
        }
    }
}
