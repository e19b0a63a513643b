/// Builds an ``HTMLDocument`` from tokens the way browsers repair broken markup, simplified:
/// implied end tags for `<p>`, `<li>`, `<dt>`/`<dd>`, table rows and cells, headings and links;
/// end tags with no open element are ignored; end tags do not cross table cells (scope
/// boundaries); `<head>` ends at the first thing that belongs in the body.
///
/// Nesting deeper than ``maxDepth`` open elements is flattened: further start tags (of elements
/// that are not hidden) add their content to the deepest element, so that 100,000 nested `<div>`s cost linear time and a bounded
/// tree depth. Each token costs amortised constant time.
struct HTMLTreeBuilder {
    /// The deepest nesting of elements that is kept.
    static let maxDepth = 100

    private(set) var document = HTMLDocument()
    private var names = HTMLTagNames()
    private var stack: [Int32] = [0]
    private var stackTags: [Int] = [HTMLTagNames.firstUnknownID - 1]
    private var stackHidden: [Bool] = [false]
    /// Stack positions of the open elements of each tag id (known tags by index, others by id).
    private var openKnown = [[Int]](repeating: [], count: HTMLTag.allCases.count)
    private var openUnknown: [Int: [Int]] = [:]
    private var boundaries: [Int] = []
    private var overflowTags: [Int] = []
    private var seenHTML = false
    private var seenHead = false
    private var seenBody = false

    /// Parses all of `input` (UTF-8 bytes).
    static func build(_ input: UnsafeBufferPointer<UInt8>) -> HTMLDocument {
        var tokenizer = HTMLTokenizer(input)
        var builder = HTMLTreeBuilder()
        while let token = tokenizer.next() {
            builder.process(token)
        }
        builder.document.markTableAncestors()
        return builder.document
    }

    mutating func process(_ token: HTMLToken) {
        switch token {
        case .text(let text):
            insertText(text)
        case .startTag(let name, let attributes, let selfClosing):
            startTag(names.id(for: name), attributes: attributes, selfClosing: selfClosing)
        case .endTag(let name):
            let id = names.id(for: name)
            if id == HTMLTag.br.rawValue {
                startTag(id, attributes: [], selfClosing: true)
            } else {
                endTag(id)
            }
        }
    }

    // MARK: - Tokens

    private static let headContent: Set<Int> = Set([HTMLTag.title, .meta, .link, .style, .script, .base, .noscript, .template].map(\.rawValue))
    private static let tableContexts: Set<Int> = Set([HTMLTag.table, .tbody, .thead, .tfoot, .tr].map(\.rawValue))

