/// A special key with a name in angle brackets (`<Enter>`, `<PageDown>`, ...).
public enum NamedKey: String, Sendable, CaseIterable, Hashable {
    /// Enter (Return).
    case enter = "Enter"
    /// Escape.
    case escape = "Esc"
    /// Tab.
    case tab = "Tab"
    /// The space bar.
    case space = "Space"
    /// Backspace.
    case backspace = "Backspace"
    /// Delete (forward delete).
    case delete = "Delete"
    /// Insert.
    case insert = "Insert"
    /// Arrow up.
    case up = "Up"
    /// Arrow down.
    case down = "Down"
    /// Arrow left.
    case left = "Left"
    /// Arrow right.
    case right = "Right"
    /// Home.
    case home = "Home"
    /// End.
    case end = "End"
    /// Page Up.
    case pageUp = "PageUp"
    /// Page Down.
    case pageDown = "PageDown"

    /// Other spellings accepted in a config file (case does not matter), mapped to the key.
    static let aliases: [String: NamedKey] = [
        "cr": .enter, "return": .enter, "enter": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab, "space": .space,
        "bs": .backspace, "backspace": .backspace,
        "del": .delete, "delete": .delete,
        "ins": .insert, "insert": .insert,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "pageup": .pageUp, "pgup": .pageUp, "pagedown": .pageDown, "pgdn": .pageDown,
    ]
}

/// One key press: a character or a named or function key, with modifiers.
///
/// Written in a config file as vim does: `j`, `G`, `<Enter>`, `<C-d>` (Ctrl), `<M-x>` (Alt/Meta),
/// `<S-Tab>` (Shift), `<F1>`. Keys a terminal cannot tell apart are the same key: `<C-i>` is
/// `<Tab>`, `<C-m>` is `<Enter>`, `<C-[>` is `<Esc>`, `<S-a>` is `A`, and `<C-D>` is `<C-d>`.
public struct Key: Sendable, Hashable, CustomStringConvertible {
    /// What was pressed, without modifiers.
    public enum Base: Sendable, Hashable {
        /// A printable character (never a space: that is `.named(.space)`).
        case character(Character)
        /// A special key.
        case named(NamedKey)
        /// A function key, F1 to F24.
        case function(Int)
    }

    /// Modifier keys held down.
    public struct Modifiers: OptionSet, Sendable, Hashable {
        /// The modifier bits.
        public let rawValue: UInt8
        /// Creates modifiers from bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Ctrl (`C-`).
        public static let control = Modifiers(rawValue: 1)
        /// Alt or Meta (`M-`, also `A-`); terminals send it as Esc followed by the key.
        public static let meta = Modifiers(rawValue: 2)
        /// Shift (`S-`), only kept for named and function keys.
        public static let shift = Modifiers(rawValue: 4)
    }

    /// The key without modifiers.
    public let base: Base
    /// The modifiers.
    public let modifiers: Modifiers

    /// Creates a key, normalising the forms a terminal cannot distinguish (see the type's summary).
    public init(_ base: Base, modifiers: Modifiers = []) {
        var base = base
        var modifiers = modifiers
        if case .character(" ") = base { base = .named(.space) }
        if case .character(let character) = base {
            if modifiers.contains(.shift) {
                base = .character(Character(character.uppercased()))
                modifiers.remove(.shift)
            }
            if modifiers.contains(.control) {
                switch character.lowercased() {
                case "i": base = .named(.tab); modifiers.remove(.control)
                case "m": base = .named(.enter); modifiers.remove(.control)
                case "[": base = .named(.escape); modifiers.remove(.control)
                default: base = .character(Character(character.lowercased()))
                }
            }
        }
        self.base = base
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func character(_ character: Character) -> Key { Key(.character(character)) }
    /// A named key.
    public static func named(_ key: NamedKey, modifiers: Modifiers = []) -> Key { Key(.named(key), modifiers: modifiers) }
    /// Ctrl plus a character.
    public static func control(_ character: Character) -> Key { Key(.character(character), modifiers: .control) }
    /// Alt/Meta plus a character.
    public static func meta(_ character: Character) -> Key { Key(.character(character), modifiers: .meta) }
    /// A function key.
    public static func function(_ number: Int) -> Key { Key(.function(number)) }

    /// Whether pressing the key types text (a character without Ctrl or Meta).
    public var isPrintable: Bool {
        if case .character = base { return modifiers.isDisjoint(with: [.control, .meta]) }
        return false
    }

    /// The key as a config file writes it: `j`, `<lt>`, `<Enter>`, `<C-d>`, `<M-S-Up>`, `<F5>`.
    public var description: String {
        var prefix = ""
        if modifiers.contains(.control) { prefix += "C-" }
        if modifiers.contains(.meta) { prefix += "M-" }
        if modifiers.contains(.shift) { prefix += "S-" }
        let name: String
        switch base {
        case .character(let character):
            if prefix.isEmpty {
                switch character {
                case "<": return "<lt>"
                case "\\": return "<Bslash>"
                default: return String(character)
                }
            }
            name = character == "<" ? "lt" : String(character)
        case .named(let key):
            name = key.rawValue
        case .function(let number):
            name = "F\(number)"
        }
        return "<\(prefix)\(name)>"
    }
}
