/// A vertical list of one-line rows that asks its data source only for the rows in view.
///
/// Drawing costs O(visible rows) whatever the row count, so a folder of a million messages draws as
/// fast as one of ten. Each row is a ``Line`` (untrusted text is sanitised when drawn); the selected
/// row is drawn over `selectedStyle` across the full width.
public struct ListView: StatefulWidget {
    /// The number of rows.
    public var count: Int
    /// Style under every row (and the empty space below the last).
    public var style: Style
    /// Style under the selected row.
    public var selectedStyle: Style
    /// Drawn before each row: the program's own marker for the selected row (e.g. `"> "`), blanks
    /// of the same width for the others. Empty for none.
    public var selectionMarker: String
    /// Returns the content of row `index` for a row `width` columns wide.
    public var row: (_ index: Int, _ width: Int) -> Line

    /// Creates a list.
    /// - Parameters:
    ///   - count: the number of rows.
    ///   - style: style under every row.
    ///   - selectedStyle: style under the selected row; reverse video by default.
    ///   - selectionMarker: marker before the selected row (trusted text).
    ///   - row: the data source: the content of row `index` at a given width. Called only for
    ///     the visible rows.
    public init(count: Int, style: Style = .plain, selectedStyle: Style = Style(attributes: .reverse),
                selectionMarker: String = "", row: @escaping (_ index: Int, _ width: Int) -> Line) {
        self.count = max(0, count)
        self.style = style
        self.selectedStyle = selectedStyle
        self.selectionMarker = selectionMarker
        self.row = row
    }

    /// Draws the visible rows and fits `state` to the area.
    public func draw(into buffer: inout CellBuffer, area: Rect, state: inout ListState) {
        let area = area.intersection(buffer.bounds)
        state.fit(count: count, height: area.height)
        guard !area.isEmpty else { return }
        // Below the last row.
        let shown = max(0, min(area.height, count - state.offset))
        buffer.fill(Rect(x: area.x, y: area.y + shown, width: area.width, height: area.height - shown), style: style)
        let markerWidth = TextWidth.width(of: selectionMarker)
        let blankMarker = String(repeating: " ", count: markerWidth)
        for r in 0..<area.height {
            let index = state.offset + r
            guard index < count else { break }
            let isSelected = index == state.selected
            let rowStyle = isSelected ? style.patched(with: selectedStyle) : style
            let rowArea = area.row(r)
            buffer.fill(rowArea, style: rowStyle)
            var x = area.x
            if markerWidth > 0 {
                x = buffer.putTrusted(isSelected ? selectionMarker : blankMarker, at: Point(x: x, y: rowArea.y),
                                      style: rowStyle, clip: rowArea)
            }
            let contentWidth = max(0, area.maxX - x)
            buffer.put(row(index, contentWidth), at: Point(x: x, y: rowArea.y), base: rowStyle, clip: rowArea)
        }
    }
}
