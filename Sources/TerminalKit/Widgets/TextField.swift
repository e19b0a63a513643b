/// A one-line text input. Its state is a ``TextFieldState``; after drawing, the state's
/// ``TextFieldState/cursorPosition`` says where the terminal cursor belongs (pass it in the ``Frame``).
public struct TextField: StatefulWidget {
    /// The style of the text.
    public var style: Style
    /// Shown (dimmed) while the field is empty; the program's own text.
    public var placeholder: String
    /// Shows every character as `•` (passwords).
    public var isSecret: Bool

    /// Creates a field.
    /// - Parameters:
    ///   - style: the text style.
    ///   - placeholder: hint shown while empty (trusted).
    ///   - isSecret: mask the characters.
    public init(style: Style = .plain, placeholder: String = "", isSecret: Bool = false) {
        self.style = style
        self.placeholder = placeholder
        self.isSecret = isSecret
    }

    /// Draws the visible part of the text and records the cursor position in `state`.
    public func draw(into buffer: inout CellBuffer, area: Rect, state: inout TextFieldState) {
        let area = area.intersection(buffer.bounds)
        buffer.fill(area, style: style)
        guard !area.isEmpty else { state.cursorPosition = nil; return }
        let row = area.row(0)
        if state.characters.isEmpty && !placeholder.isEmpty {
            buffer.putTrusted(placeholder, at: row.origin, style: style.adding(.dim), clip: row)
        }
        let shown: [String] = state.characters.map { isSecret ? "•" : String($0) }
        let widths = shown.map { TextWidth.width(of: $0) }
        state.fitScroll(width: area.width, widths: widths)
        var x = area.x
        var cursorX = area.x
        for i in state.scroll..<shown.count {
            if i == state.cursor { cursorX = x }
            if x >= area.maxX { break }
            x = buffer.put(shown[i], at: Point(x: x, y: row.y), style: style, clip: row)
        }
        if state.cursor >= shown.count { cursorX = x }
        state.cursorPosition = Point(x: min(cursorX, area.maxX - 1), y: row.y)
    }
}
