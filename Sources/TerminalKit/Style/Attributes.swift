/// Text attributes of a cell. Terminals without an attribute ignore it.
public struct Attributes: OptionSet, Hashable, Sendable {
    /// The bits.
    public let rawValue: UInt8
    /// Creates attributes from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold or bright.
    public static let bold = Attributes(rawValue: 1 << 0)
    /// Dim (half-bright).
    public static let dim = Attributes(rawValue: 1 << 1)
    /// Italic.
    public static let italic = Attributes(rawValue: 1 << 2)
    /// Underlined.
    public static let underline = Attributes(rawValue: 1 << 3)
    /// Foreground and background swapped.
    public static let reverse = Attributes(rawValue: 1 << 4)
    /// Blinking.
    public static let blink = Attributes(rawValue: 1 << 5)

    /// The attribute names in the order used by ``names`` and ``init(names:)``.
    public static let named: [(String, Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic),
        ("underline", .underline), ("reverse", .reverse), ("blink", .blink),
    ]

    /// The names of the set attributes, e.g. `["bold", "underline"]`.
    public var names: [String] { Self.named.filter { contains($0.1) }.map(\.0) }

    /// Parses attribute names; nil if one is unknown.
    /// - Parameter names: names from ``named`` (case-insensitive).
    public init?(names: [String]) {
        var result: Attributes = []
        for name in names {
            guard let attribute = Self.named.first(where: { $0.0 == name.lowercased() })?.1 else { return nil }
            result.insert(attribute)
        }
        self = result
    }
}