    private mutating func insertText(_ text: String) {
        let hasContent = text.utf8.contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D) }
        if stackTags.last == HTMLTag.head.rawValue, hasContent { popTo(stack.count - 1) }
        if stackHidden.last == true { return }
        if !hasContent, let top = stackTags.last, Self.tableContexts.contains(top) { return }
        let index = Int32(document.texts.count)
        document.texts.append(text)
        _ = document.append(HTMLDocument.Node(tag: HTMLDocument.Node.textTag, parent: stack[stack.count - 1], payload: index))
    }

    private mutating func startTag(_ id: Int, attributes: [HTMLAttribute], selfClosing: Bool) {
        let tag = id < HTMLTagNames.firstUnknownID ? HTMLTag(rawValue: id) : nil
        switch tag {
        case .html:
            if seenHTML { return }
            seenHTML = true
        case .head:
            if seenHead || seenBody { return }
            seenHead = true
        case .body:
            if let head = top(.head) { popTo(head) }
            if seenBody { return }
            seenBody = true
        default:
            if stackTags.last == HTMLTag.head.rawValue, !Self.headContent.contains(id) { popTo(stack.count - 1) }
        }
        if let tag { closeImplied(by: tag) }

        var node = HTMLDocument.Node(tag: id, parent: stack[stack.count - 1])
        if !attributes.isEmpty {
            node.payload = Int32(document.attributes.count)
            document.attributes.append(attributes)
        }
        let hidden = stackHidden[stackHidden.count - 1] || (tag?.isHidden ?? false) || Self.hiddenByAttributes(attributes)
        if hidden { node.flags |= HTMLDocument.Node.hiddenFlag }
        let index = document.append(node)

        let isVoid = tag?.isVoid ?? selfClosing
        if isVoid { return }
        // Hidden elements are kept open past the limit: their content must stay hidden, and the
        // renderer never descends into them.
        if stack.count >= Self.maxDepth, !hidden {
            overflowTags.append(id)
            return
        }
        stack.append(index)
        stackTags.append(id)
        stackHidden.append(hidden)
        if id < openKnown.count {
            openKnown[id].append(stack.count - 1)
        } else {
            openUnknown[id, default: []].append(stack.count - 1)
        }
        if tag?.isScopeBoundary == true { boundaries.append(stack.count - 1) }
    }

    private mutating func endTag(_ id: Int) {
        if let last = overflowTags.last, last == id {
            overflowTags.removeLast()
            return
        }
        guard let position = id < openKnown.count ? openKnown[id].last : openUnknown[id]?.last else { return }
        let tag = HTMLTag(rawValue: id)
        for boundary in boundaries.reversed() {
            guard boundary > position else { break }
            let boundaryTag = HTMLTag(rawValue: stackTags[boundary])
            let crossable = (boundaryTag == .td || boundaryTag == .th || boundaryTag == .caption) && tag?.isTableStructure == true
            if !crossable { return }
        }
        popTo(position)
    }

    /// Closes the elements that the start of `tag` implicitly ends.
    private mutating func closeImplied(by tag: HTMLTag) {
        let boundary = boundaries.last ?? -1
        if tag.closesParagraph, let p = top(.p), p > boundary { popTo(p) }
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if let last = stackTags.last, HTMLTag(rawValue: last)?.isHeading == true { popTo(stack.count - 1) }
        case .li:
            if let li = top(.li), li > boundary, li > maxTop([.ul, .ol, .menu, .dir]) { popTo(li) }
        case .dd, .dt:
            let item = maxTop([.dd, .dt])
            if item >= 0, item > boundary, item > (top(.dl) ?? -1) { popTo(item) }
        case .tr:
            if let tr = top(.tr), tr > (top(.table) ?? -1) { popTo(tr) }
        case .td, .th:
            let cell = maxTop([.td, .th])
            if cell >= 0, cell > (top(.table) ?? -1) { popTo(cell) }
        case .tbody, .thead, .tfoot:
            let table = top(.table) ?? -1
            let inner = [HTMLTag.tbody, .thead, .tfoot, .tr, .td, .th].compactMap { top($0) }.filter { $0 > table }
            if let lowest = inner.min() { popTo(lowest) }
        case .a:
            if let a = top(.a), a > boundary { popTo(a) }
        default:
            break
        }
    }

    // MARK: - Stack

    private func top(_ tag: HTMLTag) -> Int? {
        openKnown[tag.rawValue].last
    }

    private func maxTop(_ tags: [HTMLTag]) -> Int {
        tags.reduce(-1) { max($0, top($1) ?? -1) }
    }

    /// Pops the element at stack position `position` and everything above it.
    private mutating func popTo(_ position: Int) {
        guard position >= 1 else { return }
        overflowTags.removeAll()
        while stack.count > position {
            let id = stackTags.removeLast()
            stack.removeLast()
            stackHidden.removeLast()
            if id < openKnown.count {
                openKnown[id].removeLast()
            } else {
                openUnknown[id]?.removeLast()
            }
            if let last = boundaries.last, last == stack.count { boundaries.removeLast() }
        }
    }

    /// True when attributes hide the element: `hidden`, or an inline style with `display:none`,
    /// `visibility:hidden` or `mso-hide:all` (newsletters hide their preview text this way).
    static func hiddenByAttributes(_ attributes: [HTMLAttribute]) -> Bool {
        for attribute in attributes {
            if attribute.name == "hidden" { return true }
            if attribute.name == "style" {
                var compact: [UInt8] = []
                compact.reserveCapacity(attribute.value.utf8.count)
                for c in attribute.value.utf8 where !(c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D) {
                    compact.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                }
                for pattern in Self.hidingStyles where contains(compact, pattern) { return true }
            }
        }
        return false
    }

    private static let hidingStyles: [[UInt8]] = ["display:none", "visibility:hidden", "mso-hide:all"].map { Array($0.utf8) }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
