import TerminalKit
import TernConfig

/// Draws the viewer: the subject on the title line, the laid-out message, a status line with the
/// keys and the position (`Top`, `42%`, `Bot`), the bottom line. With `layout = "split"` the
/// sidebar and the message list keep the top of the screen and the viewer takes the rest.
enum ReaderScreenView {
    /// Where the viewer's parts go.
    struct Parts {
        /// The sidebar and list above the viewer (split layout only).
        var list: ScreenLayout?
        /// The subject line.
        var title: Rect
        /// The message text.
        var body: Rect
        /// The status line.
        var status: Rect
        /// The bottom line.
        var bottom: Rect
    }

    /// The rows the list keeps above the viewer in the split layout: a third of the screen, 3 to 12
    /// rows; 0 (full screen) when the screen is too low for both.
    static func splitListRows(height: Int) -> Int {
        let available = height - 3
        guard available >= 9 else { return 0 }
        return max(3, min(12, available / 3))
    }

    /// The viewer's parts at `size` for the configured layout.
    static func parts(layout: Layout, sidebar: SidebarState, size: Size) -> Parts {
        let page = ScreenLayout.page(size: size)
        let full = Parts(list: nil, title: page.title, body: page.body, status: page.status, bottom: page.bottom)
        guard layout == .split else { return full }
        let listRows = splitListRows(height: size.height)
        guard listRows > 0 else { return full }
        // The list's layout as if the screen ended two rows below it (no status or bottom line of its own).
        let list = ScreenLayout(size: Size(width: size.width, height: listRows + 2), sidebar: sidebar)
        let rest = Rect(x: 0, y: listRows, width: size.width, height: size.height - listRows)
        let (upper, bottom) = rest.splitBottom(1)
        let (main, status) = upper.splitBottom(1)
        let (title, body) = main.splitTop(1)
        return Parts(list: list, title: title, body: body, status: status, bottom: bottom)
    }

    static func draw(_ state: inout AppState, into frame: inout Frame) {
        let parts = Self.parts(layout: state.config.layout, sidebar: state.sidebar, size: frame.buffer.size)
        state.fitReader(width: parts.body.width, height: parts.body.height)
        guard let screen = state.topReader else { return }
        let theme = state.theme
        if let list = parts.list {
            if let sidebar = list.sidebar {
                SidebarView.draw(&state, into: &frame.buffer, area: sidebar, divider: list.divider)
            }
            MessageListView.draw(&state, into: &frame.buffer, area: list.list)
        }
        StatusLine(left: Line(screen.title), right: Line(""), style: theme[.title]).draw(into: &frame.buffer, area: parts.title)
        var position = ""
        var modes: [String] = []
        if let reader = screen.reader {
            ReaderView.draw(reader.document, top: reader.top, area: parts.body, into: &frame.buffer,
                            style: { theme[$0] }, search: reader.search, currentMatch: reader.currentMatch)
            position = reader.positionText
            let options = reader.options
            if options.showRaw { modes.append("raw") }
            if options.showAllHeaders { modes.append("all headers") }
            if options.preferHTML && reader.document.content.hasOtherAlternative { modes.append("HTML") }
            if options.foldQuotes { modes.append("quotes folded") }
        } else {
            frame.buffer.fill(parts.body, style: theme[.body])
            let text = screen.failure ?? "Loading…"
            MessageListView.center(text, in: parts.body, buffer: &frame.buffer,
                                   style: screen.failure == nil ? theme[.body].adding(.dim) : theme[.error])
        }
        let hint = "q closes  J/K next/prev  h headers  v attachments  u links" + (modes.isEmpty ? "" : "  [\(modes.joined(separator: ", "))]")
        StatusLine(left: Line(hint), right: Line(position), style: theme[.status]).draw(into: &frame.buffer, area: parts.status)
        frame.cursor = BottomLine.draw(&state, into: &frame.buffer, area: parts.bottom, above: parts.status)
    }
}

/// Draws the attachment screen: one row per part (number, type, size, name, charset), indented
/// by depth; the part shown as text is marked, containers are dimmed.
enum AttachmentScreenView {
    static func draw(_ state: inout AppState, into frame: inout Frame) {
        guard var screen = state.topAttachments else { return }
        let theme = state.theme
        let parts = ScreenLayout.page(size: frame.buffer.size)
        let title = "Attachments: " + (state.screens.reversed().lazy.compactMap { entry -> String? in
            if case .reader(let reader) = entry, reader.reference == screen.reference { return reader.title }
            return nil
        }.first ?? "")
        StatusLine(left: Line(title), right: Line("\(screen.rows.count) parts"), style: theme[.title])
            .draw(into: &frame.buffer, area: parts.title)
        let rows = screen.rows
        let numberWidth = rows.map { $0.number.count + 2 * $0.depth }.max() ?? 1
        let typeWidth = min(32, rows.map(\.mimeType.count).max() ?? 10)
        let base = theme[.attachments]
        let list = ListView(count: rows.count, style: base, selectedStyle: theme[.attachmentsSelected],
                            selectionMarker: "> ") { index, width in
            Self.row(rows[index], numberWidth: numberWidth, typeWidth: typeWidth, base: base)
        }
        var listState = screen.list
        list.draw(into: &frame.buffer, area: parts.body, state: &listState)
        screen.list = listState
        state.updateAttachments { $0.list = listState }
        let position = screen.list.selected.map { "\($0 + 1)/\(rows.count)" } ?? ""
        StatusLine(left: Line("s saves  Enter opens  | pipes  q closes"), right: Line(position), style: theme[.status])
            .draw(into: &frame.buffer, area: parts.status)
        frame.cursor = BottomLine.draw(&state, into: &frame.buffer, area: parts.bottom, above: parts.status)
    }

    /// One row: `  2.1  application/pdf   240 KB  report.pdf  (utf-8)`.
    static func row(_ row: AttachmentRow, numberWidth: Int, typeWidth: Int, base: Style) -> Line {
        let number = String(repeating: "  ", count: row.depth) + row.number
        let type = row.mimeType.count > typeWidth ? String(row.mimeType.prefix(typeWidth - 1)) + "…" : row.mimeType
        let size = row.isContainer ? "" : NumberText.size(row.size)
        var spans = [
            Span(pad(number, numberWidth) + "  " + pad(type, typeWidth) + "  " + pad(size, 8, right: true) + "  ",
                 style: row.isContainer ? base.adding(.dim) : base),
        ]
        var name = row.filename ?? row.subject.map { "“\($0)”" } ?? (row.isContainer || row.isShownAsText ? "" : "(no name)")
        if let charset = row.charset { name += "  (\(charset))" }
        if row.isShownAsText { name += "  [shown]" }
        spans.append(Span(name, style: row.isContainer ? base.adding(.dim) : base))
        return Line(spans)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = max(0, width - TextWidth.width(of: text))
        let fill = String(repeating: " ", count: gap)
        return right ? fill + text : text + fill
    }
}
