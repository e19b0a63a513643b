import Foundation
import MailCore

/// A folder the user chose to save attachments into, opened once: every file is created directly
/// inside it with `openat(folder, name, O_CREAT|O_EXCL|O_NOFOLLOW)` on a safe base name
/// (``SafeFileName``), so nothing is ever written outside it, whatever the names in the message or
/// the symbolic links someone planted in the folder, and nothing is replaced unless asked.
///
/// The folder's own path is followed as the user typed it (a `~/Downloads` that is a link to
/// another disk is fine); only what is inside it is never followed.
public final class AttachmentFolder {
    /// The folder's path as given.
    public let path: String
    private let fd: Int32
    /// Names written through this value, so two attachments with one name both survive.
    private var used = Set<String>()
    /// The size of each write; also how often progress is reported.
    public static let chunkSize = 1 << 20

    /// Opens (and, with `create`, first makes) the folder.
    ///
    /// - Parameters:
    ///   - path: the folder.
    ///   - create: make it (and its parents) when missing.
    /// - Throws: ``AttachmentSaveError`` when it is missing, not a folder, or cannot be opened.
    public init(path: String, create: Bool = false) throws {
        guard !path.isEmpty else { throw AttachmentSaveError(.emptyPath, path: path) }
        self.path = path
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT, create else {
                throw errno == ENOENT ? AttachmentSaveError(.folderMissing, path: path)
                    : AttachmentSaveError.system("open the folder", path: path)
            }
            let code = Self.makeDirectories(path)
            guard code == 0 else { throw AttachmentSaveError.system("create the folder", path: path, errno: code) }
        } else if (info.st_mode & S_IFMT) != S_IFDIR {
            throw AttachmentSaveError(.notAFolder, path: path)
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AttachmentSaveError.system("open the folder", path: path) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// True when the folder holds an entry called `name` (a file, a folder or a link, dangling or not).
    public func contains(_ name: String) -> Bool {
        guard Self.isBaseName(name) else { return false }
        var info = stat()
        return fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0
    }

    /// The full path of `name` in the folder.
    public func fullPath(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// Saves `bytes` in a new file.
    ///
    /// - Parameters:
    ///   - bytes: the decoded attachment.
    ///   - proposedName: the name from the message or typed by the user; it is made safe here
    ///     (``SafeFileName/make(_:mimeType:)``: base name only, controls replaced, no leading dot or
    ///     dash, never empty), whoever supplied it.
    ///   - mimeType: the part's type, for the extension of a generated name.
    ///   - collision: what to do when the name is taken. A name this value wrote before is always
    ///     treated as with ``SaveCollision/rename``.
    ///   - progress: called after each chunk with (bytes written, total).
    /// - Returns: what was written where.
    /// - Throws: ``AttachmentSaveError``; a partly written file is removed.
    @discardableResult
    public func save(_ bytes: some Collection<UInt8>, proposedName: String?, mimeType: String = "application/octet-stream",
                     collision: SaveCollision = .rename,
                     progress: ((Int, Int) -> Void)? = nil) throws -> SavedAttachment {
        let base = SafeFileName.make(proposedName, mimeType: mimeType)
        let data = bytes.withContiguousStorageIfAvailable { Array($0) } ?? Array(bytes)
        switch collision {
        case .overwrite where !used.contains(base):
            // A name written earlier through this folder is never replaced: two attachments
            // called alike both survive.
            return try replace(base, with: data, progress: progress)
        case .fail:
            if used.contains(base) || contains(base) { throw AttachmentSaveError(.exists(name: base), path: path) }
            guard let saved = try create(base, data, progress: progress) else {
                throw AttachmentSaveError(.exists(name: base), path: path)
            }
            return saved
        case .rename, .overwrite:
            var n = 0
            while n < 100_000 {
                let name = n == 0 ? base : SafeFileName.numbered(base, n)
                n += 1
                if used.contains(name) { continue }
                if let saved = try create(name, data, progress: progress) {
                    return SavedAttachment(path: saved.path, name: saved.name, byteCount: saved.byteCount, renamed: n > 1)
                }
            }
            throw AttachmentSaveError.system("find a free name for \(base)", path: path, errno: EEXIST)
        }
    }

    /// Creates `name` with O_EXCL|O_NOFOLLOW and writes it; nil when the name is taken.
    private func create(_ name: String, _ data: [UInt8], progress: ((Int, Int) -> Void)?) throws -> SavedAttachment? {
        let file = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if file < 0 {
            let code = errno
            if code == EEXIST || code == EISDIR || code == ELOOP || code == ENOTDIR { return nil }
            throw AttachmentSaveError.system("create \(name)", path: path, errno: code)
        }
        do {
            try write(file, data, name: name, progress: progress)
        } catch {
            close(file)
            unlinkat(fd, name, 0)
            throw error
        }
        close(file)
        used.insert(name)
        return SavedAttachment(path: fullPath(name), name: name, byteCount: data.count, renamed: false)
    }

    /// Writes a private temporary file in the folder, then renames it over `name` (atomically: the
    /// old file stays whole until the new one is complete). A link called `name` is replaced, not
    /// followed; a folder called `name` is refused.
    private func replace(_ name: String, with data: [UInt8], progress: ((Int, Int) -> Void)?) throws -> SavedAttachment {
        var info = stat()
        if fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw AttachmentSaveError(.nameIsAFolder(name: name), path: path)
        }
        var temporary = ""
        var file: Int32 = -1
        for _ in 0..<100 {
            temporary = ".tern-save-\(UInt32.random(in: 0...UInt32.max))"
            file = openat(fd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if file >= 0 || errno != EEXIST { break }
        }
        guard file >= 0 else { throw AttachmentSaveError.system("create a temporary file for \(name)", path: path) }
        do {
            try write(file, data, name: name, progress: progress)
            close(file)
            file = -1
            guard renameat(fd, temporary, fd, name) == 0 else {
                throw AttachmentSaveError.system("replace \(name)", path: path)
            }
        } catch {
            if file >= 0 { close(file) }
            unlinkat(fd, temporary, 0)
            throw error
        }
        used.insert(name)
        return SavedAttachment(path: fullPath(name), name: name, byteCount: data.count, renamed: false)
    }

    private func write(_ file: Int32, _ data: [UInt8], name: String, progress: ((Int, Int) -> Void)?) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            let total = raw.count
            progress?(0, total)
            while offset < total {
                let length = min(Self.chunkSize, total - offset)
                let n = Self.systemWrite(file, raw.baseAddress! + offset, length)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw AttachmentSaveError.system("write \(name)", path: path)
                }
                offset += n
                progress?(offset, total)
            }
        }
    }

    /// `mkdir -p`: 0, or the `errno` of the first `mkdir` that failed other than with EEXIST.
    static func makeDirectories(_ path: String) -> Int32 {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST { return errno }
            prefix += "/"
        }
        return 0
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Darwin.write(fd, buffer, count)
        #endif
    }

    /// True for a name that is one path component (not empty, no `/`, not `.` or `..`).
    static func isBaseName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".." && !name.utf8.contains(0)
    }
}

/// An attachment written to disk.
public struct SavedAttachment: Sendable, Hashable {
    /// The file's full path.
    public var path: String
    /// The file's name in its folder.
    public var name: String
    /// The number of bytes written.
    public var byteCount: Int
    /// True when the name was taken and a numbered one (`name (1).pdf`) was used.
    public var renamed: Bool

    /// A saved attachment.
    public init(path: String, name: String, byteCount: Int, renamed: Bool) {
        self.path = path
        self.name = name
        self.byteCount = byteCount
        self.renamed = renamed
    }
}
