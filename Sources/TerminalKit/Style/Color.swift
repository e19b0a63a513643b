/// A terminal colour: the terminal's default, one of the 8 ANSI colours, an index into the 256-colour
/// palette, or a 24-bit RGB value. A screen maps colours the terminal cannot show to the nearest one
/// it can (see ``ColorDowngrade``).
public enum Color: Hashable, Sendable {
    /// The terminal's default foreground or background.
    case `default`
    /// One of the 8 ANSI colours (palette entries 0 to 7).
    case named(NamedColor)
    /// An entry of the 256-colour palette (0-15 ANSI and bright, 16-231 cube, 232-255 greys).
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The 8 ANSI colours, in palette order.
    public enum NamedColor: UInt8, CaseIterable, Sendable {
        /// Palette entry 0.
        case black
        /// Palette entry 1.
        case red
        /// Palette entry 2.
        case green
        /// Palette entry 3.
        case yellow
        /// Palette entry 4.
        case blue
        /// Palette entry 5.
        case magenta
        /// Palette entry 6.
        case cyan
        /// Palette entry 7.
        case white
    }

    /// Shorthand for `.named(.black)`.
    public static let black = Color.named(.black)
    /// Shorthand for `.named(.red)`.
    public static let red = Color.named(.red)
    /// Shorthand for `.named(.green)`.
    public static let green = Color.named(.green)
    /// Shorthand for `.named(.yellow)`.
    public static let yellow = Color.named(.yellow)
    /// Shorthand for `.named(.blue)`.
    public static let blue = Color.named(.blue)
    /// Shorthand for `.named(.magenta)`.
    public static let magenta = Color.named(.magenta)
    /// Shorthand for `.named(.cyan)`.
    public static let cyan = Color.named(.cyan)
    /// Shorthand for `.named(.white)`.
    public static let white = Color.named(.white)

    /// Parses `default`, a colour name (`red`, `brightred`), `colorN` / a number 0-255, or `#rrggbb`.
    ///
    /// - Parameter text: the colour as written in a theme file (case-insensitive).
    /// - Returns: nil when `text` is none of these forms.
    public init?(parsing text: String) {
        let t = String(text.lowercased().filter { $0 != " " && $0 != "\t" })
        if t == "default" || t == "none" { self = .default; return }
        if let named = NamedColor.allCases.first(where: { "\($0)" == t }) { self = .named(named); return }
        if t.hasPrefix("bright"), let named = NamedColor.allCases.first(where: { "bright\($0)" == t }) {
            self = .indexed(named.rawValue + 8); return
        }
        var digits = Substring(t)
        if digits.hasPrefix("color") { digits = digits.dropFirst(5) }
        if let n = UInt8(digits) { self = .indexed(n); return }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)); return
        }
        return nil
    }
}

extension Color: CustomStringConvertible {
    /// The form ``init(parsing:)`` accepts: `default`, `red`, `color42`, `#ff8800`.
    public var description: String {
        switch self {
        case .default: return "default"
        case .named(let n): return "\(n)"
        case .indexed(let i): return "color\(i)"
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }
}
