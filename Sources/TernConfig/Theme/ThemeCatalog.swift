import Foundation

/// Finds and loads themes by name: a user theme in `$XDG_CONFIG_HOME/tern/themes/NAME.toml` first,
/// then the themes shipped in the binary (``ShippedThemes``), following `inherit` chains.
public struct ThemeCatalog: Sendable {
    /// The folder user themes are read from, or nil for shipped themes only.
    public let userDirectory: String?
    /// User themes given as text (tests), keyed by name.
    private let userTexts: [String: String]

    /// A catalog reading user themes from `userDirectory`.
    /// - Parameter userDirectory: Usually ``ConfigLocator/themeDirectory(environment:)``; nil for none.
    public init(userDirectory: String?) {
        self.userDirectory = userDirectory
        self.userTexts = [:]
    }

    /// A catalog whose user themes are given as text, for tests and previews.
    /// - Parameter userThemes: Theme file contents keyed by theme name.
    public init(userThemes: [String: String]) {
        self.userDirectory = nil
        self.userTexts = userThemes
    }

    /// The names of the themes shipped with tern.
    public static var shippedNames: [String] {
        ShippedThemes.files.map(\.name)
    }

    /// Every theme name available: shipped and user themes, sorted.
    public func availableNames() -> [String] {
        var names = Set(Self.shippedNames).union(userTexts.keys)
        if let userDirectory, let files = try? FileManager.default.contentsOfDirectory(atPath: userDirectory) {
            for file in files where file.hasSuffix(".toml") {
                let name = String(file.dropLast(5))
                if Self.isValidName(name) { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// Whether `name` may name a theme: letters, digits, `-` and `_` (so it cannot leave the folder).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// Loads the theme `name` with everything it inherits.
    /// - Throws: ``ConfigError`` if there is no such theme, a theme file is bad, or `inherit` loops;
    ///   each problem names the theme file and line.
    public func load(_ name: String) throws(ConfigError) -> Theme {
        guard Self.isValidName(name) else {
            throw ConfigError(ConfigDiagnostic(
                file: "theme", line: nil, message: "\(DisplayText.quoted(name)) is not a valid theme name",
                hint: "a theme name has only letters, digits, - and _"))
        }
        guard let theme = try load(name, chain: [], skipUserFor: nil) else {
            let names = availableNames()
            throw ConfigError(ConfigDiagnostic(
                file: "theme", line: nil, message: "there is no theme called \(DisplayText.quoted(name))",
                hint: Suggestion.didYouMean(name, in: names) ?? "the themes are \(names.joined(separator: ", "))"))
        }
        return theme
    }

    /// A theme file's text and how to name it in messages.
    private struct Source {
        let text: String
        let file: String
        let isUser: Bool
    }

    /// The source of theme `name`: the user's file unless `skipUser`, else the shipped one.
    private func source(of name: String, skipUser: Bool) throws(ConfigError) -> Source? {
        if !skipUser {
            if let text = userTexts[name] {
                return Source(text: text, file: "themes/\(name).toml", isUser: true)
            }
            if let userDirectory {
                let path = ConfigDefaults.joinPath(userDirectory, "\(name).toml")
                if FileManager.default.fileExists(atPath: path) {
                    let text = try ConfigFileReader.read(path)
                    return Source(text: text, file: path, isUser: true)
                }
            }
        }
        if let shipped = ShippedThemes.files.first(where: { $0.name == name }) {
            return Source(text: shipped.text, file: "themes/\(name).toml (built in)", isUser: false)
        }
        return nil
    }

    /// Loads `name`; nil if no such theme exists. `chain` holds the themes that inherit it, to catch loops.
    private func load(_ name: String, chain: [String], skipUserFor: String?) throws(ConfigError) -> Theme? {
        guard let source = try source(of: name, skipUser: skipUserFor == name) else { return nil }
        let document = try TOMLDocument(text: source.text, file: source.file)
        let decoded = try ThemeDecoder.decode(document)
        var parent: Theme?
        if let inherit = decoded.inherit {
            // A user theme that inherits its own name builds on the shipped theme of that name.
            let selfInherit = source.isUser && inherit.name == name
            let link = source.isUser ? "\(name) (yours)" : name
            if !selfInherit && (chain.contains(inherit.name) || inherit.name == name) {
                throw ConfigError(ConfigDiagnostic(
                    file: source.file, line: inherit.line,
                    message: "themes inherit in a loop: \((chain + [link, inherit.name]).joined(separator: " -> "))",
                    hint: "remove one of the inherit lines"))
            }
            guard Self.isValidName(inherit.name),
                  let loaded = try load(inherit.name, chain: chain + [name], skipUserFor: selfInherit ? name : nil)
            else {
                throw ConfigError(ConfigDiagnostic(
                    file: source.file, line: inherit.line,
                    message: "inherit names \(DisplayText.quoted(inherit.name)), but there is no such theme",
                    hint: Suggestion.didYouMean(inherit.name, in: availableNames())
                        ?? "the themes are \(availableNames().joined(separator: ", "))"))
            }
            parent = loaded
        }
        return Self.resolve(name: name, origin: source.file, partials: decoded.partials, parent: parent)
    }

    /// Combines a theme's own partial styles with its parent's styles into a theme.
    static func resolve(name: String, origin: String, partials: [ThemeKey: PartialStyle], parent: Theme?) -> Theme {
        var full: [ThemeKey: ThemeStyle] = [:]
        func style(_ key: ThemeKey) -> ThemeStyle {
            if let known = full[key] { return known }
            let base: ThemeStyle
            if let parent, parent.definedKeys.contains(key) {
                base = parent[key]
            } else {
                base = key.fallback.map(style) ?? .plain
            }
            let result = partials[key]?.applied(to: base) ?? base
            full[key] = result
            return result
        }
        var explicit: [ThemeKey: ThemeStyle] = [:]
        let defined = Set(partials.keys).union(parent?.definedKeys ?? [])
        for key in ThemeKey.allCases where defined.contains(key) {
            explicit[key] = style(key)
        }
        return Theme(name: name, origin: origin, styles: explicit)
    }
}
