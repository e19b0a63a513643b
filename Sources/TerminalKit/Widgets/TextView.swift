/// The view state of a ``TextView``: the first visible row and the horizontal scroll.
public struct TextViewState: Hashable, Sendable {
    /// The first visible row.
    public private(set) var offset: Int = 0
    /// Columns scrolled to the left (only when not wrapping).
    public private(set) var column: Int = 0
    /// Rows shown by the last draw (used for paging); 1 before the first draw.
    public private(set) var viewHeight: Int = 1

    /// Creates a state at the top.
    public init() {}

    /// Scrolls by `delta` rows (negative is up), staying within `rowCount`.
    public mutating func scroll(by delta: Int, rowCount: Int) {
        offset = min(max(0, offset + delta), max(0, rowCount - viewHeight))
    }

    /// Scrolls one page down.
    public mutating func pageDown(rowCount: Int) { scroll(by: max(1, viewHeight - 1), rowCount: rowCount) }
    /// Scrolls one page up.
    public mutating func pageUp(rowCount: Int) { scroll(by: -max(1, viewHeight - 1), rowCount: rowCount) }
    /// Scrolls to the top.
    public mutating func scrollToTop() { offset = 0 }
    /// Scrolls so that the last row is at the bottom.
    public mutating func scrollToEnd(rowCount: Int) { offset = max(0, rowCount - viewHeight) }
    /// Scrolls so that `row` is at the top (as far as the text allows).
    public mutating func scroll(toRow row: Int, rowCount: Int) { offset = min(max(0, row), max(0, rowCount - viewHeight)) }
    /// Scrolls sideways by `delta` columns (for text that does not wrap).
    public mutating func scrollHorizontally(by delta: Int) { column = max(0, column + delta) }

    /// Applies a mouse event inside `area`: the wheel scrolls 3 rows (sideways for left/right).
    /// Returns true when the event was for this view.
    public mutating func handleMouse(_ event: MouseEvent, area: Rect, rowCount: Int) -> Bool {
        guard area.contains(event.position) else { return false }
        switch event.kind {
        case .wheelUp: scroll(by: -3, rowCount: rowCount)
        case .wheelDown: scroll(by: 3, rowCount: rowCount)
        case .wheelLeft: scrollHorizontally(by: -3)
        case .wheelRight: scrollHorizontally(by: 3)
        default: return false
        }
        return true
    }

    /// True when the last row is visible.
    public func isAtEnd(rowCount: Int) -> Bool { offset + viewHeight >= rowCount }

    mutating func fit(rowCount: Int, height: Int) {
        viewHeight = max(1, height)
        offset = min(offset, max(0, rowCount - viewHeight))
    }
}

/// A scrolling view of laid-out text (a message body, a help page).
public struct TextView: StatefulWidget {
    /// The text laid out for the area's width.
    public var layout: TextLayout
    /// The style under the text.
    public var style: Style

    /// Creates a view of a layout made for the width it will be drawn at.
    public init(layout: TextLayout, style: Style = .plain) {
        self.layout = layout
        self.style = style
    }

    /// Creates a view of `lines`, laid out at draw time (fine for short texts; cache a
    /// ``TextLayout`` for long ones).
    public init(lines: [Line], width: Int, wrap: Bool = true, style: Style = .plain) {
        self.init(layout: TextLayout(lines: lines, width: width, wrap: wrap), style: style)
    }

    /// Draws the visible rows.
    public func draw(into buffer: inout CellBuffer, area: Rect, state: inout TextViewState) {
        let area = area.intersection(buffer.bounds)
        state.fit(rowCount: layout.rowCount, height: area.height)
        buffer.fill(area, style: style)
        guard !area.isEmpty else { return }
        let shift = layout.wraps ? 0 : state.column
        for r in 0..<area.height {
            let index = state.offset + r
            guard index < layout.rowCount else { break }
            buffer.put(layout.rows[index], at: Point(x: area.x - shift, y: area.y + r), base: style, clip: area.row(r))
        }
    }
}
