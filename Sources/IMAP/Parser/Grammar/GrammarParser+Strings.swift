/// A string read from a response: a range of the response buffer when the bytes are there as
/// they were sent (atoms, literals, quoted strings without escapes), or a copy when escapes had
/// to be removed.
enum StringValue {
    case range(Range<Int>)
    case owned([UInt8])

    /// The number of bytes.
    var count: Int {
        switch self {
        case .range(let range): range.count
        case .owned(let bytes): bytes.count
        }
    }
}

extension GrammarParser {
    // MARK: - Numbers

    // number = 1*DIGIT   ; unsigned 32-bit integer (0 <= n < 4,294,967,296)
    /// A 32-bit number.
    mutating func parseNumber() throws(ParseFailure) -> UInt32 {
        let start = index
        var value: UInt64 = 0
        while index < end, ASCII.isDigit(bytes[index]) {
            value = value &* 10 &+ UInt64(bytes[index] &- ASCII.zero)
            index += 1
            if index - start > 10 { break }
        }
        guard index > start else { throw failure("a number") }
        guard value <= UInt64(UInt32.max), index - start <= 10 else {
            index = start
            throw failure("a number below 2^32")
        }
        return UInt32(value)
    }

    // nz-number = digit-nz *DIGIT   ; non-zero unsigned 32-bit integer
    /// A non-zero 32-bit number.
    mutating func parseNZNumber() throws(ParseFailure) -> UInt32 {
        let start = index
        let value = try parseNumber()
        guard value > 0 else {
            index = start
            throw failure("a number above 0")
        }
        return value
    }

    // number64 = 1*DIGIT   ; unsigned 63-bit integer (RFC 9051 §9, mod-sequence-value of RFC 7162)
    /// A 63-bit number.
    mutating func parseNumber64() throws(ParseFailure) -> UInt64 {
        let start = index
        var value: UInt64 = 0
        while index < end, ASCII.isDigit(bytes[index]) {
            let digit = UInt64(bytes[index] &- ASCII.zero)
            guard index - start < 19 || value <= (UInt64(Int64.max) - digit) / 10 else {
                index = start
                throw failure("a number below 2^63")
            }
            value = value * 10 + digit
            index += 1
        }
        guard index > start else { throw failure("a number") }
        return value
    }

    /// A number where servers are known to send it quoted or signed (BODYSTRUCTURE sizes):
    /// `12`, `"12"`, `-1` (read as 0) or NIL (read as 0).
    mutating func parseLenientNumber() throws(ParseFailure) -> Int {
        if consumeNIL() { return 0 }
        if consume(ASCII.minus) {
            _ = try parseNumber64()
            return 0
        }
        if peek() == ASCII.quote {
            let value = try parseString()
            var number = 0
            for byte in self.bytes(of: value).prefix(18) where ASCII.isDigit(byte) { number = number * 10 + Int(byte - ASCII.zero) }
            return number
        }
        return Int(clamping: try parseNumber64())
    }

    // MARK: - Atoms

    // atom = 1*ATOM-CHAR
    /// The range of an atom.
    mutating func parseAtom() throws(ParseFailure) -> Range<Int> {
        let start = index
        while index < end, ASCII.isAtomChar(bytes[index]) { index += 1 }
        guard index > start else { throw failure("an atom") }
        return start..<index
    }

    // nil = "NIL"
    /// Consumes `NIL` when it comes next as a whole word.
    @inline(__always)
    mutating func consumeNIL() -> Bool {
        guard index + 3 <= end, ASCII.upper(bytes[index]) == 0x4E, ASCII.upper(bytes[index + 1]) == 0x49,
              ASCII.upper(bytes[index + 2]) == 0x4C else { return false }
        if index + 3 < end, ASCII.isAtomChar(bytes[index + 3]) { return false }
        index += 3
        return true
    }

    // MARK: - Strings

    // string = quoted / literal
    /// A quoted string or a literal.
    mutating func parseString() throws(ParseFailure) -> StringValue {
        guard let first = peek() else { throw failure("a string") }
        switch first {
        case ASCII.quote: return try parseQuoted()
        case ASCII.openBrace, ASCII.tilde: return .range(try parseLiteral())
        default: throw failure("a string (quoted or literal)")
        }
    }

    // nstring = string / nil
    /// A string, or nil for `NIL`.
    mutating func parseNString() throws(ParseFailure) -> StringValue? {
        if consumeNIL() { return nil }
        return try parseString()
    }

    // astring = 1*ASTRING-CHAR / string
    /// An atom (`]` allowed) or a string.
    mutating func parseAString() throws(ParseFailure) -> StringValue {
        guard let first = peek() else { throw failure("a string or atom") }
        if first == ASCII.quote || first == ASCII.openBrace || first == ASCII.tilde { return try parseString() }
        let start = index
        while index < end, ASCII.isAStringChar(bytes[index]) { index += 1 }
        guard index > start else { throw failure("a string or atom") }
        return .range(start..<index)
    }

