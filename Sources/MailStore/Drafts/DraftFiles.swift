import Foundation

/// File operations of the drafts folder: durable atomic writes (temporary file, fsync, rename,
/// fsync of the folder) of private files (mode 0600) in private folders (mode 0700).
enum DraftFiles {
    /// Creates `path` and its missing parents with mode 0700.
    static func makeDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DraftStoreError(operation: "create the drafts folder", path: path, reason: "a file of that name is in the way")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw DraftStoreError(operation: "create the drafts folder", path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to `path` so that a reader sees either the old file or the whole new one,
    /// and the new one survives a crash once this returns.
    static func writeAtomically(_ bytes: [UInt8], to path: String, operation: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).tmp")
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw DraftStoreError.system(operation, path: temporary) }
        var closed = false
        defer { if !closed { close(fd); unlink(temporary) } }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw DraftStoreError.system(operation, path: temporary)
                }
                offset += n
            }
        }
        if fsync(fd) != 0 { throw DraftStoreError.system(operation, path: temporary) }
        closed = true
        if close(fd) != 0 {
            unlink(temporary)
            throw DraftStoreError.system(operation, path: temporary)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw DraftStoreError.system(operation, path: path, errno: code)
        }
        try syncDirectory(directory, operation: operation)
    }

    /// fsyncs a folder, so that a rename or removal in it is durable.
    static func syncDirectory(_ path: String, operation: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw DraftStoreError.system(operation, path: path) }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw DraftStoreError.system(operation, path: path) }
    }

    /// The bytes of `path`, or nil when it does not exist.
    static func read(_ path: String) throws -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DraftStoreError(operation: "read the draft", path: path, reason: "the file cannot be read")
        }
        return [UInt8](data)
    }

    /// The modification time of `path`, or nil.
    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
