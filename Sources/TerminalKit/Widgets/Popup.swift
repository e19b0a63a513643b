/// A bordered box of text centred over whatever is below it: messages, errors, help, menus.
public struct Popup: Widget {
    /// The title on the border.
    public var title: Line?
    /// The text inside (untrusted text is sanitised).
    public var lines: [Line]
    /// The style of the box and its text.
    public var style: Style
    /// The largest width the box may take, border included.
    public var maxWidth: Int

    /// Creates a popup.
    public init(title: Line? = nil, lines: [Line], style: Style = .plain, maxWidth: Int = 72) {
        self.title = title
        self.lines = lines
        self.style = style
        self.maxWidth = maxWidth
    }

    /// The rectangle the popup takes inside `area`: its content plus border, centred, within bounds.
    public func frame(in area: Rect) -> Rect {
        let contentWidth = max(lines.map(\.width).max() ?? 0, (title?.width ?? 0) + 2)
        let width = min(maxWidth, contentWidth + 4, area.width)
        let height = min(lines.count + 2, area.height)
        return area.centered(Size(width: width, height: height))
    }

    /// Draws the popup centred in `area`; lines that do not fit are cut, with `…` marking a cut line.
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        let box = frame(in: area.intersection(buffer.bounds))
        guard !box.isEmpty else { return }
        buffer.fill(box, style: style)
        Border(title: title, style: style).draw(into: &buffer, area: box)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard !inner.isEmpty else { return }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line.truncated(toWidth: inner.width), at: Point(x: inner.x, y: inner.y + i), base: style, clip: inner)
        }
    }
}
