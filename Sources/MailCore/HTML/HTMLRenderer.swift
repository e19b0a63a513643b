/// Renders HTML mail as readable plain text for a terminal, with no external program.
///
/// - Paragraphs and `<br>` line breaks; white space collapses as in a browser.
/// - Headings start with one `#` per level (`## Section`), with a blank line around them.
/// - Lists: `•`, `◦`, `▪` bullets by nesting level; ordered lists honour `start`, `type`
///   (`1 a A i I`), `reversed` and `<li value>`; nested lists are indented under the item text.
/// - `<blockquote>` lines start with `> ` per level; `<pre>` keeps its lines (tabs expanded).
/// - Tables whose cells each hold one line become aligned columns when they fit the width
///   (with a `─` rule under a header row of `<th>`), or one line per row with cells separated by
///   ` | ` when they do not. Tables used for layout (a cell with several blocks, a nested table,
///   a single column) are read cell by cell, so newsletters do not explode into columns.
/// - Links become `text[n]`, with the URLs listed in ``RenderedText/links``; a link whose text is
///   its own URL (or a `mailto:` link showing its address) gets no number; `javascript:`,
///   `data:` and in-page links show their text only.
/// - Images show as `[image: alt]`; images without alt text and tracking pixels show nothing.
/// - `<hr>` is a line of `─`. Content of `<head>`, `<script>`, `<style>`, `<template>`, `<svg>`,
///   form controls, and of elements hidden by `hidden` or an inline `display:none` is dropped.
/// - Lines are wrapped by ``WordWrap`` at the given width (never inside a URL; wide characters
///   count 2 columns); nesting that would take more than half the width adds no more indentation.
/// - Control characters and bidi controls from the input never reach the output: they are
///   replaced by U+FFFD as ``DisplaySanitizer`` documents (in the body) or percent-encoded (in
///   link URLs).
///
/// The work is linear in the size of the input; element nesting deeper than 100 is flattened.
public enum HTMLRenderer {
    /// Renders an HTML document or fragment.
    ///
    /// - Parameters:
    ///   - html: the HTML, already converted from its charset to a string.
    ///   - width: the number of columns to wrap at; 0 or less means no wrapping.
    /// - Returns: the text and its numbered links.
    public static func render(_ html: some StringProtocol, width: Int) -> RenderedText {
        var html = String(html)
        return html.withUTF8 { render(utf8Buffer: $0, width: width) }
    }

    /// Renders HTML given as UTF-8 bytes (invalid sequences show as U+FFFD).
    ///
    /// - Parameters:
    ///   - utf8: the HTML in UTF-8.
    ///   - width: the number of columns to wrap at; 0 or less means no wrapping.
    public static func render(utf8: some Collection<UInt8>, width: Int) -> RenderedText {
        if let result = utf8.withContiguousStorageIfAvailable({ render(utf8Buffer: $0, width: width) }) {
            return result
        }
        return Array(utf8).withUnsafeBufferPointer { render(utf8Buffer: $0, width: width) }
    }

    private static func render(utf8Buffer: UnsafeBufferPointer<UInt8>, width: Int) -> RenderedText {
        let document = HTMLTreeBuilder.build(utf8Buffer)
        let renderer = HTMLTextRenderer(document: document, width: width)
        return renderer.run()
    }
}

/// Walks an ``HTMLDocument`` and drives a ``TextFormatter``.
final class HTMLTextRenderer {
    let document: HTMLDocument
    var out: TextFormatter
    var links = LinkRegistry()
    private var lists: [ListState] = []
    private var altlessImages = 0

    private struct ListState {
        var ordered: Bool
        var next: Int
        var step: Int
        var style: Character
        var level: Int
    }

    init(document: HTMLDocument, width: Int) {
        self.document = document
        self.out = TextFormatter(width: width)
    }

    func run() -> RenderedText {
        renderChildren(0)
        let lines = out.finish()
        return RenderedText(body: lines.joined(separator: "\n"), links: links.links)
    }

    func renderChildren(_ node: Int) {
        var child = document.nodes[node].firstChild
        while child >= 0 {
            render(Int(child))
            child = document.nodes[Int(child)].nextSibling
        }
    }

    private func block(_ node: Int, blank: Bool) {
        out.blockBoundary(blank: blank)
        renderChildren(node)
        out.blockBoundary(blank: blank)
    }

