/// How far a POP3 download has come, for a progress line (`12/240 messages, 3.1 MB`).
public struct POP3DownloadProgress: Sendable, Equatable {
    /// Messages downloaded so far in this run.
    public var messages: Int
    /// Messages this run downloads in all.
    public var totalMessages: Int
    /// Bytes received so far (as the server counts them, CRLF line endings).
    public var bytes: Int
    /// The sizes the server listed for every message of this run.
    public var totalBytes: Int

    /// Progress from its fields.
    public init(messages: Int, totalMessages: Int, bytes: Int, totalBytes: Int) {
        self.messages = messages
        self.totalMessages = totalMessages
        self.bytes = bytes
        self.totalBytes = totalBytes
    }

    /// `12/240 messages, 3.1 MB`.
    public var description: String {
        "\(messages)/\(totalMessages) messages, \(ByteCountText.format(bytes))"
    }
}

/// Byte counts for people: `512 B`, `3.1 KB`, `3.1 MB`, `1.2 GB` (powers of 1000).
public enum ByteCountText {
    /// The count with one decimal and a unit.
    public static func format(_ count: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard count >= 1000 else { return "\(count) B" }
        var value = Double(count) / 1000
        var unit = 0
        while value >= 999.95 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
