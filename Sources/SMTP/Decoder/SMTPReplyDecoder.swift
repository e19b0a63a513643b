import MailCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits the bytes an SMTP server sends into replies (RFC 5321 §4.2).
///
/// ```
/// Reply-line = *( Reply-code "-" [ textstring ] CRLF )
///              Reply-code [ SP textstring ] CRLF
/// Reply-code = %x32-35 %x30-35 %x30-39
/// ```
///
/// Lines end with CRLF; a bare LF is accepted too. The decoder finds line ends across any split of
/// the input, never rescans a partial line when more bytes arrive (linear time), and holds at most
/// ``maximumLineLength`` bytes of an unfinished line: a server that sends an endless line (a 1 MB
/// greeting without CRLF) gets `lineTooLong` once the limit is reached, whatever it sends after.
public struct SMTPReplyDecoder: Sendable {
    /// What is wrong in the input. After an error the decoder must not be used again.
    public enum DecodingError: Error, Equatable, Sendable {
        /// A line grew past the limit without a line end; `prefix` is its start.
        case lineTooLong(limit: Int, prefix: [UInt8])
        /// A reply had more lines than the limit.
        case tooManyLines(limit: Int)
        /// A line that does not start with a reply code and a separator; `line` is its start.
        case malformedLine([UInt8])
        /// A line of a multi-line reply with another code than the first line.
        case inconsistentCode(expected: Int, line: [UInt8])
    }

    /// The longest line accepted, line end included (default 8 KiB; RFC 5321 §4.5.3.1.5 says
    /// 512 octets, some servers write more).
    public let maximumLineLength: Int
    /// The most lines one reply may have (default 512; an EHLO reply has about twenty).
    public let maximumLines: Int

    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Where to continue looking for a line feed in the current partial line.
    private var scanIndex = 0
    /// The code and lines of a multi-line reply whose last line has not come yet.
    private var partialCode: Int?
    private var partialLines: [String] = []

    /// A decoder with an empty buffer.
    ///
    /// - Parameters:
    ///   - maximumLineLength: The longest line accepted (at least 512).
    ///   - maximumLines: The most lines of one reply (at least 1).
    public init(maximumLineLength: Int = 8192, maximumLines: Int = 512) {
        precondition(maximumLineLength >= 512, "SMTP reply lines may be 512 octets long (RFC 5321 §4.5.3.1.5)")
        precondition(maximumLines >= 1)
        self.maximumLineLength = maximumLineLength
        self.maximumLines = maximumLines
    }

    /// The number of received bytes not yet returned as part of a reply (including the lines of
    /// a multi-line reply still in progress, counted roughly).
    public var bufferedByteCount: Int { buffer.count - readIndex + (partialCode == nil ? 0 : 1) }

    /// The first `count` buffered bytes (for error messages).
    public func bufferedPrefix(_ count: Int) -> ArraySlice<UInt8> {
        buffer[readIndex..<min(buffer.count, readIndex + count)]
    }

    /// Appends bytes received from the server.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        compactIfWorthIt()
        buffer.append(contentsOf: bytes)
    }

    /// Throws away everything buffered (and any reply in progress) and returns how many bytes
    /// that was.
    ///
    /// Used right after the 220 to STARTTLS: whatever came before the TLS handshake must not be
    /// read as an answer to a later command (RFC 3207 §4.2, the STARTTLS injection attacks of
    /// CVE-2011-0411 and CVE-2021-33515).
    public mutating func discardBufferedBytes() -> Int {
        let count = buffer.count - readIndex
        buffer.removeAll(keepingCapacity: false)
        readIndex = 0
        scanIndex = 0
        partialCode = nil
        partialLines = []
        return count
    }

    /// The next complete reply, or nil when more bytes are needed.
    ///
    /// - Throws: ``DecodingError`` when the input breaks the grammar or the limits.
    public mutating func next() throws(DecodingError) -> SMTPReply? {
        while let line = try nextLine() {
            let (code, isLast, text) = try Self.parseReplyLine(line)
            if let expected = partialCode, expected != code {
                throw .inconsistentCode(expected: expected, line: Array(line.prefix(80)))
            }
            guard partialLines.count < maximumLines else { throw .tooManyLines(limit: maximumLines) }
            partialLines.append(text)
            if isLast {
                let reply = SMTPReply(code: code, lines: partialLines)
                partialCode = nil
                partialLines = []
                return reply
            }
            partialCode = code
        }
        return nil
    }

    // Reply-line = *( Reply-code "-" [ textstring ] CRLF ) Reply-code [ SP textstring ] CRLF
    /// The code, whether this is the last line of its reply, and the text of one line.
    static func parseReplyLine(_ line: ArraySlice<UInt8>) throws(DecodingError) -> (Int, Bool, String) {
        let start = line.startIndex
        guard line.count >= 3 else { throw .malformedLine(Array(line.prefix(80))) }
        let d1 = line[start], d2 = line[start + 1], d3 = line[start + 2]
        guard (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(d1),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d2),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d3)
        else { throw .malformedLine(Array(line.prefix(80))) }
        let code = Int(d1 - 48) * 100 + Int(d2 - 48) * 10 + Int(d3 - 48)
        guard line.count > 3 else { return (code, true, "") }
        let separator = line[start + 3]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .malformedLine(Array(line.prefix(80)))
        }
        let text = TextSanitizer.headerText(String(decoding: line[(start + 4)...], as: UTF8.self))
        return (code, separator == UInt8(ascii: " "), text)
    }

    // MARK: - Lines

    /// A line ended by LF (a CR before it removed), without its end; nil when incomplete.
    private mutating func nextLine() throws(DecodingError) -> ArraySlice<UInt8>? {
        let end = buffer.count
        let limitEnd = min(end, readIndex + maximumLineLength)
        let start = max(scanIndex, readIndex)
        guard start < limitEnd, let lf = Self.firstLineFeed(in: buffer, from: start, to: limitEnd) else {
            if end - readIndex >= maximumLineLength {
                throw .lineTooLong(limit: maximumLineLength, prefix: Array(buffer[readIndex..<min(end, readIndex + 80)]))
            }
            scanIndex = end
            return nil
        }
        var lineEnd = lf
        if lineEnd > readIndex, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let line = buffer[readIndex..<lineEnd]
        readIndex = lf + 1
        scanIndex = readIndex
        return line
    }

    private static func firstLineFeed(in buffer: [UInt8], from start: Int, to end: Int) -> Int? {
        buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let base = pointer.baseAddress, let found = memchr(base + start, 0x0A, end - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Drops consumed bytes once they are most of the buffer, keeping appends amortised linear.
    private mutating func compactIfWorthIt() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            scanIndex = 0
            readIndex = 0
        } else if readIndex >= 4096 && readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            scanIndex -= readIndex
            readIndex = 0
        }
    }
}
