/// The byte-level scanner behind ``SourceLocator``.
struct LocatorScanner {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    /// Paths in the order they were met, with their lines.
    var recorded: [(KeyPath, Int)] = []
    /// How many `[[name]]` headers have been seen per array-of-tables path.
    var arrayTableCounts: [KeyPath: Int] = [:]
    /// The deepest nesting of arrays and inline tables followed; deeper values are skipped whole,
    /// which bounds the recursion whatever the input.
    let maximumDepth = 32

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func advance() {
        guard position < bytes.count else { return }
        if bytes[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
    }

    mutating func scanDocument() {
        var table = KeyPath.root
        while !atEnd {
            skipSpaces()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                advance()
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "["):
                let headerLine = line
                advance()
                let isArrayTable = peek() == UInt8(ascii: "[")
                if isArrayTable { advance() }
                skipSpaces()
                let keys = scanKey()
                skipToEndOfLine()
                var path = KeyPath(components: keys.map(PathComponent.key))
                if isArrayTable {
                    let index = arrayTableCounts[path, default: 0]
                    arrayTableCounts[path] = index + 1
                    recorded.append((path, headerLine))
                    path = path.appending(index: index)
                }
                recorded.append((path, headerLine))
                table = path
            default:
                let start = position
                scanKeyValue(in: table, depth: 0)
                if position == start { skipToEndOfLine() }
            }
        }
    }

    /// `key = value` at the current position, recording the key's full path.
    mutating func scanKeyValue(in table: KeyPath, depth: Int) {
        let keyLine = line
        let keys = scanKey()
        guard !keys.isEmpty else { return }
        let path = KeyPath(components: table.components + keys.map(PathComponent.key))
        if depth <= maximumDepth { recorded.append((path, keyLine)) }
        skipSpaces()
        guard peek() == UInt8(ascii: "=") else { return }
        advance()
        skipSpaces()
        scanValue(at: path, depth: depth)
    }

    /// A dotted key: simple keys (bare, "basic" or 'literal') separated by dots.
    mutating func scanKey() -> [String] {
        var keys: [String] = []
        while let byte = peek() {
            if byte == UInt8(ascii: "\"") {
                keys.append(scanBasicString())
            } else if byte == UInt8(ascii: "'") {
                keys.append(scanLiteralString())
            } else if isBareKeyByte(byte) {
                let start = position
                while let next = peek(), isBareKeyByte(next) { advance() }
                keys.append(String(decoding: bytes[start..<position], as: UTF8.self))
            } else {
                break
            }
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else { break }
            advance()
            skipSpaces()
        }
        return keys
    }

    func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// Any value; records array elements and inline-table keys below `path`.
    mutating func scanValue(at path: KeyPath, depth: Int) {
        guard let byte = peek() else { return }
        switch byte {
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                skipMultilineString(quote: UInt8(ascii: "\""))
            } else {
                _ = scanBasicString()
            }
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") {
                skipMultilineString(quote: UInt8(ascii: "'"))
            } else {
                _ = scanLiteralString()
            }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            if depth >= maximumDepth {
                skipNestedValue()
            } else if byte == UInt8(ascii: "[") {
                scanArray(at: path, depth: depth + 1)
            } else {
                scanInlineTable(at: path, depth: depth + 1)
            }
        default:
            while let next = peek(), !isScalarTerminator(next) { advance() }
        }
    }

    func isScalarTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"),
             UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return true
        default:
            return false
        }
    }

    mutating func scanArray(at path: KeyPath, depth: Int) {
        advance()  // [
        var index = 0
        while true {
            skipSpacesNewlinesAndComments()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "]") {
                advance()
                return
            }
            if byte == UInt8(ascii: ",") {
                advance()
                continue
            }
            let element = path.appending(index: index)
            let start = position
            if depth <= maximumDepth { recorded.append((element, line)) }
            scanValue(at: element, depth: depth)
            index += 1
            if position == start { advance() }
        }
    }

    mutating func scanInlineTable(at path: KeyPath, depth: Int) {
        advance()  // {
        while true {
            skipSpacesNewlinesAndComments()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "}") {
                advance()
                return
            }
            if byte == UInt8(ascii: ",") {
                advance()
                continue
            }
            let start = position
            scanKeyValue(in: path, depth: depth)
            if position == start { advance() }
        }
    }

    /// A "basic string" with escapes, decoded (for keys); the position ends after the closing quote.
    mutating func scanBasicString() -> String {
        advance()  // opening quote
        var raw: [UInt8] = []
        while let byte = peek(), byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\"") {
                advance()
                break
            }
            if byte == UInt8(ascii: "\\") {
                advance()
                guard let escaped = peek(), escaped != UInt8(ascii: "\n") else { break }
                advance()
                appendEscape(escaped, to: &raw)
                continue
            }
            raw.append(byte)
            advance()
        }
        return String(decoding: raw, as: UTF8.self)
    }

    /// Decodes the escape after a backslash in a basic string into UTF-8 bytes.
    mutating func appendEscape(_ escaped: UInt8, to raw: inout [UInt8]) {
        switch escaped {
        case UInt8(ascii: "n"): raw.append(0x0A)
        case UInt8(ascii: "t"): raw.append(0x09)
        case UInt8(ascii: "r"): raw.append(0x0D)
        case UInt8(ascii: "b"): raw.append(0x08)
        case UInt8(ascii: "f"): raw.append(0x0C)
        case UInt8(ascii: "e"): raw.append(0x1B)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escaped == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = peek(), let nibble = hexValue(digit) else { break }
                value = value &* 16 &+ nibble
                advance()
            }
            if let scalar = Unicode.Scalar(value) {
                raw.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
        default: raw.append(escaped)
        }
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// A 'literal string' (no escapes); the position ends after the closing quote.
    mutating func scanLiteralString() -> String {
        advance()
        let start = position
        while let byte = peek(), byte != UInt8(ascii: "'"), byte != UInt8(ascii: "\n") { advance() }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if peek() == UInt8(ascii: "'") { advance() }
        return text
    }

    /// A `"""` or `'''` string, which may span lines and end in up to two extra quotes.
    mutating func skipMultilineString(quote: UInt8) {
        advance(); advance(); advance()
        while let byte = peek() {
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                advance()
                advance()
                continue
            }
            if byte == quote, peek(1) == quote, peek(2) == quote {
                advance(); advance(); advance()
                var extra = 0
                while extra < 2, peek() == quote {
                    advance()
                    extra += 1
                }
                return
            }
            advance()
        }
    }

    /// Skips an array or inline table without recording anything inside it (too deep to follow).
    mutating func skipNestedValue() {
        var open = 0
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                open += 1
                advance()
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                open -= 1
                advance()
                if open <= 0 { return }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if peek(1) == byte, peek(2) == byte {
                    skipMultilineString(quote: byte)
                } else if byte == UInt8(ascii: "\"") {
                    _ = scanBasicString()
                } else {
                    _ = scanLiteralString()
                }
            case UInt8(ascii: "#"):
                skipComment()
            default:
                advance()
            }
        }
    }

    mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    mutating func skipComment() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { advance() }
    }

    mutating func skipToEndOfLine() {
        while let byte = peek(), byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\"") {
                _ = scanBasicString()
            } else if byte == UInt8(ascii: "'") {
                _ = scanLiteralString()
            } else {
                advance()
            }
        }
    }

    mutating func skipSpacesNewlinesAndComments() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                advance()
            case UInt8(ascii: "#"):
                skipComment()
            default:
                return
            }
        }
    }
}
