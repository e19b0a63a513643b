import TerminalKit

/// Draws the folder sidebar and its divider.
enum SidebarView {
    static func draw(_ state: inout AppState, into buffer: inout CellBuffer, area: Rect, divider: Rect?) {
        let theme = state.theme
        if let divider {
            buffer.fill(divider, style: theme[.border])
            for y in divider.y..<divider.maxY {
                buffer.putTrusted("│", at: Point(x: divider.x, y: y), style: theme[.border], clip: divider)
            }
        }
        let entries = state.sidebar.entries
        let focused = state.focus == .sidebar && state.screens.isEmpty
        let openKey = state.folder?.key
        var list = state.sidebar.list
        if !focused, let openKey, let line = state.sidebar.index(of: openKey) {
            list.select(line, count: entries.count)
        }
        let cursor = list.selected
        let view = ListView(count: entries.count, style: theme[.sidebar], selectedStyle: theme[.sidebarSelected]) { index, width in
            line(entries[index], width: width, isOpen: entries[index].folderKey == openKey,
                 selected: index == cursor, theme: theme)
        }
        view.draw(into: &buffer, area: area, state: &list)
        if focused { state.sidebar.list = list }
    }

    /// One sidebar line: indented name on the left, `unread/total` on the right.
    static func line(_ entry: SidebarEntry, width: Int, isOpen: Bool, selected: Bool, theme: UITheme) -> Line {
        if entry.kind == .account {
            let style = selected ? theme[.sidebarSelected] : theme[.sidebarAccount]
            return Line([Span(entry.name, style: style)]).truncated(toWidth: width)
        }
        var base = theme[.sidebar]
        if (entry.unread ?? 0) > 0 { base = base.patched(with: theme[.sidebarUnread]) }
        if isOpen { base = base.adding(.bold) }
        if selected { base = theme[.sidebarSelected].adding(base.attributes) }
        let countStyle = selected ? base : theme[.sidebarCount]
        var counts = ""
        if let unread = entry.unread, unread > 0 {
            counts = entry.total.map { "\(unread)/\($0)" } ?? "\(unread)"
        } else if let total = entry.total {
            counts = "\(total)"
        }
        let indent = String(repeating: "  ", count: entry.depth)
        let room = width - (counts.isEmpty ? 0 : counts.count + 1)
        guard room >= 4 else {
            return Line([.trusted(indent, style: base), Span(entry.name, style: base)]).truncated(toWidth: width)
        }
        let name = Line([.trusted(indent, style: base), Span(entry.name, style: base)]).truncated(toWidth: room)
        let gap = max(0, width - name.width - counts.count)
        return Line(name.spans + [.trusted(String(repeating: " ", count: gap), style: base), .trusted(counts, style: countStyle)])
    }
}
