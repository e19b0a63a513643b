import TerminalKit

/// Draws a full-screen page: title line, text, status line, bottom line.
enum PageView {
    static func draw(_ state: inout AppState, into frame: inout Frame) {
        guard var page = state.topPage else { return }
        let theme = state.theme
        let parts = ScreenLayout.page(size: frame.buffer.size)
        StatusLine(left: Line(page.title), right: Line(""), style: theme[.title]).draw(into: &frame.buffer, area: parts.title)
        let style = page.keyContext == .help ? theme[.help] : theme[.body]
        var rows = 0
        if page.lines == nil {
            frame.buffer.fill(parts.body, style: style)
            MessageListView.center("Loading…", in: parts.body, buffer: &frame.buffer, style: style.adding(.dim))
        } else {
            let layout = page.layout(width: parts.body.width)
            rows = layout.rowCount
            var view = page.view
            TextView(layout: layout, style: style).draw(into: &frame.buffer, area: parts.body, state: &view)
            page.view = view
        }
        let position: String
        if rows == 0 {
            position = ""
        } else {
            let first = page.view.offset + 1
            let last = min(rows, page.view.offset + max(1, parts.body.height))
            let percent = page.view.isAtEnd(rowCount: rows) ? "end" : "\(last * 100 / rows)%"
            position = "\(first)-\(last)/\(rows) \(percent)"
        }
        let hint: String
        switch page.kind {
        case .help: hint = "q closes, / searches"
        case .log: hint = "q closes"
        case .output: hint = "q closes, / searches"
        }
        StatusLine(left: Line(hint), right: Line(position), style: theme[.status]).draw(into: &frame.buffer, area: parts.status)
        state.updateTopPage { $0 = page }
        frame.cursor = BottomLine.draw(&state, into: &frame.buffer, area: parts.bottom, above: parts.status)
    }
}
