/// Makes text from a message safe to put on a terminal.
///
/// Every character that could act on the terminal instead of showing is replaced by
/// U+FFFD REPLACEMENT CHARACTER (one `�` per character), so that hostile input stays visible but
/// inert:
/// - C0 controls (U+0000-U+001F) except line feed and, when asked, tab; a carriage return directly
///   before a line feed is dropped instead;
/// - DEL (U+007F) and the C1 controls (U+0080-U+009F), which include the 8-bit CSI;
/// - the bidi embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, which could make
///   text appear in an order other than the one it has.
///
/// The line and paragraph separators U+2028 and U+2029 become a space.
public enum DisplaySanitizer {
    /// The character that replaces each unsafe one.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// True when `scalar` must not reach a terminal as it is (see the type's documentation).
    ///
    /// Line feed is always reported safe; tab is safe when `allowTab` is true.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar, allowTab: Bool = true) -> Bool {
        let v = scalar.value
        if v < 0x20 { return !(v == 0x0A || (v == 0x09 && allowTab)) }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }
        if v < 0x2028 { return false }
        return v == 0x2028 || v == 0x2029 || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }

    /// The text with every unsafe character replaced (see the type's documentation).
    ///
    /// - Parameters:
    ///   - text: text from a message, a server or a file name.
    ///   - allowTab: keep tabs (true) or replace them too (false).
    /// - Returns: the text unchanged when it was already safe (no copy of the characters is made
    ///   beyond the `String` itself), otherwise a sanitised copy.
    public static func sanitize(_ text: some StringProtocol, allowTab: Bool = true) -> String {
        var string = String(text)
        let clean: [UInt8]? = string.withUTF8 { bytes in
            needsSanitizing(bytes, allowTab: allowTab) ? sanitizeUTF8(bytes, allowTab: allowTab) : nil
        }
        guard let clean else { return string }
        return String(decoding: clean, as: UTF8.self)
    }

    /// True when valid UTF-8 `bytes` hold a character that ``sanitize(_:allowTab:)`` changes.
    static func needsSanitizing(_ bytes: UnsafeBufferPointer<UInt8>, allowTab: Bool = true) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c < 0x20 {
                if !(c == 0x0A || (c == 0x09 && allowTab)) { return true }
            } else if c == 0x7F {
                return true
            } else if c == 0xC2 {
                if i + 1 < n, bytes[i + 1] < 0xA0 { return true }
            } else if c == 0xE2 {
                if i + 2 < n, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                    let (scalar, _) = UTF8Scalars.decode(bytes, at: i)
                    if isUnsafe(scalar, allowTab: allowTab) { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// The sanitised UTF-8 of valid UTF-8 `bytes`.
    static func sanitizeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, allowTab: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        let n = bytes.count
        while i < n {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: i)
            if scalar == "\r", i + 1 < n, bytes[i + 1] == 0x0A {
                // CRLF: keep only the line feed.
            } else if scalar.value == 0x2028 || scalar.value == 0x2029 {
                out.append(0x20)
            } else if isUnsafe(scalar, allowTab: allowTab) {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
            }
            i += length
        }
        return out
    }
}
