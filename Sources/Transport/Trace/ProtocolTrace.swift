import Foundation

/// Where a protocol dialogue is shown for debugging (`--trace` on the command line, or a log
/// file): one line per command (`C: `), answer (`S: `) or event (`* `).
///
/// What is secret never gets here: the protocol layer passes commands in their trace form
/// (`PASS ****`, `AUTH PLAIN ****`). What comes from the server is escaped, so no control
/// character reaches a terminal (`\x1B` instead of ESC).
///
/// ```
/// [pop3 127.0.0.1:1110] C: STLS
/// [pop3 127.0.0.1:1110] S: +OK Begin TLS negotiation now.
/// [pop3 127.0.0.1:1110] * TLS handshake done; 0 bytes received before it were discarded
/// ```
public final class ProtocolTrace: Sendable {
    private let sink: @Sendable (String) -> Void
    private let label: String

    /// A trace that hands each finished line (without a newline) to `sink`.
    ///
    /// - Parameters:
    ///   - label: Put in brackets before each line (for example `pop3 host:port`); empty for none.
    ///   - sink: Called with each line, possibly from several threads at once.
    public init(label: String = "", sink: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.sink = sink
    }

    /// A trace with the same sink and another label (one per connection).
    public func labeled(_ label: String) -> ProtocolTrace {
        ProtocolTrace(label: label, sink: sink)
    }

    /// A trace that writes timestamped lines to standard error.
    public static func standardError() -> ProtocolTrace {
        let writer = LineWriter(handle: FileHandle.standardError)
        return ProtocolTrace { writer.write($0) }
    }

    /// A trace that appends timestamped lines to a file, created with mode 0600 if it is missing.
    ///
    /// - Throws: `CocoaError` when the file cannot be created or opened for writing.
    public static func appending(toFileAt path: String) throws -> ProtocolTrace {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        let writer = LineWriter(handle: handle)
        return ProtocolTrace { writer.write($0) }
    }

    /// Records a line the client sent, already in its trace form (secrets hidden).
    public func sent(_ traceText: String) {
        emit("C: " + escaped(Array(traceText.utf8)))
    }

    /// Records a line the server sent (escaped; no line ending expected).
    public func received(_ line: some Collection<UInt8>) {
        emit("S: " + escaped(line))
    }

    /// Records text standing for server data that is not shown line by line (a message body).
    public func receivedSummary(_ text: String) {
        emit("S: [" + escaped(Array(text.utf8)) + "]")
    }

    /// Records an event of the connection (connected, TLS started, bytes discarded, closed).
    public func note(_ text: String) {
        emit("* " + escaped(Array(text.utf8)))
    }

    private func emit(_ line: String) {
        sink(label.isEmpty ? line : "[\(label)] \(line)")
    }

    /// Printable ASCII as is, every other byte as `\xNN`, cut after 2,000 characters.
    private func escaped(_ bytes: some Collection<UInt8>) -> String {
        var out = ""
        var count = 0
        for byte in bytes {
            if count == 2000 {
                out += "... (\(bytes.count) bytes)"
                break
            }
            if byte >= 0x20 && byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
            count += 1
        }
        return out
    }
}

/// Writes whole lines with a time stamp to a file handle, one writer at a time.
private final class LineWriter: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    private let start = ContinuousClock.now

    init(handle: FileHandle) {
        self.handle = handle
    }

    func write(_ line: String) {
        let elapsed = ContinuousClock.now - start
        let millis = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let stamp = String(format: "%7lld.%03lld", millis / 1000, millis % 1000)
        let data = Data("\(stamp) \(line)\n".utf8)
        lock.lock()
        defer { lock.unlock() }
        try? handle.write(contentsOf: data)
    }
}
