import Foundation

/// The first bytes of a message file: at least its whole header section (up to a limit), and the
/// whole file when it is small.
public struct HeaderChunk: Sendable {
    /// The bytes read, from the start of the file.
    public var bytes: [UInt8]
    /// Where the body starts in ``bytes`` (just after the empty line), or nil when the header
    /// section did not end within the bytes read.
    public var bodyStart: Int?
    /// The file's size when it was opened.
    public var fileSize: Int
    /// The file's modification time (a Maildir's received date).
    public var modified: Date?

    /// A chunk from its fields.
    public init(bytes: [UInt8], bodyStart: Int?, fileSize: Int, modified: Date?) {
        self.bytes = bytes
        self.bodyStart = bodyStart
        self.fileSize = fileSize
        self.modified = modified
    }

    /// True when ``bytes`` is the whole file.
    public var isComplete: Bool { bytes.count >= fileSize }
}

/// How message files are read: the header section only (scans) or whole (opening a message).
/// Injectable, so tests can count what a scan reads.
public struct MessageFileReader: Sendable {
    /// Reads the start of the file at a path, enough for its header section.
    public var readHeader: @Sendable (String) throws -> HeaderChunk
    /// Reads the whole file at a path.
    public var readAll: @Sendable (String) throws -> [UInt8]

    /// A reader from its two functions.
    public init(readHeader: @escaping @Sendable (String) throws -> HeaderChunk,
                readAll: @escaping @Sendable (String) throws -> [UInt8]) {
        self.readHeader = readHeader
        self.readAll = readAll
    }

    /// The reader of the file system: one `pread` of `chunkSize` bytes (16 KiB), more only while
    /// the header section has not ended, never more than `headerLimit` (1 MiB) for a scan.
    public static func system(chunkSize: Int = 16 * 1024, headerLimit: Int = 1024 * 1024) -> MessageFileReader {
        MessageFileReader(
            readHeader: { try FileBytes.readHeader(path: $0, chunkSize: chunkSize, limit: headerLimit) },
            readAll: { try FileBytes.readAll(path: $0) })
    }

    /// The system reader with the default sizes.
    public static let standard = MessageFileReader.system()
}

/// File reading with plain system calls.
enum FileBytes {
    static func readHeader(path: String, chunkSize: Int, limit: Int) throws -> HeaderChunk {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw MaildirError.system("open a message", path: path) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw MaildirError.system("read the size of a message", path: path) }
        let size = Int(info.st_size)
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        var want = min(max(size, 1), chunkSize)
        var bytes: [UInt8] = []
        var bodyStart: Int?
        var searchFrom = 0
        while true {
            let have = bytes.count
            try readMore(fd, into: &bytes, upTo: want, path: path)
            bodyStart = headerEnd(bytes, from: max(0, searchFrom))
            searchFrom = max(0, bytes.count - 3)
            if bodyStart != nil || bytes.count == have || bytes.count >= size || bytes.count >= limit { break }
            want = min(want * 2, limit)
        }
        return HeaderChunk(bytes: bytes, bodyStart: bodyStart, fileSize: size, modified: modified)
    }

    static func readAll(path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw MaildirError.system("open a message", path: path) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw MaildirError.system("read the size of a message", path: path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var want = max(Int(info.st_size), 4096)
        while true {
            let have = bytes.count
            try readMore(fd, into: &bytes, upTo: want, path: path)
            if bytes.count < want || bytes.count == have { break }
            want *= 2
        }
        return bytes
    }

    /// Reads from the current end of `bytes` until it holds `target` bytes or the file ends.
    private static func readMore(_ fd: Int32, into bytes: inout [UInt8], upTo target: Int, path: String) throws {
        while bytes.count < target {
            let have = bytes.count
            let wanted = target - have
            var failure: Int32 = 0
            var got = 0
            bytes.append(contentsOf: repeatElement(0, count: wanted))
            bytes.withUnsafeMutableBytes { raw in
                while true {
                    let n = pread(fd, raw.baseAddress! + have, wanted, off_t(have))
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno } else { got = n }
                    break
                }
            }
            bytes.removeLast(wanted - got)
            if failure != 0 { throw MaildirError.system("read a message", path: path, errno: failure) }
            if got == 0 { return }
        }
    }

    /// The index just after the empty line that ends the header section (LF or CRLF line ends),
    /// searching from `start`; nil when not found.
    static func headerEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            guard n > 0, let base = p.baseAddress else { return nil }
            // A message that starts with an empty line has an empty header section.
            if start == 0 {
                if p[0] == 0x0A { return 1 }
                if n >= 2, p[0] == 0x0D, p[1] == 0x0A { return 2 }
            }
            var i = start
            while i < n {
                guard let hit = memchr(base + i, 0x0A, n - i) else { return nil }
                let lf = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if lf + 1 < n, p[lf + 1] == 0x0A { return lf + 2 }
                if lf + 2 < n, p[lf + 1] == 0x0D, p[lf + 2] == 0x0A { return lf + 3 }
                i = lf + 1
            }
            return nil
        }
    }
}
