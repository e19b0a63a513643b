/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text.
public enum EncodedWord {
    /// Decodes every encoded word in `text` and sanitises the result.
    ///
    /// White space between two adjacent encoded words is dropped (RFC 2047 §6.2); adjacent words
    /// in the same charset are joined as bytes before conversion, so a multibyte character split
    /// across two words survives. The charset may carry an RFC 2231 language (`utf-8*en`). An
    /// unknown charset is read as UTF-8 when valid, else as the fallback. Malformed words are kept
    /// literally. Decoded CR, LF and TAB become spaces and other control characters (ESC
    /// included) become U+FFFD: see ``TextSanitizer/headerText(_:)``.
    /// - Parameters:
    ///   - text: Unfolded header text.
    ///   - fallback: The charset for unlabelled 8-bit bytes that are not UTF-8.
    /// - Returns: The decoded, sanitised text.
    public static func decode(_ text: String, fallback: String = CharsetDecoder.defaultFallback) -> String {
        TextSanitizer.headerText(decodeRaw(text, fallback: fallback))
    }

    /// A parsed encoded word: its charset label, decoded bytes and the index after `?=`.
    struct Word {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    /// Decodes encoded words without sanitising (for callers that sanitise the whole value).
    static func decodeRaw(_ text: String, fallback: String = CharsetDecoder.defaultFallback) -> String {
        // Most values hold no encoded word: answer those without copying the bytes.
        if text.utf8.withContiguousStorageIfAvailable({ !containsMarker($0) }) == true { return text }
        let src = Array(text.utf8)
        guard src.count >= 8, containsMarker(src) else { return text }
        var out = ""
        var literalStart = 0
        var pending: (charset: String, bytes: [UInt8])? = nil
        var i = 0
        func flush() {
            if let p = pending {
                out += CharsetDecoder.decode(p.bytes, charset: p.charset, fallback: fallback)
                pending = nil
            }
        }
        while i + 1 < src.count {
            guard src[i] == UInt8(ascii: "="), src[i + 1] == UInt8(ascii: "?"), let word = parse(src, at: i) else {
                i += 1
                continue
            }
            let between = src[literalStart..<i]
            let onlySpace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if pending != nil && onlySpace {
                if CharsetName.normalize(pending!.charset) == CharsetName.normalize(word.charset) {
                    pending!.bytes += word.bytes
                } else {
                    flush()
                    pending = (word.charset, word.bytes)
                }
            } else {
                flush()
                out += String(decoding: between, as: UTF8.self)
                pending = (word.charset, word.bytes)
            }
            i = word.end
            literalStart = i
        }
        flush()
        out += String(decoding: src[literalStart...], as: UTF8.self)
        return out
    }

    private static func containsMarker<Bytes: RandomAccessCollection>(_ src: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        var i = 0
        while i + 1 < src.count {
            if src[i] == UInt8(ascii: "="), src[i + 1] == UInt8(ascii: "?") { return true }
            i += 1
        }
        return false
    }

    // encoded-word = "=?" charset "?" encoding "?" encoded-text "?="
    // Each attempt stops at the third "?" after its start, so scanning stays linear.
    static func parse(_ src: [UInt8], at start: Int) -> Word? {
        var i = start + 2
        let n = src.count
        let charsetStart = i
        while i < n, src[i] != UInt8(ascii: "?") {
            let c = src[i]
            if c <= 0x20 || c >= 0x7F || c == UInt8(ascii: "=") { return nil }
            i += 1
        }
        guard i < n, i > charsetStart, i + 2 < n, src[i + 2] == UInt8(ascii: "?") else { return nil }
        let charset = String(decoding: src[charsetStart..<i], as: UTF8.self)
        let encoding = src[i + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        i += 3
        let textStart = i
        while i < n, src[i] != UInt8(ascii: "?") {
            if src[i] == 0x20 || src[i] == 0x09 || src[i] == 0x0A || src[i] == 0x0D { return nil }
            i += 1
        }
        guard i + 1 < n, src[i + 1] == UInt8(ascii: "=") else { return nil }
        let encoded = src[textStart..<i]
        let bytes = encoding == UInt8(ascii: "b") ? Base64.decode(encoded) : decodeQ(encoded)
        return Word(charset: charset, bytes: bytes, end: i + 2)
    }

    /// The Q encoding (RFC 2047 §4.2): `_` is a space, `=XX` a byte, bad escapes kept.
    static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        let hex = QuotedPrintable.hexTable
        while i < text.endIndex {
            let c = text[i]
            if c == UInt8(ascii: "_") {
                out.append(0x20)
            } else if c == UInt8(ascii: "="), i + 2 < text.endIndex,
                      hex[Int(text[i + 1])] < 16, hex[Int(text[i + 2])] < 16 {
                out.append(hex[Int(text[i + 1])] << 4 | hex[Int(text[i + 2])])
                i += 3
                continue
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }
}
