/// Makes text from outside the program (a message, a server, a file name) safe to show.
///
/// Nothing from outside may reach the terminal as a control: every such string goes through this
/// sanitiser before it reaches a cell (``CellBuffer/put(_:at:style:clip:)`` does it by default).
/// The mapping, scalar by scalar:
///
/// | input | shown as |
/// |---|---|
/// | TAB (U+0009) | one space (``TextView`` expands tabs to tab stops before this) |
/// | other C0 controls U+0000-U+001F, including ESC | the Control Pictures U+2400-U+241F, e.g. ESC as `␛`, LF as `␊` |
/// | DEL U+007F | `␡` (U+2421) |
/// | C1 controls U+0080-U+009F (CSI U+009B, OSC U+009D...) | `�` (U+FFFD) |
/// | bidi embeddings, overrides and isolates U+202A-U+202E, U+2066-U+2069 | `�` (U+FFFD), visibly |
/// | line and paragraph separators U+2028, U+2029 | `�` (U+FFFD) |
/// | implicit direction marks LRM U+200E, RLM U+200F, ALM U+061C | removed |
///
/// Other invisible format characters (ZWJ, ZWSP, variation selectors) are kept in the cell's text but
/// never written to the terminal (see ``CellClusters``).
public enum Sanitizer {
    /// What happens to one scalar.
    public enum Action: Equatable, Sendable {
        /// Shown as it is.
        case keep
        /// Removed.
        case drop
        /// Replaced by a visible placeholder.
        case replace(Unicode.Scalar)
    }

    /// The placeholder for C1 controls and bidi controls.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The action for one scalar (see the table above).
    @inline(__always)
    public static func action(for scalar: Unicode.Scalar) -> Action {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return .keep }
        if v < 0x20 {
            if v == 0x09 { return .replace(" ") }
            return .replace(Unicode.Scalar(0x2400 + v)!)
        }
        if v == 0x7F { return .replace("\u{2421}") }
        if v < 0xA0 { return .replace(replacement) }
        if v < 0x61C { return .keep }
        switch v {
        case 0x61C, 0x200E, 0x200F: return .drop
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return .replace(replacement)
        default: return .keep
        }
    }

    /// Whether a scalar is one the sanitiser changes (a control, a bidi control, a direction mark).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        action(for: scalar) != .keep || scalar == "\t"
    }

    /// The sanitised form of `text`.
    public static func sanitize(_ text: some StringProtocol) -> String {
        if !text.unicodeScalars.contains(where: isUnsafe) { return String(text) }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch action(for: scalar) {
            case .keep: result.append(scalar)
            case .drop: break
            case .replace(let r): result.append(r)
            }
        }
        return String(result)
    }
}
