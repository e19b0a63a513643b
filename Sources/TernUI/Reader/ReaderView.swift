import TerminalKit
import TernConfig

/// Draws a ``ReaderDocument`` into a ``CellBuffer``: one line per row from `top`, each in its
/// theme key's style, URLs and header names in theirs, search matches highlighted (the current one
/// also bold and underlined). Every line is drawn through the sanitising ``CellBuffer/put(_:at:base:clip:)``.
public enum ReaderView {
    /// Draws the lines `top ..< top + area.height` that are laid out.
    ///
    /// - Parameters:
    ///   - document: the laid-out message (lay out through `top + area.height` first).
    ///   - top: the first line shown.
    ///   - area: where to draw.
    ///   - buffer: what to draw into.
    ///   - style: the style of each theme key.
    ///   - search: the search whose matches are highlighted.
    ///   - currentMatch: the index of the current match in `search`.
    public static func draw(_ document: ReaderDocument, top: Int, area: Rect, into buffer: inout CellBuffer,
                            style: (ThemeKey) -> Style, search: ReaderSearch? = nil, currentMatch: Int? = nil) {
        buffer.fill(area, style: style(.body))
        guard top >= 0 else { return }
        for row in 0..<area.height {
            let index = top + row
            guard index < document.lines.count else { break }
            let text = document.lines[index]
            let line = line(text, matches: search?.matches(onLine: index, text: text.text) ?? [], current: currentMatch, style: style)
            buffer.put(line, at: Point(x: area.x, y: area.y + row), clip: area)
        }
    }

    /// A line as TerminalKit spans.
    public static func line(_ line: ReaderLine, matches: [(index: Int, range: Range<Int>)], current: Int?,
                            style: (ThemeKey) -> Style) -> Line {
        let base = style(line.key)
        if line.spans.isEmpty && matches.isEmpty { return Line([Span(line.text, style: base)]) }
        let bytes = Array(line.text.utf8)
        var cuts: Set<Int> = [0, bytes.count]
        for span in line.spans { cuts.insert(min(span.range.lowerBound, bytes.count)); cuts.insert(min(span.range.upperBound, bytes.count)) }
        for match in matches { cuts.insert(min(match.range.lowerBound, bytes.count)); cuts.insert(min(match.range.upperBound, bytes.count)) }
        let points = cuts.sorted()
        var spans: [Span] = []
        for (a, b) in zip(points, points.dropFirst()) where a < b {
            var s = base
            if let span = line.spans.first(where: { $0.range.contains(a) }) {
                s = base.patched(with: style(span.key))
                if span.isNumber { s = s.adding(.dim) }
            }
            if let match = matches.first(where: { $0.range.contains(a) }) {
                s = s.patched(with: style(.searchMatch))
                if match.index == current { s = s.adding([.bold, .underline]) }
            }
            spans.append(Span(String(decoding: bytes[a..<b], as: UTF8.self), style: s))
        }
        return Line(spans)
    }
}
