#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds where a response ends in the bytes received so far: at a CRLF that is not the
/// announcement of a literal, after skipping the bytes of every literal (RFC 9051 §4.3).
///
/// The framer keeps its place between calls, so every byte is looked at once however the input
/// is split. It stops early at a literal larger than the streaming threshold: the response
/// parser then decides whether the literal is a body to stream or must be held (and calls
/// ``acceptPendingLiteral(limits:)``).
struct ResponseFramer {
    /// What the framer found.
    enum Status: Equatable {
        /// The response is not complete yet.
        case needMoreData
        /// The response ends before this index (after its CRLF).
        case complete(end: Int)
        /// The bytes before `end` end with the announcement of a literal of `count` bytes,
        /// larger than the streaming threshold; its bytes start at `end`.
        case largeLiteral(end: Int, count: Int)
    }

    /// The start of the response (or of the rest of it, after a streamed literal).
    private(set) var start = 0
    /// The next byte to look at.
    private var scanIndex = 0
    /// The start of the current line (for the line length limit).
    private var lineStart = 0
    /// Where the bytes of a literal being skipped end, while they have not all arrived.
    private var literalEnd: Int?
    /// A large literal found and not yet accepted: where its bytes start and how many.
    private var pendingLargeLiteral: (start: Int, count: Int)?

    /// Starts a new response (or the rest of one) at `index`.
    mutating func reset(at index: Int) {
        start = index
        scanIndex = index
        lineStart = index
        literalEnd = nil
        pendingLargeLiteral = nil
    }

    /// Moves every index down by `offset` after the buffer dropped that many leading bytes.
    mutating func shift(by offset: Int) {
        start -= offset
        scanIndex -= offset
        lineStart -= offset
        if let end = literalEnd { literalEnd = end - offset }
        if let pending = pendingLargeLiteral { pendingLargeLiteral = (pending.start - offset, pending.count) }
    }

    /// Looks at the new bytes and says whether the response is complete.
    ///
    /// - Throws: ``IMAPProtocolError`` when a line is longer than the limit, a literal is
    ///   larger than the largest accepted, or the response would hold too many bytes.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, limits: IMAPLimits) throws(IMAPProtocolError) -> Status {
        if let pending = pendingLargeLiteral { return .largeLiteral(end: pending.start, count: pending.count) }
        let count = bytes.count
        while true {
            if let end = literalEnd {
                guard count >= end else {
                    scanIndex = count
                    return .needMoreData
                }
                literalEnd = nil
                scanIndex = end
                lineStart = end
            }
            guard scanIndex < count, let base = bytes.baseAddress else { return .needMoreData }
            let searchEnd = min(count, lineStart + limits.maximumLineLength)
            guard scanIndex < searchEnd,
                  let found = memchr(base + scanIndex, Int32(ASCII.lf), searchEnd - scanIndex) else {
                scanIndex = max(scanIndex, searchEnd)
                if searchEnd - lineStart >= limits.maximumLineLength {
                    throw IMAPProtocolError(.lineTooLong(limit: limits.maximumLineLength), expected: "a line end",
                                            received: IMAPProtocolError.excerpt(bytes[lineStart..<min(count, lineStart + 80)]))
                }
                return .needMoreData
            }
            let lf = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            scanIndex = lf + 1
            guard let literal = try literalAnnouncement(bytes, lineEnd: lf, limits: limits) else {
                return .complete(end: lf + 1)
            }
            let literalStart = lf + 1
            if literal > limits.streamingThreshold {
                pendingLargeLiteral = (literalStart, literal)
                return .largeLiteral(end: literalStart, count: literal)
            }
            try checkResponseSize(literalStart + literal, limits: limits)
            literalEnd = literalStart + literal
        }
    }

    /// Accepts the pending large literal as part of the response (it is held in memory, not
    /// streamed) and goes on scanning after it.
    ///
    /// - Throws: ``IMAPProtocolError`` when it is larger than the limit for held literals.
    mutating func acceptPendingLiteral(limits: IMAPLimits) throws(IMAPProtocolError) {
        guard let pending = pendingLargeLiteral else { return }
        guard pending.count <= limits.maximumBufferedLiteralSize else {
            throw IMAPProtocolError(.literalTooLarge(size: UInt64(pending.count), limit: limits.maximumBufferedLiteralSize),
                                    expected: "a literal small enough to hold in memory (only message bodies are streamed)")
        }
        try checkResponseSize(pending.start + pending.count, limits: limits)
        pendingLargeLiteral = nil
        literalEnd = pending.start + pending.count
    }

    private func checkResponseSize(_ end: Int, limits: IMAPLimits) throws(IMAPProtocolError) {
        if end - start > limits.maximumResponseSize {
            throw IMAPProtocolError(.responseTooLarge(limit: limits.maximumResponseSize),
                                    expected: "a response of at most \(limits.maximumResponseSize) bytes")
        }
    }

    // literal = "{" number64 ["+"] "}" CRLF ; literal8 = "~{" number64 "}" CRLF
    /// The size of the literal announced at the end of the line ending at `lineEnd` (the LF),
    /// or nil when the line does not end with `{n}`.
    private func literalAnnouncement(_ bytes: UnsafeBufferPointer<UInt8>, lineEnd: Int,
                                     limits: IMAPLimits) throws(IMAPProtocolError) -> Int? {
        var position = lineEnd
        if position > lineStart, bytes[position - 1] == ASCII.cr { position -= 1 }
        guard position > lineStart, bytes[position - 1] == ASCII.closeBrace else { return nil }
        position -= 1
        if position > lineStart, bytes[position - 1] == ASCII.plus || bytes[position - 1] == ASCII.minus { position -= 1 }
        let digitsEnd = position
        while position > lineStart, ASCII.isDigit(bytes[position - 1]) { position -= 1 }
        guard position < digitsEnd, position > lineStart, bytes[position - 1] == ASCII.openBrace else { return nil }
        var value: UInt64 = 0
        for digit in position..<digitsEnd {
            if value > UInt64(UInt32.max) * 1000 { break }  // far past any limit; stop before overflow
            value = value * 10 + UInt64(bytes[digit] - ASCII.zero)
        }
        if digitsEnd - position > 19 || value > UInt64(limits.maximumLiteralSize) {
            let shown = digitsEnd - position > 19 ? UInt64.max : value
            throw IMAPProtocolError(.literalTooLarge(size: shown, limit: limits.maximumLiteralSize),
                                    expected: "a literal of at most \(limits.maximumLiteralSize) bytes",
                                    received: IMAPProtocolError.excerpt(bytes[(position - 1)..<min(lineEnd, position + 24)]))
        }
        return Int(value)
    }
}
