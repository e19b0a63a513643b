/// Lines of styled text laid out for a given width: tabs expanded, text sanitised, and (when wrapping)
/// long lines broken into rows at spaces where possible.
///
/// Build it once per text and width (O(text length)), then draw any window of rows in O(rows shown):
/// this is what keeps scrolling a long message body cheap.
public struct TextLayout: Sendable {
    /// The width the layout was made for.
    public let width: Int
    /// Whether long lines wrap (else they are cut and can be scrolled sideways).
    public let wraps: Bool
    /// The visual rows, sanitised.
    public private(set) var rows: [Line] = []
    /// For each visual row, the index of the source line it came from.
    public private(set) var sourceLine: [Int] = []

    /// Lays out `lines`.
    /// - Parameters:
    ///   - lines: the text, one ``Line`` per source line (untrusted spans are sanitised here).
    ///   - width: the columns available.
    ///   - wrap: break long lines into rows (true) or keep one row per line (false).
    ///   - tabWidth: tab stops every this many columns.
    public init(lines: [Line], width: Int, wrap: Bool = true, tabWidth: Int = 8) {
        self.width = max(0, width)
        self.wraps = wrap
        rows.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let expanded = line.expandingTabs(tabWidth: tabWidth)
            if !wrap || self.width == 0 {
                rows.append(Self.sanitized(expanded))
                sourceLine.append(index)
                continue
            }
            for row in Self.wrap(expanded, width: self.width) {
                rows.append(row)
                sourceLine.append(index)
            }
        }
    }

    /// The number of visual rows.
    public var rowCount: Int { rows.count }

    /// The first visual row of source line `line` (for jumping to a search hit), or nil.
    public func firstRow(ofSourceLine line: Int) -> Int? {
        var low = 0, high = sourceLine.count
        while low < high {
            let mid = (low + high) / 2
            if sourceLine[mid] < line { low = mid + 1 } else { high = mid }
        }
        return low < sourceLine.count && sourceLine[low] == line ? low : nil
    }

    static func sanitized(_ line: Line) -> Line {
        Line(line.spans.map { span in
            span.isTrusted ? span : .trustedSanitized(Sanitizer.sanitize(span.text), style: span.style)
        })
    }

    /// Breaks one line into rows of at most `width` columns, preferring to break after a space.
    static func wrap(_ line: Line, width: Int) -> [Line] {
        // Flatten to cells (cluster, style), then cut.
        var cells: [(text: String, width: Int, style: Style)] = []
        for span in line.spans {
            var clusters = CellClusters(span.text, sanitizing: !span.isTrusted)
            while let c = clusters.next() { cells.append((c.text, c.width, span.style)) }
        }
        if cells.isEmpty { return [Line([])] }
        var rows: [Line] = []
        var start = 0
        while start < cells.count {
            var used = 0
            var end = start
            var lastSpace: Int?
            while end < cells.count, used + cells[end].width <= width {
                if cells[end].text == " " { lastSpace = end }
                used += cells[end].width
                end += 1
            }
            if end == start { end = start + 1 } // a wide character in a 1-column layout
            if end < cells.count, let space = lastSpace, space > start { end = space + 1 }
            rows.append(makeLine(cells[start..<end]))
            start = end
        }
        return rows
    }

    private static func makeLine(_ cells: ArraySlice<(text: String, width: Int, style: Style)>) -> Line {
        var spans: [Span] = []
        var text = ""
        var style: Style?
        for cell in cells {
            if cell.style != style, let s = style {
                spans.append(.trustedSanitized(text, style: s))
                text = ""
            }
            style = cell.style
            text += cell.text
        }
        if let s = style { spans.append(.trustedSanitized(text, style: s)) }
        return Line(spans)
    }
}
