/// What a key did to a ``TextFieldState``.
public enum TextFieldAction: Hashable, Sendable {
    /// The text changed.
    case edited
    /// Only the cursor moved.
    case moved
    /// Enter: the user accepted the text.
    case submitted
    /// Escape or `<C-c>`: the user gave up.
    case cancelled
    /// The event is not for the field (the caller may use it).
    case ignored
}

/// The editing state of a one-line ``TextField``: the text, the cursor and the horizontal scroll.
///
/// Keys (emacs/readline style): Left/Right, Home/End, `<C-a>`/`<C-e>`, `<C-b>`/`<C-f>`, `<M-b>`/`<M-f>`
/// (word), Backspace/`<C-h>`, Delete/`<C-d>`, `<C-w>`/`<M-Backspace>` (word back), `<C-u>` (to start),
/// `<C-k>` (to end), Enter, Escape/`<C-c>`. Pasted text is inserted with line breaks and tabs as spaces.
public struct TextFieldState: Hashable, Sendable {
    /// The text as characters (grapheme clusters), for cursor arithmetic.
    public private(set) var characters: [Character]
    /// The cursor, as an index into ``characters`` (0...count).
    public private(set) var cursor: Int
    /// The first character shown (kept so the cursor stays visible).
    public private(set) var scroll: Int = 0
    /// Where the terminal cursor goes after the last draw, or nil if the field was not drawn.
    public internal(set) var cursorPosition: Point?

    /// Creates a state with `text` and the cursor at its end.
    public init(text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The text.
    public var text: String {
        get { String(characters) }
        set { characters = Array(newValue); cursor = characters.count; scroll = 0 }
    }

    /// Inserts `text` at the cursor (line breaks and tabs become spaces).
    public mutating func insert(_ text: String) {
        let cleaned = text.map { c -> Character in
            c == "\n" || c == "\r" || c == "\r\n" || c == "\t" ? " " : c
        }
        characters.insert(contentsOf: cleaned, at: cursor)
        cursor += cleaned.count
    }

    /// Applies an input event.
    /// - Returns: what it did; `.ignored` for events the field does not use.
    public mutating func handle(_ event: InputEvent) -> TextFieldAction {
        switch event {
        case .paste(let text):
            insert(text)
            return .edited
        case .key(let key):
            return handle(key)
        default:
            return .ignored
        }
    }

    /// Applies a key.
    /// - Returns: what it did; `.ignored` for keys the field does not use.
    public mutating func handle(_ key: Key) -> TextFieldAction {
        if let c = key.insertableCharacter {
            characters.insert(c, at: cursor)
            cursor += 1
            return .edited
        }
        let ctrl = key.modifiers == .control, alt = key.modifiers == .alt
        switch key.code {
        case .enter where key.modifiers.isEmpty: return .submitted
        case .escape where key.modifiers.isEmpty: return .cancelled
        case .character("c") where ctrl: return .cancelled
        case .left where key.modifiers.isEmpty, .character("b") where ctrl: return moveCursor(to: cursor - 1)
        case .right where key.modifiers.isEmpty, .character("f") where ctrl: return moveCursor(to: cursor + 1)
        case .home: return moveCursor(to: 0)
        case .character("a") where ctrl: return moveCursor(to: 0)
        case .end: return moveCursor(to: characters.count)
        case .character("e") where ctrl: return moveCursor(to: characters.count)
        case .character("b") where alt, .left where key.modifiers == .control: return moveCursor(to: wordStart(before: cursor))
        case .character("f") where alt, .right where key.modifiers == .control: return moveCursor(to: wordEnd(after: cursor))
        case .backspace where key.modifiers.isEmpty, .character("h") where ctrl:
            return delete(cursor - 1..<cursor)
        case .delete where key.modifiers.isEmpty, .character("d") where ctrl:
            return delete(cursor..<cursor + 1)
        case .character("w") where ctrl, .backspace where alt:
            return delete(wordStart(before: cursor)..<cursor)
        case .character("u") where ctrl: return delete(0..<cursor)
        case .character("k") where ctrl: return delete(cursor..<characters.count)
        default: return .ignored
        }
    }

    private mutating func moveCursor(to index: Int) -> TextFieldAction {
        cursor = min(max(0, index), characters.count)
        return .moved
    }

    private mutating func delete(_ range: Range<Int>) -> TextFieldAction {
        let r = max(0, range.lowerBound)..<min(characters.count, range.upperBound)
        guard !r.isEmpty else { return .moved }
        characters.removeSubrange(r)
        cursor = r.lowerBound
        return .edited
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, characters[i - 1].isWhitespace { i -= 1 }
        while i > 0, !characters[i - 1].isWhitespace { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count, characters[i].isWhitespace { i += 1 }
        while i < characters.count, !characters[i].isWhitespace { i += 1 }
        return i
    }

    /// Adjusts ``scroll`` so the cursor fits in `width` columns, given each character's width.
    mutating func fitScroll(width: Int, widths: [Int]) {
        guard width > 0 else { scroll = cursor; return }
        if cursor < scroll { scroll = cursor }
        // The cursor cell itself needs a column: columns from scroll to cursor plus 1 must fit.
        var used = 1
        var i = cursor - 1
        while i >= scroll, used + widths[i] <= width { used += widths[i]; i -= 1 }
        if i >= scroll { scroll = i + 1 }
        scroll = min(scroll, characters.count)
    }
}
