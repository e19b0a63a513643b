/// Printing and parsing key names as used in config keymaps.
///
/// Grammar: a plain printable character stands for itself (`j`, `G`, `?`, `é`); anything else is a
/// name in angle brackets, with optional modifier prefixes `C-` (control), `M-` or `A-` (alt) and
/// `S-` (shift): `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<Space>`, `<Up>`, `<Down>`, `<Left>`,
/// `<Right>`, `<PageUp>`, `<PageDown>`, `<Home>`, `<End>`, `<Insert>`, `<Delete>`, `<Backspace>`,
/// `<F1>`..`<F63>`, `<C-d>`, `<M-x>`, `<C-M-x>`, `<lt>` (a literal `<`). Names are case-insensitive;
/// the letter after `C-` is lower-cased (`<C-D>` is `<C-d>`), and keys a terminal cannot tell apart
/// are one key: `<C-i>` is `<Tab>`, `<C-m>` is `<Enter>`, `<C-[>` is `<Esc>`, `<S-a>` is `A`. This is
/// the notation of TernConfig's key names, so a config key converts with `Key(parsing: configKey.description)`.
extension Key: CustomStringConvertible {
    /// Canonical names of the special keys.
    static let codeNames: [(String, Code)] = [
        ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("Backspace", .backspace),
        ("Delete", .delete), ("Insert", .insert), ("Up", .up), ("Down", .down), ("Left", .left),
        ("Right", .right), ("Home", .home), ("End", .end), ("PageUp", .pageUp), ("PageDown", .pageDown),
    ]

    /// Other accepted spellings, lower-cased.
    static let aliases: [String: Code] = [
        "cr": .enter, "return": .enter, "ret": .enter, "escape": .escape, "bs": .backspace,
        "del": .delete, "ins": .insert, "pgup": .pageUp, "pgdn": .pageDown, "pagedn": .pageDown,
        "space": .character(" "), "lt": .character("<"), "gt": .character(">"), "bslash": .character("\\"),
        "bar": .character("|"),
    ]

    /// The config name of the key: `j`, `G`, `<Enter>`, `<C-d>`, `<M-x>`, `<S-Tab>`, `<F5>`, `<Space>`.
    public var name: String {
        var prefix = ""
        if modifiers.contains(.control) { prefix += "C-" }
        if modifiers.contains(.alt) { prefix += "M-" }
        if modifiers.contains(.shift) { prefix += "S-" }
        let base: String
        switch code {
        case .character(" "): base = "Space"
        case .character("<"): base = "lt"
        case .character(let c):
            if prefix.isEmpty { return String(c) }
            base = String(c)
        case .function(let n): base = "F\(n)"
        default: base = Self.codeNames.first { $0.1 == code }?.0 ?? "?"
        }
        return "<\(prefix)\(base)>"
    }

    /// Same as ``name``.
    public var description: String { name }

    /// Parses one key name (see the grammar above); nil when it is not a key name.
    public init?(parsing text: String) {
        guard let keys = Key.parseSequence(text), keys.count == 1 else { return nil }
        self = keys[0]
    }

    /// Parses a sequence of keys such as `gg`, `<C-x>c` or `<Esc>:q<Enter>`; nil on a malformed name.
    public static func parseSequence(_ text: String) -> [Key]? {
        var result: [Key] = []
        var rest = Substring(text)
        while let first = rest.first {
            if first == "<", let close = rest.dropFirst().firstIndex(of: ">"), close > rest.index(after: rest.startIndex) {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                guard let key = parseBracketed(inner) else { return nil }
                result.append(key)
                rest = rest[rest.index(after: close)...]
            } else {
                guard first.unicodeScalars.allSatisfy({ !Sanitizer.isUnsafe($0) }), first != " " else { return nil }
                result.append(.char(first))
                rest = rest.dropFirst()
            }
        }
        return result.isEmpty ? nil : result
    }

    private static func parseBracketed(_ inner: Substring) -> Key? {
        var modifiers: Modifiers = []
        var rest = inner
        while rest.count > 2, rest[rest.index(after: rest.startIndex)] == "-" {
            switch rest.first?.lowercased() {
            case "c": modifiers.insert(.control)
            case "m", "a": modifiers.insert(.alt)
            case "s": modifiers.insert(.shift)
            default: return nil
            }
            rest = rest.dropFirst(2)
        }
        let lower = rest.lowercased()
        var code: Code
        if let named = codeNames.first(where: { $0.0.lowercased() == lower }) {
            code = named.1
        } else if let alias = aliases[lower] {
            code = alias
        } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) {
            code = .function(n)
        } else if rest.count == 1, let c = rest.first, c.unicodeScalars.allSatisfy({ !Sanitizer.isUnsafe($0) }) {
            code = .character(c)
        } else {
            return nil
        }
        if case .character(let c) = code {
            // Keys a terminal sends as the same byte are the same key.
            if modifiers.contains(.control) {
                switch c.lowercased() {
                case "i": code = .tab; modifiers.remove(.control)
                case "m": code = .enter; modifiers.remove(.control)
                case "[": code = .escape; modifiers.remove(.control)
                default: code = .character(Character(c.lowercased()))
                }
            }
        }
        if case .character(let c) = code {
            // Shift with a character is the character itself (`<S-a>` is `A`).
            if modifiers.contains(.shift) {
                modifiers.remove(.shift)
                if !modifiers.contains(.control) { code = .character(Character(c.uppercased())) }
            }
        }
        return Key(code, modifiers: modifiers)
    }
}
