import Foundation

/// Writing small files so that a crash leaves the old content or the new, never a mix:
/// a new file in the same folder, fsync, rename over the target, fsync of the folder.
enum AtomicFile {
    /// Writes `bytes` to `path` atomically and durably (mode 0600).
    static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.tmp-\(UInt64.random(in: 0...UInt64.max))-" + (path as NSString).lastPathComponent
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OutboxError.system("create a file", path: temporary) }
        var failure: OutboxError?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .system("write a file", path: temporary)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = .system("flush a file to disk", path: temporary) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = .system("replace a file", path: path) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        try syncDirectory(folder)
    }

    /// Flushes a folder's entries to disk (after a rename or unlink in it).
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutboxError.system("open the folder to flush it", path: path) }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw OutboxError.system("flush the folder to disk", path: path) }
    }
}
