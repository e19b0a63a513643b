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
        guard needsWork(text, keepNewlines: true) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0D:
                out.append("\n")
                previousCR = true
                continue
            case 0x0A:
                if !previousCR { out.append("\n") }
            case 0x09: out.append(s)
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: out.append("\u{FFFD}")
            default: out.append(s)
            }
            previousCR = false
        }
        return String(out)
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
