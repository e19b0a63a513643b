/// A colour in a theme: the terminal's default, one of the 256 palette entries, or a 24-bit colour.
///
/// Written by name (`default`, `black`, `red`, `green`, `yellow`, `blue`, `magenta`, `cyan`, `white`,
/// and `bright-black` ... `bright-white`, which are palette entries 0 to 15), as a palette index
/// `0`...`255` (an integer or a string of digits) or as `#rrggbb`. The UI maps 24-bit colours to
/// the nearest palette entry on terminals without direct colour.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    /// The terminal's default foreground or background.
    case `default`
    /// A palette entry: 0-7 the basic colours, 8-15 their bright forms, 16-255 the extended palette.
    case palette(UInt8)
    /// A 24-bit colour.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The names of palette entries 0 to 15, in order.
    public static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses a colour written as a string; nil if it is none of the accepted forms.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        if lowered == "default" {
            self = .default
        } else if let index = Self.names.firstIndex(of: lowered) {
            self = .palette(UInt8(index))
        } else if lowered.hasPrefix("#") {
            let digits = Array(lowered.dropFirst().utf8)
            guard digits.count == 6, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else {
                return nil
            }
            self = .rgb(red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
        } else if !lowered.isEmpty, lowered.allSatisfy({ $0.isASCII && $0.isNumber }), let index = UInt8(lowered) {
            self = .palette(index)
        } else {
            return nil
        }
    }

    /// The colour as a theme file would write it (names for entries 0-15).
    public var description: String {
        switch self {
        case .default:
            return "default"
        case .palette(let index):
            return index < 16 ? Self.names[Int(index)] : String(index)
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { byte in
                let hex = String(byte, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
        }
    }
}
