import TerminalKit

/// The link list of a message (`u` in the viewer): every URL in the order of its `[n]` number in
/// the text, to open with the opener (`Enter`, `o`) or copy (`y`).
public struct URLListScreen: Sendable {
    /// The message.
    public var reference: MessageReference
    /// The viewer's title (the subject).
    public var title: String
    /// The URLs, numbered from 1 as in the text.
    public var urls: [String]
    /// The selection.
    public var list = ListState()

    /// The list for a message's URLs, the first one selected.
    public init(reference: MessageReference, title: String, urls: [String]) {
        self.reference = reference
        self.title = title
        self.urls = urls
        list.select(0, count: urls.count)
    }

    /// The selected URL.
    public var selectedURL: String? {
        list.selected.flatMap { urls.indices.contains($0) ? urls[$0] : nil }
    }
}

/// Draws the link list: `[n]` and the URL on each row (sanitised when drawn).
enum URLListScreenView {
    static func draw(_ state: inout AppState, into frame: inout Frame) {
        guard let screen = state.topURLs else { return }
        let theme = state.theme
        let parts = ScreenLayout.page(size: frame.buffer.size)
        StatusLine(left: Line("Links: " + screen.title), right: Line(screen.urls.count == 1 ? "1 link" : "\(screen.urls.count) links"),
                   style: theme[.title]).draw(into: &frame.buffer, area: parts.title)
        let urls = screen.urls
        let numberWidth = "[\(urls.count)]".count
        let base = theme[.attachments]
        let url = base.patched(with: theme[.url])
        let list = ListView(count: urls.count, style: base, selectedStyle: theme[.attachmentsSelected],
                            selectionMarker: "> ") { index, _ in
            let number = "[\(index + 1)]"
            return Line([Span(String(repeating: " ", count: numberWidth - number.count) + number + "  ", style: base.adding(.dim)),
                         Span(urls[index], style: url)])
        }
        var listState = screen.list
        list.draw(into: &frame.buffer, area: parts.body, state: &listState)
        state.updateURLs { $0.list = listState }
        let position = listState.selected.map { "\($0 + 1)/\(urls.count)" } ?? ""
        StatusLine(left: Line("Enter/o opens  y copies  q closes"), right: Line(position), style: theme[.status])
            .draw(into: &frame.buffer, area: parts.status)
        frame.cursor = BottomLine.draw(&state, into: &frame.buffer, area: parts.bottom, above: parts.status)
    }
}
