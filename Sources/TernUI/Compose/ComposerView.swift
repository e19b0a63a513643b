import MailCore
import MailEngine
import TerminalKit

/// Draws the composer's review screen: a title, the headers, the text's size, the attachments
/// (name, type, size; the selected one highlighted), the editor file's problems, a status line of
/// keys and the bottom line. Everything from the draft is sanitised (``Span`` does it).
enum ComposerView {
    static func draw(_ state: inout AppState, into frame: inout Frame) {
        guard let composer = state.topComposer else { return }
        let theme = state.theme
        let parts = ScreenLayout.page(size: frame.buffer.size)
        let subject = composer.draft.subject.isEmpty ? "(no subject)" : composer.draft.subject
        StatusLine(left: Line("\(composer.draft.kind.title): \(subject)"), right: Line(composer.draft.account),
                   style: theme[.title]).draw(into: &frame.buffer, area: parts.title)
        frame.buffer.fill(parts.body, style: theme[.normal])
        if var editor = composer.builtIn {
            let cursor = drawEditor(&editor, into: &frame.buffer, area: parts.body, style: theme[.body])
            state.updateTopComposer { $0.builtIn = editor }
            StatusLine(left: Line("Built-in editor: <C-x> or <Esc> finishes and keeps the text"), right: Line(""),
                       style: theme[.status]).draw(into: &frame.buffer, area: parts.status)
            frame.cursor = BottomLine.draw(&state, into: &frame.buffer, area: parts.bottom, above: parts.status) ?? cursor
            return
        }
        for (i, line) in lines(composer, theme: theme, width: parts.body.width).prefix(parts.body.height).enumerated() {
            let row = parts.body.row(i)
            if line.highlighted { frame.buffer.fill(row, style: theme[.composerSelected]) }
            _ = frame.buffer.put(line.text.truncated(toWidth: row.width), at: row.origin,
                                 base: line.highlighted ? theme[.composerSelected] : theme[.normal], clip: row)
        }
        let hint = composer.busy ?? "y send  e edit  t to  c cc  s subject  a attach  P postpone  q abort  ? help"
        StatusLine(left: Line(hint), right: Line(""), style: theme[.status]).draw(into: &frame.buffer, area: parts.status)
        frame.cursor = BottomLine.draw(&state, into: &frame.buffer, area: parts.bottom, above: parts.status)
    }

    /// Draws the built-in editor's lines (tabs as four spaces); returns where the cursor goes.
    static func drawEditor(_ editor: inout BuiltInEditorState, into buffer: inout CellBuffer, area: Rect, style: Style) -> Point? {
        guard !area.isEmpty else { return nil }
        editor.scroll(height: area.height)
        func shown(_ characters: ArraySlice<Character>) -> String {
            String(characters).replacingOccurrences(of: "\t", with: "    ")
        }
        var cursor: Point?
        for i in 0..<area.height {
            let index = editor.top + i
            guard index < editor.lines.count else { break }
            let row = area.row(i)
            let line = editor.lines[index]
            var start = line.startIndex
            var before = TextWidth.width(of: shown(line[..<min(index == editor.row ? editor.column : 0, line.count)]))
            // A line wider than the area is shown from where the cursor can be seen.
            if index == editor.row {
                while before >= area.width, start < line.endIndex {
                    before -= TextWidth.width(of: shown(line[start...start]))
                    start += 1
                }
            }
            _ = buffer.put(Line(shown(line[start...]), style: style), at: row.origin, base: style, clip: row)
            if index == editor.row { cursor = Point(x: area.x + max(0, before), y: row.y) }
        }
        return cursor
    }

    /// One line of the screen.
    struct Row {
        var text: Line
        var highlighted = false
    }

    /// `512 bytes`, `1.2K`, `34M`.
    static func size(_ bytes: Int) -> String {
        bytes < 1000 ? "\(max(0, bytes)) byte\(bytes == 1 ? "" : "s")" : NumberText.size(bytes)
    }

    /// The screen's lines, top to bottom.
    static func lines(_ composer: ComposerState, theme: UITheme, width: Int) -> [Row] {
        let draft = composer.draft
        func field(_ name: String, _ value: String) -> Row {
            let label = String(repeating: " ", count: max(0, 9 - name.count)) + name + ": "
            return Row(text: Line([Span.trusted(label, style: theme[.composerField]), Span(value, style: theme[.composerValue])]))
        }
        var rows = [
            field("From", AddressText.one(draft.from)),
            field("To", AddressText.list(draft.to)),
            field("Cc", AddressText.list(draft.cc)),
            field("Bcc", AddressText.list(draft.bcc)),
            field("Subject", draft.subject),
            field("Reply-To", AddressText.list(draft.replyTo)),
        ]
        let lineCount = draft.body.isEmpty ? 0 : draft.body.split(separator: "\n", omittingEmptySubsequences: false).count
            - (draft.body.hasSuffix("\n") ? 1 : 0)
        var text = "\(lineCount) line\(lineCount == 1 ? "" : "s"), \(size(draft.body.utf8.count))"
        text += draft.flowed ? ", format=flowed" : ""
        if !composer.edited { text += " (not edited yet)" }
        rows.append(field("Text", text))
        if !draft.inReplyTo.isEmpty { rows.append(field("In reply", draft.inReplyTo.map(\.bracketed).joined(separator: " "))) }
        rows.append(Row(text: Line("")))
        if draft.attachments.isEmpty {
            rows.append(Row(text: Line([Span.trusted(" No attachments (a attaches a file)", style: theme[.composerField])])))
        } else {
            rows.append(Row(text: Line([Span.trusted(" Attachments (\(draft.attachments.count)):", style: theme[.composerField])])))
            let nameWidth = min(max(12, draft.attachments.map { TextWidth.width(of: $0.name) }.max() ?? 0), max(12, width / 2))
            let typeWidth = min(draft.attachments.map { TextWidth.width(of: $0.displayType) }.max() ?? 0, 40)
            for (i, attachment) in draft.attachments.enumerated() {
                let name = Line(attachment.name).truncated(toWidth: nameWidth)
                let pad = String(repeating: " ", count: max(0, nameWidth - name.width))
                let marker = composer.selected == i ? ">" : " "
                var spans = [Span.trusted(" \(marker) \(i + 1) ")]
                spans += name.spans
                spans.append(Span.trusted(pad + "  "))
                let type = Line(attachment.displayType).truncated(toWidth: typeWidth)
                spans += type.spans
                spans.append(Span.trusted(String(repeating: " ", count: max(0, typeWidth - type.width)) + "  " + size(attachment.size)))
                rows.append(Row(text: Line(spans), highlighted: composer.selected == i))
            }
        }
        if !composer.problems.isEmpty {
            rows.append(Row(text: Line("")))
            rows.append(Row(text: Line([Span.trusted(" The text from the editor has problems (e opens it again):", style: theme[.error])])))
            for problem in composer.problems { rows.append(Row(text: Line([Span("   " + problem, style: theme[.error])]))) }
        }
        return rows
    }
}
