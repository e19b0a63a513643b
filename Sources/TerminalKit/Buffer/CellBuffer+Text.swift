extension CellBuffer {
    /// Draws untrusted text on one row, sanitised (see ``Sanitizer``), clipped and never wrapped.
    ///
    /// This is the normal way to draw text: anything from a message, a server or a file name is safe
    /// here. A wide character that does not fit before the clip edge leaves a blank in the last column.
    ///
    /// - Parameters:
    ///   - text: the text.
    ///   - point: where the first cell goes.
    ///   - style: the style of every cell drawn.
    ///   - clip: cells outside this rectangle (and outside the buffer) are not drawn; the whole
    ///     buffer if nil.
    /// - Returns: the column after the last cell drawn (or that would have been drawn, up to the clip).
    @discardableResult
    public mutating func put(_ text: some StringProtocol, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        draw(CellClusters(text, sanitizing: true), at: point, style: style, clip: clip)
    }

    /// Draws the program's own text (borders, separators, fixed labels) without sanitising it.
    ///
    /// - Parameters:
    ///   - text: text from the program's source code; must contain no controls (checked in debug
    ///     builds; the screen never writes a control to the terminal anyway).
    ///   - point: where the first cell goes.
    ///   - style: the style of every cell drawn.
    ///   - clip: as in ``put(_:at:style:clip:)``.
    /// - Returns: the column after the last cell drawn.
    @discardableResult
    public mutating func putTrusted(_ text: some StringProtocol, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        assert(!text.unicodeScalars.contains(where: Sanitizer.isUnsafe), "trusted text with a control: \(String(text).debugDescription)")
        return draw(CellClusters(text, sanitizing: false), at: point, style: style, clip: clip)
    }

    /// Draws a span (sanitised unless the span is trusted).
    /// - Returns: the column after the last cell drawn.
    @discardableResult
    public mutating func put(_ span: Span, at point: Point, clip: Rect? = nil) -> Int {
        draw(CellClusters(span.text, sanitizing: !span.isTrusted), at: point, style: span.style, clip: clip)
    }

    /// Draws a line of spans left to right from `point`, each span in its own style.
    /// - Parameters:
    ///   - line: the spans.
    ///   - point: where the first cell goes.
    ///   - base: a style laid under every span (span colours win, attributes add up).
    ///   - clip: as in ``put(_:at:style:clip:)``.
    /// - Returns: the column after the last cell drawn.
    @discardableResult
    public mutating func put(_ line: Line, at point: Point, base: Style = .plain, clip: Rect? = nil) -> Int {
        var x = point.x
        for span in line.spans {
            x = draw(CellClusters(span.text, sanitizing: !span.isTrusted), at: Point(x: x, y: point.y),
                     style: base.patched(with: span.style), clip: clip)
        }
        return x
    }

    private mutating func draw(_ clusters: CellClusters, at point: Point, style: Style, clip: Rect?) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        var clusters = clusters
        var x = point.x
        guard point.y >= area.y, point.y < area.maxY, !area.isEmpty else { return x }
        while x < area.maxX, let cluster = clusters.next() {
            if x < area.x {
                // Left of the clip: a wide character straddling the edge leaves a blank.
                if x + cluster.width > area.x { setCell(x: area.x, y: point.y, .blank(style)) }
                x += cluster.width
                continue
            }
            if x + cluster.width > area.maxX {
                setCell(x: x, y: point.y, .blank(style))
                return area.maxX
            }
            setCell(x: x, y: point.y, Cell(text: cluster.text, width: UInt8(cluster.width), style: style))
            x += cluster.width
        }
        return x
    }

    /// The text of each row, continuation cells skipped, trailing blanks kept (every line has
    /// `size.width` columns). For text-grid tests.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation { line += self[x, y].text }
            return line
        }
    }

    /// One character per column of row `y` naming its style in `legend` (`?` for a style not in it);
    /// both cells of a wide character get the letter. For text-grid tests of styles.
    /// - Parameters:
    ///   - y: the row.
    ///   - legend: letters for the styles the test cares about, e.g. `[".": .plain, "r": reversed]`.
    public func styleLine(_ y: Int, legend: [Character: Style]) -> String {
        var reverse: [Style: Character] = [:]
        for (k, v) in legend { reverse[v] = k }
        return String((0..<size.width).map { reverse[self[$0, y].style] ?? "?" })
    }

    /// ``styleLine(_:legend:)`` for every row.
    public func styleLines(legend: [Character: Style]) -> [String] {
        (0..<size.height).map { styleLine($0, legend: legend) }
    }
}
