import TerminalKit

/// The bottom line: the prompt or question being answered, else the last message, with the keys of
/// an unfinished sequence on the right. Completions go on the line above.
enum BottomLine {
    /// Draws the line; returns where the terminal cursor goes (into the prompt), if anywhere.
    static func draw(_ state: inout AppState, into buffer: inout CellBuffer, area: Rect, above: Rect) -> Point? {
        let theme = state.theme
        if var prompt = state.prompt {
            var field = prompt.field
            Prompt(label: prompt.label, labelStyle: theme[.prompt], field: TextField(style: theme[.promptInput]))
                .draw(into: &buffer, area: area, state: &field)
            prompt.field = field
            if !prompt.completions.isEmpty { drawCompletions(prompt, into: &buffer, area: above, theme: theme) }
            state.prompt = prompt
            return field.cursorPosition
        }
        if let choice = state.choice {
            ChoicePrompt(question: Line(choice.question), choices: choice.choices, style: theme[.prompt])
                .draw(into: &buffer, area: area)
            return nil
        }
        buffer.fill(area, style: theme[.normal])
        let pending = state.pendingKeys.map(\.description).joined()
        var right = pending
        if state.tagPrefix { right = ";" + right }
        if let message = state.message {
            let style: Style
            switch message.level {
            case .info: style = theme[.message]
            case .warning: style = theme[.warning]
            case .error: style = theme[.error]
            }
            let room = max(0, area.width - (right.isEmpty ? 0 : right.count + 1))
            buffer.put(Line(message.text, style: style).truncated(toWidth: room), at: area.origin, clip: area)
        }
        if !right.isEmpty {
            buffer.put(Line(right), at: Point(x: max(area.x, area.maxX - TextWidth.width(of: right)), y: area.y),
                       base: theme[.normal], clip: area)
        }
        return nil
    }

    /// The completions in a row, the chosen one highlighted, scrolled so it is visible.
    static func drawCompletions(_ prompt: PromptState, into buffer: inout CellBuffer, area: Rect, theme: UITheme) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.promptCompletion])
        var x = area.x
        let start = max(0, (prompt.completionIndex ?? 0) - 3)
        for (i, candidate) in prompt.completions.enumerated() where i >= start {
            let style = i == prompt.completionIndex ? theme[.promptCompletionSelected] : theme[.promptCompletion]
            x = buffer.put(Line(" " + candidate + " ", style: style), at: Point(x: x, y: area.y), clip: area)
            if x >= area.maxX { break }
        }
    }
}