    // quoted = DQUOTE *QUOTED-CHAR DQUOTE
    // QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> / "\" quoted-specials / UTF8-2 / UTF8-3 / UTF8-4
    /// A quoted string without its quotes; escapes removed. A backslash before any other
    /// character is dropped too (servers are not strict about it).
    mutating func parseQuoted() throws(ParseFailure) -> StringValue {
        try expect(ASCII.quote, "'\"'")
        let start = index
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.quote {
                index += 1
                return .range(start..<(index - 1))
            }
            if byte == ASCII.backslash { return try parseEscapedQuoted(from: start) }
            if byte == ASCII.cr || byte == ASCII.lf { break }
            index += 1
        }
        throw failure("the closing quote of a quoted string")
    }

    /// The rest of a quoted string that holds escapes, copied without them.
    private mutating func parseEscapedQuoted(from start: Int) throws(ParseFailure) -> StringValue {
        var out = Array(bytes[start..<index])
        while index < end {
            var byte = bytes[index]
            if byte == ASCII.quote {
                index += 1
                return .owned(out)
            }
            if byte == ASCII.cr || byte == ASCII.lf { break }
            if byte == ASCII.backslash {
                index += 1
                guard index < end else { break }
                byte = bytes[index]
                if byte == ASCII.cr || byte == ASCII.lf { break }
            }
            out.append(byte)
            index += 1
        }
        throw failure("the closing quote of a quoted string")
    }

    // literal = "{" number64 ["+"] "}" CRLF *CHAR8
    // literal8 = "~{" number64 "}" CRLF *OCTET   (RFC 3516)
    /// The range of a literal's bytes.
    mutating func parseLiteral() throws(ParseFailure) -> Range<Int> {
        let start = index
        _ = consume(ASCII.tilde)
        try expect(ASCII.openBrace, "\"{\"")
        let count = try parseNumber64()
        _ = consume(ASCII.plus) || consume(ASCII.minus)
        try expect(ASCII.closeBrace, "\"}\"")
        try parseCRLF()
        guard count <= UInt64(end - index) else {
            // The framer only leaves a literal unframed when it is the last thing framed.
            if index == end { throw ParseFailure(kind: .literalNotFramed(count: Int(clamping: count)), position: start) }
            throw failure("\(count) bytes of literal")
        }
        let range = index..<(index + Int(count))
        index = range.upperBound
        return range
    }

    // MARK: - Converting

    /// The bytes of a string value.
    func bytes(of value: StringValue) -> [UInt8] {
        switch value {
        case .range(let range): Array(bytes[range])
        case .owned(let owned): owned
        }
    }

    /// The bytes of an optional string value.
    func optionalBytes(of value: StringValue?) -> [UInt8]? {
        guard let value else { return nil }
        return bytes(of: value)
    }

    /// A string value as text: UTF-8, with invalid sequences replaced by U+FFFD.
    func text(of value: StringValue) -> String {
        switch value {
        case .range(let range): String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .owned(let owned): String(decoding: owned, as: UTF8.self)
        }
    }

    /// An optional string value as text.
    func optionalText(of value: StringValue?) -> String? {
        guard let value else { return nil }
        return text(of: value)
    }

    /// The bytes of `range` as text (UTF-8, invalid sequences replaced).
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The bytes of `range` as text in upper case (for atoms compared by name).
    func upperText(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            var offset = 0
            for position in range {
                buffer[offset] = ASCII.upper(bytes[position])
                offset += 1
            }
            return offset
        }
    }

    // MARK: - Skipping

    // body-extension = nstring / number64 / "(" body-extension *(SP body-extension) ")"
    /// Skips one value of any shape: an atom or number (with `[...]` and `<...>` parts as in
    /// `BODY[1.2]<0>`), a string, a literal, NIL, or a parenthesised list of such values.
    mutating func skipValue() throws(ParseFailure) {
        guard let first = peek() else { throw failure("a value") }
        switch first {
        case ASCII.openParen:
            try openList()
            skipSpaces()
            if consumeListEnd() { return }
            while true {
                try skipValue()
                if consumeListEnd() { return }
                try parseSpace()
            }
        case ASCII.quote, ASCII.openBrace, ASCII.tilde:
            _ = try parseString()
        default:
            let start = index
            while index < end {
                let byte = bytes[index]
                if byte == ASCII.openBracket {
                    try skipBracketedValue()
                } else if ASCII.isAStringChar(byte) || byte == ASCII.backslash || byte == ASCII.star
                            || byte == ASCII.percent {
                    index += 1
                } else {
                    break
                }
            }
            guard index > start else { throw failure("a value") }
        }
    }

    /// Skips `[...]`, which may hold lists and strings (`BODY[HEADER.FIELDS ("A" "B")]`).
    mutating func skipBracketedValue() throws(ParseFailure) {
        try expect(ASCII.openBracket, "\"[\"")
        while index < end {
            let byte = bytes[index]
            switch byte {
            case ASCII.closeBracket:
                index += 1
                return
            case ASCII.openParen, ASCII.quote, ASCII.openBrace:
                try skipValue()
            case ASCII.cr, ASCII.lf:
                throw failure("\"]\"")
            default:
                index += 1
            }
        }
        throw failure("\"]\"")
    }
}
