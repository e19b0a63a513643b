import TerminalKit
import TernConfig

/// The two key types meet here: TerminalKit decodes what the terminal sends, TernConfig names what a
/// keymap binds. Both use the same normalisation (`<C-i>` is Tab, `<S-a>` is `A`), so the mapping is
/// one to one for every key a terminal can send.
extension TernConfig.Key {
    /// The keymap key for a decoded key press, or nil for a key no keymap can name (function keys
    /// above F24).
    /// - Parameter key: the key TerminalKit decoded.
    public init?(terminal key: TerminalKit.Key) {
        var modifiers: TernConfig.Key.Modifiers = []
        if key.modifiers.contains(.control) { modifiers.insert(.control) }
        if key.modifiers.contains(.alt) { modifiers.insert(.meta) }
        if key.modifiers.contains(.shift) { modifiers.insert(.shift) }
        let base: TernConfig.Key.Base
        switch key.code {
        case .character(" "): base = .named(.space)
        case .character(let c): base = .character(c)
        case .enter: base = .named(.enter)
        case .escape: base = .named(.escape)
        case .tab: base = .named(.tab)
        case .backspace: base = .named(.backspace)
        case .delete: base = .named(.delete)
        case .insert: base = .named(.insert)
        case .up: base = .named(.up)
        case .down: base = .named(.down)
        case .left: base = .named(.left)
        case .right: base = .named(.right)
        case .home: base = .named(.home)
        case .end: base = .named(.end)
        case .pageUp: base = .named(.pageUp)
        case .pageDown: base = .named(.pageDown)
        case .function(let n):
            guard (1...24).contains(n) else { return nil }
            base = .function(n)
        }
        self.init(base, modifiers: modifiers)
    }
}
