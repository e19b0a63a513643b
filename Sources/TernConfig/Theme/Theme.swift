/// A complete, resolved theme: a style for every ``ThemeKey``.
///
/// TernUI maps these styles to the terminal's colours and attributes; this type knows nothing of the
/// terminal.
public struct Theme: Sendable, Equatable {
    /// The theme's name (its file name without `.toml`).
    public let name: String
    /// Where the theme was read from: a file path, or `themes/NAME.toml (built in)`.
    public let origin: String
    /// The keys set by the theme file or a theme it inherits, rather than taken from a fallback key.
    public let definedKeys: Set<ThemeKey>
    private let styles: [ThemeKey: ThemeStyle]

    /// Creates a theme from a style for some keys; keys without one take their fallback's style.
    /// - Parameters:
    ///   - name: The theme's name.
    ///   - origin: Where it came from.
    ///   - styles: The styles set; missing keys fall back (see ``ThemeKey/fallback``).
    public init(name: String, origin: String, styles: [ThemeKey: ThemeStyle]) {
        self.name = name
        self.origin = origin
        self.definedKeys = Set(styles.keys)
        var resolved: [ThemeKey: ThemeStyle] = [:]
        for key in ThemeKey.allCases {
            resolved[key] = Self.resolve(key, styles: styles)
        }
        self.styles = resolved
    }

    private static func resolve(_ key: ThemeKey, styles: [ThemeKey: ThemeStyle]) -> ThemeStyle {
        var current: ThemeKey? = key
        while let candidate = current {
            if let style = styles[candidate] { return style }
            current = candidate.fallback
        }
        return .plain
    }

    /// The style for `key`.
    public subscript(key: ThemeKey) -> ThemeStyle {
        styles[key] ?? .plain
    }

    /// The built-in `default` theme (always available; it cannot fail to load).
    public static var builtInDefault: Theme {
        (try? ThemeCatalog(userDirectory: nil).load(ConfigDefaults.themeName))
            ?? Theme(name: ConfigDefaults.themeName, origin: "built in", styles: [:])
    }
}
