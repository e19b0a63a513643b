/// Reads one theme file into partial styles and an optional parent name.
///
/// A style is a table with `fg`, `bg` and `attrs`, under its key's name. The name may be written as
/// nested tables (`[list.unread]`), as a dotted or quoted key (`"list.unread" = { fg = "yellow" }`),
/// or a mix. Top-level `inherit = "NAME"` names a theme whose styles apply where this one sets none,
/// and `description = "..."` is free text.
struct ThemeDecoder {
    /// What a theme file says.
    struct Result {
        /// The theme it inherits, if any, with the line that names it.
        var inherit: (name: String, line: Int?)?
        /// The styles it sets.
        var partials: [ThemeKey: PartialStyle]
    }

    /// Decodes `document`.
    /// - Throws: ``ConfigError`` listing every unknown key, bad colour and bad attribute with its line.
    static func decode(_ document: TOMLDocument) throws(ConfigError) -> Result {
        let context = DecodingContext(document: document, environment: [:])
        var result = Result(inherit: nil, partials: [:])
        var definedAt: [ThemeKey: KeyPath] = [:]
        for key in document.locator.fileOrder(of: document.root.keys, in: .root) {
            guard let node = document.root[key] else { continue }
            let path = KeyPath(key)
            switch key {
            case "inherit":
                guard case .string(let name) = node, !name.isEmpty else {
                    context.report(at: path, "\"inherit\" must be a theme name", hint: "write inherit = \"default\"")
                    continue
                }
                result.inherit = (name, context.line(of: path))
            case "description":
                if case .string = node { continue }
                context.report(at: path, "\"description\" must be a string, not \(node.typeName)")
            default:
                visit(node, name: [], key: key, path: path, context: context, into: &result.partials, definedAt: &definedAt)
            }
        }
        try context.throwIfNeeded()
        return result
    }

    private static let fields: Set<String> = ["fg", "bg", "attrs"]

    /// Walks the entry `key` below the style name `name`, reading styles and reporting the rest.
    private static func visit(
        _ node: TOMLNode, name: [String], key: String, path: KeyPath, context: DecodingContext,
        into partials: inout [ThemeKey: PartialStyle], definedAt: inout [ThemeKey: KeyPath]
    ) {
        let fullName = name + key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let joined = fullName.joined(separator: ".")
        guard case .table(let entries) = node else {
            let parentName = name.joined(separator: ".")
            if ThemeKey(rawValue: joined) == nil, ThemeKey(rawValue: parentName) != nil {
                context.report(at: path, "unknown key \(DisplayText.quoted(key)) in theme style \"\(parentName)\"",
                               hint: Suggestion.didYouMean(key, in: fields.sorted()) ?? "a style has fg, bg and attrs")
                return
            }
            let suggestion = Suggestion.didYouMean(joined, in: ThemeKey.allCases.map(\.rawValue))
            if ThemeKey(rawValue: joined) != nil {
                context.report(at: path, "theme key \"\(joined)\" must be a table of fg, bg and attrs, not \(node.typeName)",
                               hint: "write \"\(joined)\" = { fg = \"white\", bg = \"default\", attrs = [\"bold\"] }")
            } else {
                context.report(at: path, "unknown theme key \(DisplayText.quoted(joined))",
                               hint: suggestion ?? "see docs/config.md for the theme keys")
            }
            return
        }
        let hasFields = entries.keys.contains(where: fields.contains)
        if hasFields {
            if let themeKey = ThemeKey(rawValue: joined) {
                if let earlier = definedAt[themeKey] {
                    let line = context.line(of: earlier).map { " (line \($0))" } ?? ""
                    context.report(at: path, "theme key \"\(joined)\" is set twice", hint: "keep only one of this and the one above\(line)")
                } else {
                    partials[themeKey] = readStyle(entries, name: joined, path: path, context: context)
                    definedAt[themeKey] = path
                }
            } else {
                let suggestion = Suggestion.didYouMean(joined, in: ThemeKey.allCases.map(\.rawValue))
                context.report(at: path, "unknown theme key \(DisplayText.quoted(joined))",
                               hint: suggestion ?? "see docs/config.md for the theme keys")
            }
        }
        for child in context.document.locator.fileOrder(of: entries.keys, in: path) where !fields.contains(child) {
            guard let value = entries[child] else { continue }
            visit(value, name: fullName, key: child, path: path.appending(child), context: context,
                  into: &partials, definedAt: &definedAt)
        }
        if entries.isEmpty, ThemeKey(rawValue: joined) == nil {
            context.report(at: path, "unknown theme key \(DisplayText.quoted(joined))",
                           hint: Suggestion.didYouMean(joined, in: ThemeKey.allCases.map(\.rawValue)) ?? "see docs/config.md")
        }
    }

    /// Reads `fg`, `bg` and `attrs` of one style.
    private static func readStyle(_ entries: [String: TOMLNode], name: String, path: KeyPath, context: DecodingContext) -> PartialStyle {
        var style = PartialStyle()
        if let node = entries["fg"] { style.foreground = color(node, path: path.appending("fg"), context: context) }
        if let node = entries["bg"] { style.background = color(node, path: path.appending("bg"), context: context) }
        if let node = entries["attrs"] { style.attributes = attributes(node, path: path.appending("attrs"), context: context) }
        return style
    }

    private static let colorHint =
        "write a colour name (default, red, bright-blue, ...), a number 0-255 or \"#rrggbb\""

    /// A colour from a string or an integer.
    static func color(_ node: TOMLNode, path: KeyPath, context: DecodingContext) -> ThemeColor? {
        switch node {
        case .string(let text):
            if let color = ThemeColor(text) { return color }
            let suggestion = Suggestion.closest(to: text, in: ["default"] + ThemeColor.names)
            context.report(at: path, "\(DisplayText.quoted(text)) is not a colour",
                           hint: suggestion.map { "did you mean \"\($0)\"?" } ?? colorHint)
        case .integer(let value):
            if (0...255).contains(value) { return .palette(UInt8(value)) }
            context.report(at: path, "colour \(value) is outside 0...255", hint: colorHint)
        default:
            context.report(at: path, "a colour must be a string or an integer, not \(node.typeName)", hint: colorHint)
        }
        return nil
    }

    /// Attributes from a string or an array of strings.
    static func attributes(_ node: TOMLNode, path: KeyPath, context: DecodingContext) -> TextAttributes? {
        let elements: [(TOMLNode, KeyPath)]
        switch node {
        case .string:
            elements = [(node, path)]
        case .array(let array):
            elements = array.enumerated().map { ($0.element, path.appending(index: $0.offset)) }
        default:
            context.report(at: path, "\"attrs\" must be an array of attribute names, not \(node.typeName)",
                           hint: "write attrs = [\"bold\", \"underline\"]")
            return nil
        }
        var result: TextAttributes = []
        var valid = true
        let names = TextAttributes.named.map(\.name)
        for (element, elementPath) in elements {
            guard case .string(let text) = element else {
                context.report(at: elementPath, "an attribute must be a string, not \(element.typeName)",
                               hint: "write one of \(names.joined(separator: ", "))")
                valid = false
                continue
            }
            if text.lowercased() == "none" { continue }
            guard let attribute = TextAttributes(name: text) else {
                context.report(at: elementPath, "\(DisplayText.quoted(text)) is not an attribute",
                               hint: Suggestion.didYouMean(text, in: names) ?? "write one of \(names.joined(separator: ", "))")
                valid = false
                continue
            }
            result.insert(attribute)
        }
        return valid ? result : nil
    }
}
