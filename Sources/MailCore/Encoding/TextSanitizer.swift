/// Removes characters from decoded message text that must never reach a terminal or a header.
///
/// Everything a message supplies (header values, file names, decoded words) passes through here
/// before it is returned as a `String` by the parsing API.
public enum TextSanitizer {
    /// Header text for display: CR, LF and TAB become a space; every other C0 control, DEL and the
    /// C1 controls (U+0080 to U+009F, ESC included) become U+FFFD REPLACEMENT CHARACTER.
    ///
    /// - Parameter text: Decoded header text.
    /// - Returns: The text on one line with no control characters.
    public static func headerText(_ text: String) -> String {
        guard needsWork(text, keepNewlines: false) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: out.append("\u{FFFD}")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// Body text: line ends normalised to LF (a lone CR becomes LF too), TAB kept, every other C0
    /// control, DEL and C1 control (ESC included) replaced by U+FFFD.
    ///
    /// - Parameter text: Decoded body text.
    /// - Returns: Text whose only control characters are LF and TAB.
    public static func bodyText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: bodyBytes($0), as: UTF8.self) }
    }

    /// ``bodyText(_:)`` on UTF-8 bytes (invalid sequences are left for the UTF-8 decoder to
    /// replace): CRLF and lone CR become LF, C0 controls other than LF and TAB, DEL and the C1
    /// controls (`C2 80` to `C2 9F`) become U+FFFD (`EF BF BD`).
    public static func bodyBytes(_ src: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let n = src.count
        guard let base = src.baseAddress, n > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: n * 3) { out, count in
            let dst = out.baseAddress!
            let raw = UnsafeRawPointer(base)
            var o = 0
            var i = 0
            let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            while i < n {
                // Copy eight bytes at once while none is a control, DEL or 0xC2.
                while i &+ 8 <= n {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let c0 = (x &- 0x2020_2020_2020_2020) & ~x & high
                    let del = x ^ 0x7F7F_7F7F_7F7F_7F7F
                    let c2 = x ^ 0xC2C2_C2C2_C2C2_C2C2
                    if c0 | ((del &- low) & ~del & high) | ((c2 &- low) & ~c2 & high) != 0 { break }
                    UnsafeMutableRawPointer(dst + o).storeBytes(of: x, as: UInt64.self)
                    o &+= 8
                    i &+= 8
                }
                if i >= n { break }
                let b = base[i]
                if b >= 0x20 && b != 0x7F && b != 0xC2 {
                    dst[o] = b; o &+= 1; i &+= 1
                    continue
                }
                switch b {
                case 0x0D:
                    dst[o] = 0x0A; o &+= 1
                    i &+= (i &+ 1 < n && base[i &+ 1] == 0x0A) ? 2 : 1
                    continue
                case 0x0A, 0x09:
                    dst[o] = b; o &+= 1
                case 0xC2:
                    if i &+ 1 < n, base[i &+ 1] >= 0x80, base[i &+ 1] < 0xA0 {
                        dst[o] = 0xEF; dst[o &+ 1] = 0xBF; dst[o &+ 2] = 0xBD; o &+= 3
                        i &+= 2
                        continue
                    }
                    dst[o] = b; o &+= 1
                default:
                    dst[o] = 0xEF; dst[o &+ 1] = 0xBF; dst[o &+ 2] = 0xBD; o &+= 3
                }
                i &+= 1
            }
            count = o
        }
    }

    /// A file name for display and as a base name: controls, `/` and `\` become `_`.
    public static func fileName(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: out.append("_")
            case 0x2F, 0x5C: out.append("_")
            default: out.append(s)
            }
        }
        return String(out)
    }

    private static func needsWork(_ text: String, keepNewlines: Bool) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b < 0x20 {
                if keepNewlines && (b == 0x0A || b == 0x09) { previous = b; continue }
                return true
            }
            if b == 0x7F { return true }
            // U+0080..U+009F are C2 80..C2 9F in UTF-8.
            if previous == 0xC2 && b >= 0x80 && b < 0xA0 { return true }
            previous = b
        }
        return false
    }
}
