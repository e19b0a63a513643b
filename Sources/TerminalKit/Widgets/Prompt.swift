/// A one-row question with a text answer: a label (the program's own text) followed by a
/// ``TextField`` (`Save to: ~/mail/inv…`).
public struct Prompt: StatefulWidget {
    /// The question, e.g. `"Save to: "`.
    public var label: String
    /// The style of the label.
    public var labelStyle: Style
    /// The answer field.
    public var field: TextField

    /// Creates a prompt.
    public init(label: String, labelStyle: Style = Style(attributes: .bold), field: TextField = TextField()) {
        self.label = label
        self.labelStyle = labelStyle
        self.field = field
    }

    /// Draws the label and the field on the first row of `area`.
    public func draw(into buffer: inout CellBuffer, area: Rect, state: inout TextFieldState) {
        let row = area.intersection(buffer.bounds).row(0)
        guard !row.isEmpty else { state.cursorPosition = nil; return }
        buffer.fill(row, style: field.style)
        let x = buffer.putTrusted(label, at: row.origin, style: labelStyle, clip: row)
        field.draw(into: &buffer, area: Rect(x: x, y: row.y, width: row.maxX - x, height: 1), state: &state)
    }
}

/// A one-row question answered with one key among a few: `Delete 3 messages? [y/n]`.
public struct ChoicePrompt: Widget {
    /// The question (may contain untrusted text such as a subject; it is sanitised).
    public var question: Line
    /// The keys that answer, in order, with their labels (`y`, `n`).
    public var choices: [Character]
    /// The style of the row.
    public var style: Style

    /// Creates a choice prompt.
    public init(question: Line, choices: [Character] = ["y", "n"], style: Style = .plain) {
        self.question = question
        self.choices = choices
        self.style = style
    }

    /// The index of the choice `key` picks (case-insensitive), or nil.
    public func choice(for key: Key) -> Int? {
        guard let c = key.insertableCharacter else { return nil }
        return choices.firstIndex { $0.lowercased() == c.lowercased() }
    }

    /// Draws the question and `[y/n]` on the first row of `area`.
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        let row = area.intersection(buffer.bounds).row(0)
        guard !row.isEmpty else { return }
        buffer.fill(row, style: style)
        let suffix = " [" + choices.map(String.init).joined(separator: "/") + "]"
        let suffixWidth = TextWidth.width(of: suffix)
        let x = buffer.put(question.truncated(toWidth: max(0, row.width - suffixWidth)), at: row.origin, base: style, clip: row)
        buffer.putTrusted(suffix, at: Point(x: x, y: row.y), style: style.adding(.bold), clip: row)
    }
}
