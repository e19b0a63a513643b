#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a grammar rule did not match; turned into an ``IMAPProtocolError`` by the response parser.
struct ParseFailure: Error {
    enum Kind {
        /// The bytes do not follow the rule; what the rule wanted there.
        case malformed(expected: String)
        /// A literal whose bytes are not in the framed input (only a literal the framer stopped
        /// at, because it is larger than the streaming threshold, can be in that state).
        case literalNotFramed(count: Int)
        /// Parentheses nested deeper than the limit.
        case tooDeep(limit: Int)
    }

    var kind: Kind
    /// Where in the buffer the rule failed.
    var position: Int
}

/// A recursive-descent parser over one framed response (RFC 9051 §9, RFC 3501 §9): the bytes
/// from the start of the response to its CRLF, literals included, are all in memory when a
/// rule runs, so a rule never meets "incomplete input", only a mismatch.
///
/// Each `parseX` function is named after the ABNF rule written above it. The parser reads
/// through an unsafe pointer into the response buffer that stays valid while it runs; rules
/// return ranges into that buffer (``StringValue/range(_:)``) wherever copying can wait.
struct GrammarParser {
    /// The whole buffer (the response starts at the initial ``index``).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var index: Int
    /// The end of the framed bytes: reading stops here.
    let end: Int
    /// How many parenthesised lists are open.
    var depth = 0
    /// The most lists that may be open at once.
    let maximumDepth: Int
    /// The last body section read, kept by the response parser from one response to the next.
    var sectionCache: SectionCache?

    init(bytes: UnsafeBufferPointer<UInt8>, index: Int, end: Int, maximumDepth: Int) {
        self.bytes = bytes
        self.index = index
        self.end = end
        self.maximumDepth = maximumDepth
    }

    /// A body section as read (``parseSection()``), with its bytes from `[` to `]` and the list
    /// depth it was read at: the same bytes at the same depth read the same way (the rule reads
    /// nothing past the `]`).
    struct SectionCache: Sendable {
        var bytes: [UInt8]
        var depth: Int
        var section: SectionSpecifier

        /// True when `buffer[position...]` starts with ``bytes`` within the framed bytes.
        func matches(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Bool {
            let count = bytes.count
            guard count > 0, position + count <= end, let base = buffer.baseAddress else { return false }
            return bytes.withUnsafeBufferPointer { memcmp(base + position, $0.baseAddress!, count) == 0 }
        }
    }

    // MARK: - Bytes

    /// True when every framed byte has been read.
    var isAtEnd: Bool { index >= end }

    /// The next byte without consuming it, or nil at the end.
    @inline(__always)
    func peek() -> UInt8? { index < end ? bytes[index] : nil }

    /// The byte `offset` places ahead, or nil past the end.
    @inline(__always)
    func peek(at offset: Int) -> UInt8? { index + offset < end ? bytes[index + offset] : nil }

    /// Consumes `byte` if it comes next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `byte` or fails saying what was expected.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(ParseFailure) {
        guard index < end, bytes[index] == byte else { throw failure(what()) }
        index += 1
    }

    /// A failure at the current position.
    func failure(_ expected: String) -> ParseFailure {
        ParseFailure(kind: .malformed(expected: expected), position: index)
    }

    // SP = %x20. Servers sometimes send two; one or more are accepted.
    /// One or more spaces.
    @inline(__always)
    mutating func parseSpace() throws(ParseFailure) {
        guard index < end, bytes[index] == ASCII.space else { throw failure("a space") }
        index += 1
        while index < end, bytes[index] == ASCII.space { index += 1 }
    }

    /// Skips any spaces; true when there was at least one.
    @inline(__always)
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < end, bytes[index] == ASCII.space { index += 1 }
        return index > start
    }

    // CRLF = CR LF. A bare LF is accepted too.
    /// The end of a response line.
    mutating func parseCRLF() throws(ParseFailure) {
        _ = consume(ASCII.cr)
        try expect(ASCII.lf, "the end of the line (CRLF)")
    }

    /// True when the next bytes spell `word` in any case and no atom character follows.
    @inline(__always)
    mutating func consumeKeyword(_ word: StaticString) -> Bool {
        guard matches(word, at: index) else { return false }
        let after = index + word.utf8CodeUnitCount
        if after < end, ASCII.isAtomChar(bytes[after]) { return false }
        index = after
        return true
    }

    /// True when the next bytes spell `word` in any case (whatever follows).
    @inline(__always)
    mutating func consumePrefix(_ word: StaticString) -> Bool {
        guard matches(word, at: index) else { return false }
        index += word.utf8CodeUnitCount
        return true
    }

    /// Case-insensitive comparison of the bytes at `position` with the upper-case `word`.
    @inline(__always)
    func matches(_ word: StaticString, at position: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let pointer = word.utf8Start
        for offset in 0..<count where ASCII.upper(bytes[position + offset]) != pointer[offset] {
            return false
        }
        return true
    }

    /// True when the bytes of `range` spell the upper-case `word` in any case.
    @inline(__always)
    func range(_ range: Range<Int>, is word: StaticString) -> Bool {
        range.count == word.utf8CodeUnitCount && matches(word, at: range.lowerBound)
    }

    // MARK: - Lists

    /// Consumes `(` and records one more open list.
    mutating func openList() throws(ParseFailure) {
        try expect(ASCII.openParen, "\"(\"")
        depth += 1
        if depth > maximumDepth { throw ParseFailure(kind: .tooDeep(limit: maximumDepth), position: index) }
    }

    /// Consumes `)` (after optional spaces) and records one list fewer.
    mutating func closeList() throws(ParseFailure) {
        skipSpaces()
        try expect(ASCII.closeParen, "\")\"")
        depth -= 1
    }

    /// True (and the list closed) when `)` comes next, after optional spaces.
    mutating func consumeListEnd() -> Bool {
        var probe = index
        while probe < end, bytes[probe] == ASCII.space { probe += 1 }
        guard probe < end, bytes[probe] == ASCII.closeParen else { return false }
        index = probe + 1
        depth -= 1
        return true
    }

    /// Parses `"(" [item *(SP item)] ")"`, calling `item` for each element.
    mutating func parseList(_ item: (inout GrammarParser) throws(ParseFailure) -> Void) throws(ParseFailure) {
        try openList()
        skipSpaces()
        if consumeListEnd() { return }
        while true {
            try item(&self)
            if consumeListEnd() { return }
            try parseSpace()
        }
    }
}
