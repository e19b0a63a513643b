extension Line {
    /// The line cut to at most `width` columns, with `ellipsis` (the program's own text) at the end
    /// when it had to be cut. The spans of the result are already sanitised.
    /// - Parameters:
    ///   - width: the columns available (0 gives an empty line).
    ///   - ellipsis: what marks the cut; `"…"` by default, `""` for a hard cut.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> Line {
        guard width > 0 else { return Line([]) }
        let total = self.width
        if total <= width { return self }
        let ellipsisWidth = TextWidth.width(of: ellipsis)
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result: [Span] = []
        var used = 0
        outer: for span in spans {
            var clusters = CellClusters(span.text, sanitizing: !span.isTrusted)
            var text = ""
            while let c = clusters.next() {
                if used + c.width > room {
                    if !text.isEmpty { result.append(.trustedSanitized(text, style: span.style)) }
                    break outer
                }
                text += c.text
                used += c.width
            }
            if !text.isEmpty { result.append(.trustedSanitized(text, style: span.style)) }
        }
        if ellipsisWidth > 0 {
            // No blank before the ellipsis: "a very…", not "a very …".
            while var last = result.last {
                while last.text.hasSuffix(" ") { last.text.removeLast() }
                if last.text.isEmpty { result.removeLast() } else { result[result.count - 1] = last; break }
            }
        }
        if ellipsisWidth <= width {
            let style = spans.last(where: { !$0.text.isEmpty })?.style ?? .plain
            result.append(.trustedSanitized(ellipsis, style: style))
        }
        return Line(result)
    }

    /// The line with every tab replaced by spaces up to the next multiple of `tabWidth` columns.
    public func expandingTabs(tabWidth: Int = 8) -> Line {
        guard spans.contains(where: { $0.text.contains("\t") }) else { return self }
        let stop = max(1, tabWidth)
        var column = 0
        var result: [Span] = []
        for span in spans {
            var text = ""
            for piece in span.text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if piece.offset > 0 {
                    let pad = stop - column % stop
                    text += String(repeating: " ", count: pad)
                    column += pad
                }
                text += piece.element
                column += TextWidth.width(of: piece.element)
            }
            var copy = span
            copy.text = text
            result.append(copy)
        }
        return Line(result)
    }
}

extension Span {
    /// A span whose text has already been through the sanitiser (or is the program's own): drawn as is.
    static func trustedSanitized(_ text: String, style: Style) -> Span {
        var span = Span(text, style: style)
        span.isTrusted = true
        return span
    }
}
