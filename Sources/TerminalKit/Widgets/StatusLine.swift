/// A one-row bar with text on the left and on the right (mode, folder, counts, progress).
///
/// When both do not fit, the right part keeps its room (up to the whole width) and the left part is
/// cut with an ellipsis.
public struct StatusLine: Widget {
    /// Text at the left edge.
    public var left: Line
    /// Text at the right edge.
    public var right: Line
    /// The style of the whole bar.
    public var style: Style

    /// Creates a status line.
    /// - Parameters:
    ///   - left: left-aligned text.
    ///   - right: right-aligned text.
    ///   - style: the bar's style (reverse video by default).
    public init(left: Line, right: Line = Line([]), style: Style = Style(attributes: .reverse)) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// Draws the bar on the first row of `area`.
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        let row = area.intersection(buffer.bounds).row(0)
        guard !row.isEmpty else { return }
        buffer.fill(row, style: style)
        let rightLine = right.truncated(toWidth: row.width)
        let rightWidth = rightLine.width
        let gap = rightWidth > 0 && rightWidth < row.width ? 1 : 0
        let leftLine = left.truncated(toWidth: row.width - rightWidth - gap)
        buffer.put(leftLine, at: row.origin, base: style, clip: row)
        buffer.put(rightLine, at: Point(x: row.maxX - rightWidth, y: row.y), base: style, clip: row)
    }
}
