/// Text attributes of a theme style (`attrs = ["bold", "underline"]`).
public struct TextAttributes: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The attribute bits.
    public let rawValue: UInt8

    /// Creates attributes from their bits.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Bold (or bright) text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Dim (faint) text.
    public static let dim = TextAttributes(rawValue: 1 << 1)
    /// Italic text.
    public static let italic = TextAttributes(rawValue: 1 << 2)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 1 << 3)
    /// Foreground and background swapped.
    public static let reverse = TextAttributes(rawValue: 1 << 4)
    /// Blinking text.
    public static let blink = TextAttributes(rawValue: 1 << 5)

    /// Each attribute with its name in a theme file, in display order.
    public static let named: [(name: String, value: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic),
        ("underline", .underline), ("reverse", .reverse), ("blink", .blink),
    ]

    /// The attribute called `name`, if any.
    public init?(name: String) {
        guard let match = Self.named.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = match.value
    }

    /// The attribute names, space-separated, or `none`.
    public var description: String {
        let names = Self.named.filter { contains($0.value) }.map(\.name)
        return names.isEmpty ? "none" : names.joined(separator: " ")
    }
}

/// How one part of the screen looks: foreground, background and attributes.
public struct ThemeStyle: Sendable, Hashable, CustomStringConvertible {
    /// The text colour.
    public var foreground: ThemeColor
    /// The background colour.
    public var background: ThemeColor
    /// Bold, underline and so on.
    public var attributes: TextAttributes

    /// The terminal's default look.
    public static let plain = ThemeStyle(foreground: .default, background: .default, attributes: [])

    /// Creates a style.
    public init(foreground: ThemeColor = .default, background: ThemeColor = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// `fg on bg [attrs]`.
    public var description: String {
        "\(foreground) on \(background)" + (attributes.isEmpty ? "" : " \(attributes)")
    }
}

/// A style as a theme file writes it: any of the three parts may be left out.
struct PartialStyle: Sendable, Equatable {
    var foreground: ThemeColor?
    var background: ThemeColor?
    var attributes: TextAttributes?

    /// `base` with the parts this style sets replaced.
    func applied(to base: ThemeStyle) -> ThemeStyle {
        ThemeStyle(foreground: foreground ?? base.foreground, background: background ?? base.background,
                   attributes: attributes ?? base.attributes)
    }
}
