/// A key press: a code and modifiers.
///
/// Characters carry their case (`G` is `.character("G")` with no shift); control combinations of
/// letters are stored lower-case (`<C-d>`), because a terminal sends the same byte for Ctrl-D and
/// Ctrl-Shift-D. Keys print and parse the names used in config files (see ``name`` and
/// ``init(parsing:)``).
public struct Key: Hashable, Sendable {
    /// What was pressed.
    public enum Code: Hashable, Sendable {
        /// A printable character (including space).
        case character(Character)
        /// Enter / Return.
        case enter
        /// Escape.
        case escape
        /// Tab (Shift-Tab is `.tab` with `.shift`).
        case tab
        /// Backspace.
        case backspace
        /// Delete (forward).
        case delete
        /// Insert.
        case insert
        /// Arrow up.
        case up
        /// Arrow down.
        case down
        /// Arrow left.
        case left
        /// Arrow right.
        case right
        /// Home.
        case home
        /// End.
        case end
        /// Page Up.
        case pageUp
        /// Page Down.
        case pageDown
        /// Function key F1 to F63.
        case function(Int)
    }

    /// Modifier keys.
    public struct Modifiers: OptionSet, Hashable, Sendable {
        /// The bits.
        public let rawValue: UInt8
        /// Creates modifiers from bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Shift (only for non-character keys: `<S-Tab>`, `<S-Up>`).
        public static let shift = Modifiers(rawValue: 1)
        /// Alt / Meta (sent by terminals as an ESC prefix).
        public static let alt = Modifiers(rawValue: 2)
        /// Control.
        public static let control = Modifiers(rawValue: 4)
    }

    /// What was pressed.
    public var code: Code
    /// Held modifiers.
    public var modifiers: Modifiers

    /// Creates a key.
    /// - Parameters:
    ///   - code: the key.
    ///   - modifiers: held modifiers.
    public init(_ code: Code, modifiers: Modifiers = []) {
        self.code = code
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func char(_ c: Character) -> Key { Key(.character(c)) }
    /// Control plus a character, e.g. `.ctrl("d")` for `<C-d>` (letters lower-cased).
    public static func ctrl(_ c: Character) -> Key { Key(.character(Character(c.lowercased())), modifiers: .control) }
    /// Alt plus a character, e.g. `.alt("x")` for `<M-x>`.
    public static func alt(_ c: Character) -> Key { Key(.character(c), modifiers: .alt) }

    /// Enter.
    public static let enter = Key(.enter)
    /// Escape.
    public static let escape = Key(.escape)
    /// Tab.
    public static let tab = Key(.tab)
    /// Shift-Tab.
    public static let backTab = Key(.tab, modifiers: .shift)
    /// Backspace.
    public static let backspace = Key(.backspace)
    /// Delete.
    public static let delete = Key(.delete)
    /// Arrow up.
    public static let up = Key(.up)
    /// Arrow down.
    public static let down = Key(.down)
    /// Arrow left.
    public static let left = Key(.left)
    /// Arrow right.
    public static let right = Key(.right)
    /// Home.
    public static let home = Key(.home)
    /// End.
    public static let end = Key(.end)
    /// Page Up.
    public static let pageUp = Key(.pageUp)
    /// Page Down.
    public static let pageDown = Key(.pageDown)
    /// Space.
    public static let space = Key(.character(" "))
    /// Function key `n`.
    public static func f(_ n: Int) -> Key { Key(.function(n)) }

    /// The character of a plain (unmodified) character key, else nil. Text fields insert these.
    public var insertableCharacter: Character? {
        if case .character(let c) = code, modifiers.isEmpty { return c }
        return nil
    }
}
