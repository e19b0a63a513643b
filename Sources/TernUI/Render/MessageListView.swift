import MailCore
import TerminalKit

/// Draws the open folder's message list: only the visible rows, each from the loaded pages (or a
/// placeholder until its page arrives).
enum MessageListView {
    static func draw(_ state: inout AppState, into buffer: inout CellBuffer, area: Rect) {
        let theme = state.theme
        buffer.fill(area, style: theme[.list])
        guard var view = state.folder else {
            center("No folder open", in: area, buffer: &buffer, style: theme[.list].adding(.dim))
            return
        }
        guard view.isLoaded else {
            center("Loading \(view.key.path)…", in: area, buffer: &buffer, style: theme[.list].adding(.dim))
            return
        }
        let count = view.rowCount
        if count == 0 {
            let text = view.limit.map { "No messages match \($0.text)" } ?? "No messages in \(view.key.path)"
            center(text, in: area, buffer: &buffer, style: theme[.list].adding(.dim))
            view.list.fit(count: 0, height: max(1, area.height))
            state.folder = view
            return
        }
        let dates = DateText(format: state.config.dateFormat, timeZone: state.config.timeZone)
        let formatter = MessageRowText(columns: ListColumns(width: area.width, dateWidth: dates.columnWidth), dates: dates,
                                       now: state.now, theme: theme,
                                       showRecipient: view.role == .sent || view.role == .drafts)
        let selected = view.list.selected
        let snapshot = view
        let list = ListView(count: count, style: theme[.list], selectedStyle: theme[.listSelected]) { index, _ in
            let isSelected = index == selected
            guard let row = snapshot.row(at: index) else { return formatter.placeholder(selected: isSelected) }
            let thread = snapshot.order.isThreaded ? snapshot.threads?.lines[index] : nil
            return formatter.line(row, thread: thread, tagged: snapshot.tagged.contains(row.uid),
                                  markedForDeletion: snapshot.pendingDeletion.contains(row.uid), selected: isSelected)
        }
        list.draw(into: &buffer, area: area, state: &view.list)
        state.folder = view
    }

    /// Draws `text` in the middle of `area`.
    static func center(_ text: String, in area: Rect, buffer: inout CellBuffer, style: Style) {
        guard !area.isEmpty else { return }
        let width = min(area.width, TextWidth.width(of: text))
        let x = area.x + (area.width - width) / 2
        buffer.put(Line(text).truncated(toWidth: area.width), at: Point(x: x, y: area.y + (area.height - 1) / 2), base: style, clip: area)
    }
}
