/// Splits the bytes a POP3 server sends into lines and multi-line message data (RFC 1939 §3).
///
/// POP3 responses do not say whether they are one line or many: the client knows from the
/// command it sent. The client sets ``mode`` before asking for the next piece:
///
/// - `.line`: one line (a status line such as `+OK 2 320`, a SASL `+ ` challenge, the greeting).
/// - `.multiLine`: the lines of a multi-line listing (CAPA, LIST, UIDL), dot-unstuffed, until the
///   terminating `.` line.
/// - `.messageData`: the text of a message (RETR, TOP) as chunks of bytes, dot-unstuffed, CRLF
///   kept, until the `.` line. A line starts after any LF, and a bare `.` LF also ends the data. No line is buffered whole, so a hostile server cannot grow memory
///   with one endless line.
///
/// ```
/// S: +OK 120 octets
/// S: ..a line that started with a dot
/// S: .
/// ```
///
/// The decoder never looks more than three bytes ahead, finds the terminator across any split of
/// the input, and runs in time linear in the input (a partial line is not rescanned when more
/// bytes arrive).
public struct POP3ResponseDecoder: Sendable {
    /// What the next bytes are expected to be.
    public enum Mode: Sendable, Equatable {
        /// A single CRLF-terminated line.
        case line
        /// Lines of a multi-line listing, up to the `.` terminator.
        case multiLine
        /// Message text, up to the `.` terminator.
        case messageData
    }

    /// One piece of decoded input.
    public enum Output: Equatable, Sendable {
        /// A line without its line ending (and, in `.multiLine` mode, without its stuffed dot).
        case line(ArraySlice<UInt8>)
        /// Message text, dot-unstuffed, line endings kept.
        case messageData(ArraySlice<UInt8>)
        /// The `.` line that ends a multi-line response.
        case end
    }

    /// What went wrong in the input.
    public enum DecodingError: Error, Equatable, Sendable {
        /// A line grew past the limit without a line feed; `prefix` is its start.
        case lineTooLong(limit: Int, prefix: [UInt8])
    }

    /// What the decoder expects next; set by the client before each call to ``next()``.
    public var mode: Mode = .line

    /// The longest line accepted in `.line` and `.multiLine` modes, line ending included.
    public let maximumLineLength: Int

    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Where to continue looking for a line feed in the current partial line.
    private var scanIndex = 0
    /// In `.messageData` mode: true when `readIndex` is at the start of a line.
    private var atLineStart = true

    /// A decoder with an empty buffer.
    ///
    /// - Parameter maximumLineLength: The longest line accepted (default 64 KiB).
    public init(maximumLineLength: Int = 65_536) {
        precondition(maximumLineLength >= 3, "a POP3 line needs at least 3 bytes")
        self.maximumLineLength = maximumLineLength
    }

    /// The number of received bytes not yet returned by ``next()``.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// The first `count` buffered bytes not yet returned (for error messages).
    public func bufferedPrefix(_ count: Int) -> ArraySlice<UInt8> {
        buffer[readIndex..<min(buffer.count, readIndex + count)]
    }

    /// Appends bytes received from the server.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        compactIfWorthIt()
        buffer.append(contentsOf: bytes)
    }

    /// Throws away everything buffered and returns how many bytes that was.
    ///
    /// Used right after the `+OK` to STLS: whatever the server (or a man in the middle) sent
    /// before the TLS handshake must not be read as an answer to a later command (RFC 2595 §4,
    /// CVE-2020-14954).
    public mutating func discardBufferedBytes() -> Int {
        let count = bufferedByteCount
        buffer.removeAll(keepingCapacity: false)
        readIndex = 0
        scanIndex = 0
        atLineStart = true
        return count
    }

    /// Prepares for the data of a new multi-line response: the first byte that follows is the
    /// start of a line. The client calls this when it switches to `.messageData` mode.
    public mutating func beginMultiLineData() {
        atLineStart = true
    }

    /// The next line, chunk of message text or terminator, or nil when more bytes are needed.
    ///
    /// - Throws: `DecodingError.lineTooLong` when a line in `.line` or `.multiLine` mode grows past
    ///   ``maximumLineLength``.
    public mutating func next() throws(DecodingError) -> Output? {
        switch mode {
        case .line:
            guard let line = try nextLine() else { return nil }
            return .line(line)
        case .multiLine:
            guard let line = try nextLine() else { return nil }
            if line.first == ASCII.dot {
                if line.count == 1 { return .end }
                return .line(line.dropFirst())
            }
            return .line(line)
        case .messageData:
            return nextMessageData()
        }
    }

    // MARK: - Lines

    /// A line terminated by LF (an optional CR before it is removed), without the terminator.
    private mutating func nextLine() throws(DecodingError) -> ArraySlice<UInt8>? {
        let end = buffer.count
        let limitEnd = min(end, readIndex + maximumLineLength)
        let start = max(scanIndex, readIndex)
        guard start < limitEnd, let lf = firstIndex(of: ASCII.lf, in: buffer[start..<limitEnd]) else {
            if end - readIndex >= maximumLineLength {
                throw .lineTooLong(limit: maximumLineLength, prefix: Array(buffer[readIndex..<min(end, readIndex + 80)]))
            }
            scanIndex = end
            return nil
        }
        var lineEnd = lf
        if lineEnd > readIndex, buffer[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }
        let line = buffer[readIndex..<lineEnd]
        readIndex = lf + 1
        scanIndex = readIndex
        return line
    }

    // MARK: - Message data

    /// The longest run of message text available, stopping before a line that starts with a dot
    /// (which is either stuffed or the terminator and needs a look at the following bytes).
    private mutating func nextMessageData() -> Output? {
        let end = buffer.count
        while atLineStart {
            guard readIndex < end else { return nil }
            guard buffer[readIndex] == ASCII.dot else {
                atLineStart = false
                break
            }
            // A line starting with ".": ".\r\n" (or a bare ".\n") ends the data; anything else
            // is a stuffed dot.
            guard readIndex + 1 < end else { return nil }
            let second = buffer[readIndex + 1]
            if second == ASCII.lf {
                readIndex += 2
                scanIndex = readIndex
                return .end
            }
            if second == ASCII.cr {
                guard readIndex + 2 < end else { return nil }
                if buffer[readIndex + 2] == ASCII.lf {
                    readIndex += 3
                    scanIndex = readIndex
                    return .end
                }
            }
            readIndex += 1  // drop the stuffed dot; the rest of the line is data
            atLineStart = false
        }
        let start = readIndex
        var index = readIndex
        while index < end {
            guard let lf = firstIndex(of: ASCII.lf, in: buffer[index..<end]) else {
                index = end
                break
            }
            index = lf + 1
            if index == end || buffer[index] == ASCII.dot {
                atLineStart = true
                break
            }
        }
        guard index > start else { return nil }
        readIndex = index
        scanIndex = readIndex
        return .messageData(buffer[start..<index])
    }

    // MARK: - Buffer

    /// Drops consumed bytes once they are most of the buffer, keeping appends amortised linear.
    private mutating func compactIfWorthIt() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            scanIndex -= readIndex
            readIndex = 0
        } else if readIndex >= 4096 && readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            scanIndex -= readIndex
            readIndex = 0
        }
    }
}
