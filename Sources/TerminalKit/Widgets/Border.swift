/// A box drawn with line-drawing characters around a rectangle, with an optional title.
public struct Border: Widget {
    /// The title on the top edge (untrusted text is fine; it is sanitised and cut to fit).
    public var title: Line?
    /// The style of the lines.
    public var style: Style

    /// Creates a border.
    public init(title: Line? = nil, style: Style = .plain) {
        self.title = title
        self.style = style
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the box on the edges of `area` (nothing when it is smaller than 2x2).
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        let a = area.intersection(buffer.bounds)
        guard a.width >= 2, a.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: a.width - 2)
        buffer.putTrusted("┌" + horizontal + "┐", at: a.origin, style: style, clip: a)
        buffer.putTrusted("└" + horizontal + "┘", at: Point(x: a.x, y: a.maxY - 1), style: style, clip: a)
        for y in (a.y + 1)..<(a.maxY - 1) {
            buffer.putTrusted("│", at: Point(x: a.x, y: y), style: style, clip: a)
            buffer.putTrusted("│", at: Point(x: a.maxX - 1, y: y), style: style, clip: a)
        }
        if let title, a.width > 4 {
            let cut = title.truncated(toWidth: a.width - 4)
            let topRow = Rect(x: a.x + 1, y: a.y, width: a.width - 2, height: 1)
            var x = buffer.putTrusted(" ", at: Point(x: a.x + 1, y: a.y), style: style, clip: topRow)
            x = buffer.put(cut, at: Point(x: x, y: a.y), base: style, clip: topRow)
            buffer.putTrusted(" ", at: Point(x: x, y: a.y), style: style, clip: topRow)
        }
    }
}
