import MailStore

/// Writes one downloaded message into a Maildir `tmp/` file as its chunks arrive: CRLF line
/// endings become LF, and the bytes go to the file in writes of about ``flushThreshold`` bytes
/// rather than one per network chunk, so memory stays bounded by that much whatever the size.
/// Flushing to disk and committing into `new/` are left to the caller (see
/// ``ParallelFlush``), through ``delivery``.
final class MaildirMessageWriter {
    /// Buffered bytes are written once there are at least this many.
    static let flushThreshold = 256 * 1024

    /// The delivery being written (its `unique` is the message's Maildir name).
    let delivery: MaildirDelivery
    private var converter = LineEndingConverter()
    private var buffer: [UInt8] = []
    /// Bytes received from the server (CRLF endings).
    private(set) var receivedCount = 0

    /// A writer into an open delivery.
    init(delivery: MaildirDelivery) {
        self.delivery = delivery
    }

    /// Adds a chunk of message text as the server sent it.
    ///
    /// - Throws: `MaildirError` when the disk refuses the write.
    func append(_ chunk: ArraySlice<UInt8>) throws {
        receivedCount += chunk.count
        if buffer.capacity == 0 { buffer.reserveCapacity(min(Self.flushThreshold, 16 * 1024) + chunk.count) }
        converter.convert(chunk, into: &buffer)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes what is still buffered: the whole message is then in the `tmp/` file (not yet
    /// flushed to disk nor visible).
    ///
    /// - Returns: The message's size in the Maildir.
    func finishWriting() throws -> Int {
        converter.finish(into: &buffer)
        try flush()
        // A batch keeps its writers until it is committed: give the memory back now.
        buffer = []
        return delivery.byteCount
    }

    /// Removes the partial file.
    func abort() {
        delivery.abort()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try delivery.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
