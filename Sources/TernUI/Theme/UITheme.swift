import TerminalKit
import TernConfig

/// A TernConfig ``Theme`` turned into TerminalKit styles: what every TernUI widget draws with.
///
/// The mapping is direct: palette entries 0 to 7 become the named ANSI colours, 8 to 255 palette
/// indexes, `#rrggbb` stays 24-bit (the screen picks the nearest colour the terminal has), and the
/// attributes carry over one to one.
public struct UITheme: Sendable {
    /// The theme's name, for the status line and the log.
    public let name: String
    private let styles: [Style]

    /// Resolves every key of `theme` once.
    /// - Parameter theme: a loaded theme (``Theme/builtInDefault`` when the config names none).
    public init(_ theme: Theme) {
        name = theme.name
        styles = ThemeKey.allCases.map { Self.style(theme[$0]) }
    }

    /// The style for `key`.
    public subscript(key: ThemeKey) -> Style {
        styles[Self.index[key] ?? 0]
    }

    /// The built-in default theme.
    public static let standard = UITheme(Theme.builtInDefault)

    /// A theme with every key plain (text-grid tests that do not look at colours).
    public static let plain = UITheme(Theme(name: "plain", origin: "tests", styles: [:]))

    /// The TerminalKit style of a theme style.
    public static func style(_ style: ThemeStyle) -> Style {
        Style(foreground: color(style.foreground), background: color(style.background),
              attributes: attributes(style.attributes))
    }

    /// The TerminalKit colour of a theme colour.
    public static func color(_ color: ThemeColor) -> Color {
        switch color {
        case .default: return .default
        case .palette(let index):
            if index < 8, let named = Color.NamedColor(rawValue: index) { return .named(named) }
            return .indexed(index)
        case .rgb(let red, let green, let blue): return .rgb(red, green, blue)
        }
    }

    /// The TerminalKit attributes of theme attributes.
    public static func attributes(_ attributes: TextAttributes) -> Attributes {
        var result: Attributes = []
        let pairs: [(TextAttributes, Attributes)] = [
            (.bold, .bold), (.dim, .dim), (.italic, .italic), (.underline, .underline), (.reverse, .reverse), (.blink, .blink),
        ]
        for (theme, terminal) in pairs where attributes.contains(theme) { result.insert(terminal) }
        return result
    }

    private static let index: [ThemeKey: Int] = {
        var result: [ThemeKey: Int] = [:]
        for (i, key) in ThemeKey.allCases.enumerated() { result[key] = i }
        return result
    }()
}
