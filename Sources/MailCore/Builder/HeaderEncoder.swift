/// Writes header fields: RFC 2047 encoded words only where needed (RFC 2047 §5), folded at 78
/// columns (RFC 5322 §2.1.1, §2.2.3), CRLF line ends.
public enum HeaderEncoder {
    /// The preferred maximum line length.
    public static let lineLength = 78

    /// Rejects CR, LF and other control characters (TAB allowed) in a header value.
    static func check(_ value: String, field: String) throws {
        for s in value.unicodeScalars where (s.value < 0x20 && s.value != 0x09) || s.value == 0x7F || (0x80..<0xA0).contains(s.value) {
            throw BuildError.controlCharacter(field: field)
        }
    }

    /// A field with an unstructured value (Subject, Comments, ...), encoded and folded.
    ///
    /// - Throws: ``BuildError/controlCharacter(field:)`` when the value contains CR, LF or controls.
    public static func unstructured(_ name: String, _ value: String) throws -> [UInt8] {
        try check(value, field: name)
        let tokens = encodeWords(value.replacingAll("\t", with: " "), phrase: false,
                                 firstLineRoom: lineLength - name.utf8.count - 2)
        return fold(name: name, tokens: tokens)
    }

    /// A field whose value is written as it is (already ASCII and structured), folded at spaces.
    static func raw(_ name: String, _ value: String) throws -> [UInt8] {
        try check(value, field: name)
        let tokens = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return fold(name: name, tokens: tokens)
    }

    /// Folds tokens (joined by single spaces) into `Name: tok tok\r\n tok...\r\n`.
    static func fold(name: String, tokens: [String]) -> [UInt8] {
        var out = Array("\(name):".utf8)
        var column = out.count
        for token in tokens {
            let width = token.utf8.count
            if column + 1 + width > lineLength && column > name.utf8.count + 1 {
                out += [13, 10, 0x20]
                column = 1
            } else {
                out.append(0x20)
                column += 1
            }
            out += Array(token.utf8)
            column += width
        }
        out += [13, 10]
        return out
    }

    /// Splits text into tokens (to be joined by single spaces) where runs of words that need
    /// encoding become encoded words of at most 75 characters each.
    ///
    /// - Parameter phrase: True for display names, where only the restricted Q alphabet of
    ///   RFC 2047 §5(3) may be used; ASCII words with specials are then quoted by the caller.
    ///   - firstLineRoom: The room left on the first line, so that an encoded word that starts
    ///     the value still fits there.
    static func encodeWords(_ text: String, phrase: Bool, firstLineRoom: Int = 75) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var tokens: [String] = []
        var i = 0
        while i < words.count {
            if !needsEncoding(words[i]) {
                tokens.append(words[i])
                i += 1
                continue
            }
            // A run of words to encode; the spaces between them go inside the encoded text.
            var j = i
            while j + 1 < words.count, needsEncoding(words[j + 1]) || (words[j + 1].isEmpty && j + 2 < words.count && needsEncoding(words[j + 2])) {
                j += 1
            }
            let run = words[i...j].joined(separator: " ")
            tokens += encodedWords(run, phrase: phrase, firstMaxLength: tokens.isEmpty ? min(75, firstLineRoom) : 75)
            i = j + 1
        }
        return tokens
    }

    static func needsEncoding(_ word: String) -> Bool {
        if word.contains("=?") || word.utf8.count > 900 { return true }
        return word.utf8.contains { $0 >= 0x80 || $0 < 0x20 }
    }

    /// Encoded words for `text` in UTF-8, B or Q whichever is shorter, never splitting a character.
    static func encodedWords(_ text: String, phrase: Bool, maxLength: Int = 75, firstMaxLength: Int? = nil) -> [String] {
        let bytes = Array(text.utf8)
        let qLength = bytes.reduce(0) { $0 + (qSafe($1, phrase: phrase) || $1 == 0x20 ? 1 : 3) }
        // Q keeps mostly-ASCII text readable; B wins when Q would be clearly longer.
        let useB = qLength > (bytes.count + 2) / 3 * 4 * 4 / 3 + 4
        let overhead = "=?utf-8?x??=".count
        var maxPayload = (firstMaxLength ?? maxLength) - overhead
        var words: [String] = []
        var chunk: [UInt8] = []
        var chunkLength = 0
        func flush() {
            guard !chunk.isEmpty else { return }
            let encoded = useB ? String(decoding: Base64.encode(chunk, lineLength: 0), as: UTF8.self) : qEncode(chunk, phrase: phrase)
            words.append("=?utf-8?\(useB ? "b" : "q")?\(encoded)?=")
            maxPayload = maxLength - overhead
            chunk = []
            chunkLength = 0
        }
        for scalar in text.unicodeScalars {
            let piece = Array(String(scalar).utf8)
            let pieceLength: Int
            if useB {
                pieceLength = (chunk.count + piece.count + 2) / 3 * 4 - chunkLength
            } else {
                pieceLength = piece.reduce(0) { $0 + (qSafe($1, phrase: phrase) || $1 == 0x20 ? 1 : 3) }
            }
            if chunkLength + pieceLength > maxPayload { flush() }
            chunk += piece
            chunkLength = useB ? (chunk.count + 2) / 3 * 4 : chunkLength + pieceLength
        }
        flush()
        return words
    }

    static func qSafe(_ b: UInt8, phrase: Bool) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            return true
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "'"),
             UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "$"):
            return !phrase
        default:
            return false
        }
    }

    static func qEncode(_ bytes: [UInt8], phrase: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in bytes {
            if b == 0x20 {
                out.append(UInt8(ascii: "_"))
            } else if qSafe(b, phrase: phrase) {
                out.append(b)
            } else {
                out += [UInt8(ascii: "="), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
