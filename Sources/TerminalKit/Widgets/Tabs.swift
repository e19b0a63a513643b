/// A row of tab titles with one selected, scrolled so the selected tab is visible.
public struct Tabs: Widget {
    /// The titles.
    public var titles: [Line]
    /// The selected tab.
    public var selected: Int
    /// Style of the bar and the unselected titles.
    public var style: Style
    /// Style of the selected title.
    public var selectedStyle: Style
    /// Between titles (the program's own text).
    public var divider: String

    /// Creates a tab bar.
    public init(titles: [Line], selected: Int, style: Style = .plain,
                selectedStyle: Style = Style(attributes: [.reverse, .bold]), divider: String = "│") {
        self.titles = titles
        self.selected = selected
        self.style = style
        self.selectedStyle = selectedStyle
        self.divider = divider
    }

    /// The column ranges of the titles within `area`, after scrolling (for mouse clicks).
    public func titleRanges(in area: Rect) -> [Range<Int>] {
        let widths = titles.map { $0.width + 2 }
        let dividerWidth = TextWidth.width(of: divider)
        var starts: [Int] = []
        var x = 0
        for w in widths { starts.append(x); x += w + dividerWidth }
        // Scroll so the selected title's end is visible.
        var shift = 0
        if titles.indices.contains(selected) {
            let end = starts[selected] + widths[selected]
            if end > area.width { shift = min(starts[selected], end - area.width) }
        }
        return titles.indices.map { (area.x + starts[$0] - shift)..<(area.x + starts[$0] - shift + widths[$0]) }
    }

    /// The tab at column `x`, or nil.
    public func index(atColumn x: Int, in area: Rect) -> Int? {
        titleRanges(in: area).firstIndex { $0.contains(x) }
    }

    /// Draws the bar on the first row of `area`.
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        let row = area.intersection(buffer.bounds).row(0)
        guard !row.isEmpty else { return }
        buffer.fill(row, style: style)
        let ranges = titleRanges(in: row)
        for (i, title) in titles.enumerated() {
            let s = i == selected ? style.patched(with: selectedStyle) : style
            let r = ranges[i]
            buffer.fill(Rect(x: r.lowerBound, y: row.y, width: r.count, height: 1).intersection(row), style: s)
            buffer.put(title, at: Point(x: r.lowerBound + 1, y: row.y), base: s,
                       clip: Rect(x: r.lowerBound + 1, y: row.y, width: r.count - 2, height: 1).intersection(row))
            if i + 1 < titles.count {
                buffer.putTrusted(divider, at: Point(x: r.upperBound, y: row.y), style: style, clip: row)
            }
        }
    }
}
