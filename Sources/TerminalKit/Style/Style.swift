/// How a cell looks: foreground, background and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    /// The foreground (text) colour.
    public var foreground: Color
    /// The background colour.
    public var background: Color
    /// Bold, dim, italic, underline, reverse, blink.
    public var attributes: Attributes

    /// Creates a style.
    /// - Parameters:
    ///   - foreground: text colour, the terminal default if omitted.
    ///   - background: background colour, the terminal default if omitted.
    ///   - attributes: text attributes.
    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Default colours, no attributes.
    public static let plain = Style()

    /// This style with `other`'s non-default colours laid over it and its attributes added.
    public func patched(with other: Style) -> Style {
        Style(foreground: other.foreground == .default ? foreground : other.foreground,
              background: other.background == .default ? background : other.background,
              attributes: attributes.union(other.attributes))
    }

    /// This style with `attributes` added.
    public func adding(_ attributes: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    /// A compact form for text-grid tests: `fg=red bg=default bold,underline`, or `plain`.
    public var description: String {
        if self == .plain { return "plain" }
        var parts: [String] = []
        if foreground != .default { parts.append("fg=\(foreground)") }
        if background != .default { parts.append("bg=\(background)") }
        if !attributes.isEmpty { parts.append(attributes.names.joined(separator: ",")) }
        return parts.joined(separator: " ")
    }
}