    func render(_ node: Int) {
        let n = document.nodes[node]
        if n.isText {
            out.addText(document.text(of: node))
            return
        }
        if n.isHidden { return }
        guard let tag = n.knownTag else {
            renderChildren(node)
            return
        }
        switch tag {
        case .p:
            block(node, blank: true)
        case .br:
            out.lineBreak()
        case .wbr:
            out.appendMarker("\u{200B}")
        case .h1, .h2, .h3, .h4, .h5, .h6:
            heading(node, level: tag.rawValue - HTMLTag.h1.rawValue + 1)
        case .ul, .ol, .menu, .dir:
            list(node, ordered: tag == .ol)
        case .li:
            listItem(node)
        case .dl:
            block(node, blank: lists.isEmpty)
        case .dt:
            block(node, blank: false)
        case .dd:
            out.blockBoundary(blank: false)
            out.pushIndent(first: "    ", rest: "    ")
            renderChildren(node)
            out.popIndent()
            out.blockBoundary(blank: false)
        case .blockquote:
            out.blockBoundary(blank: true)
            out.pushIndent(first: "> ", rest: "> ")
            renderChildren(node)
            out.popIndent()
            out.blockBoundary(blank: true)
        case .pre, .listing, .xmp, .plaintext, .textarea:
            out.blockBoundary(blank: true)
            out.beginPre()
            renderChildren(node)
            out.endPre()
            out.blockBoundary(blank: true)
        case .hr:
            out.blockBoundary(blank: false)
            out.rule()
            out.blockBoundary(blank: false)
        case .table:
            renderTable(node)
        case .a:
            link(node)
        case .img:
            image(node)
        case .q:
            out.addText("\u{201C}")
            renderChildren(node)
            out.appendMarker("\u{201D}")
        case .address, .article, .aside, .body, .caption, .center, .details, .dialog, .div, .fieldset,
             .figcaption, .figure, .footer, .form, .header, .hgroup, .html, .legend, .main, .nav, .noscript,
             .search, .section, .summary, .tbody, .td, .tfoot, .th, .thead, .tr:
            block(node, blank: false)
        default:
            renderChildren(node)
        }
    }

    // MARK: - Elements

    private func heading(_ node: Int, level: Int) {
        out.blockBoundary(blank: true)
        let mark = out.mark()
        out.startParagraph(with: String(repeating: "#", count: level))
        let content = out.mark()
        renderChildren(node)
        if !out.hasContent(since: content) { out.discard(since: mark) }
        out.blockBoundary(blank: true)
    }

    private func list(_ node: Int, ordered: Bool) {
        let nested = !lists.isEmpty
        out.blockBoundary(blank: !nested)
        var state = ListState(ordered: ordered, next: 1, step: 1, style: "1", level: lists.filter { !$0.ordered }.count)
        if ordered {
            if let type = document.attribute("type", of: node)?.first, "1aAiI".contains(type) { state.style = type }
            let reversed = document.attribute("reversed", of: node) != nil
            if reversed {
                state.step = -1
                state.next = document.children(of: node).filter { document.nodes[$0].tag == HTMLTag.li.rawValue }.count
            }
            if let start = document.attribute("start", of: node).flatMap(Self.integer) { state.next = start }
        }
        lists.append(state)
        renderChildren(node)
        lists.removeLast()
        out.blockBoundary(blank: !nested)
    }

    private func listItem(_ node: Int) {
        let marker: String
        if var state = lists.last, state.ordered {
            let value = document.attribute("value", of: node).flatMap(Self.integer) ?? state.next
            marker = ListMarker.ordinal(value, style: state.style) + ". "
            state.next = value + state.step
            lists[lists.count - 1] = state
        } else {
            let bullets = ["\u{2022}", "\u{25E6}", "\u{25AA}"]
            marker = bullets[(lists.last?.level ?? 0) % bullets.count] + " "
        }
        out.blockBoundary(blank: false)
        out.pushIndent(first: marker, rest: String(repeating: " ", count: DisplayWidth.of(marker)))
        renderChildren(node)
        out.popIndent(emitIfEmpty: true)
        out.blockBoundary(blank: false)
    }

    private func link(_ node: Int) {
        guard let href = document.attribute("href", of: node), let url = LinkTarget.normalize(href) else {
            renderChildren(node)
            return
        }
        let mark = out.mark()
        let images = altlessImages
        renderChildren(node)
        if !out.hasContent(since: mark) {
            guard altlessImages > images else { return }
            out.addText("[image]")
        }
        if let text = out.text(since: mark), LinkTarget.textShowsTarget(text, url) { return }
        out.appendMarker("[\(links.number(for: url))]")
    }

    private func image(_ node: Int) {
        for dimension in ["width", "height"] {
            if let value = document.attribute(dimension, of: node).flatMap(Self.integer), value <= 2 { return }
        }
        let alt = (document.attribute("alt", of: node) ?? "")
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
        if alt.isEmpty {
            altlessImages += 1
            return
        }
        out.addText("[image: \(alt)]")
    }

    /// The leading integer of an attribute value (`"3"`, `" 20px"`), or nil.
    static func integer(_ value: String) -> Int? {
        let trimmed = value.drop(while: { $0 == " " })
        var digits = Substring(trimmed.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "-") }))
        if digits.count > 9 { digits = digits.prefix(9) }
        return Int(digits)
    }
}
