import MailCore
import TernConfig

/// The layout state of the text part being laid out.
struct PartState: Sendable {
    /// Where its units come from.
    var source: any ReaderUnitSource & Sendable
    /// The next unit.
    var position: Int
    /// Units before this position (from a separator) are the signature.
    var signatureEnd: Int?
    /// The last run of same-depth units scanned for separators: its depth, end and last separator.
    var separatorRun: (depth: Int, end: Int, last: Int?)?
    /// The end of the quoted run being shown, when inside one.
    var quoteRunEnd: Int?
    /// Where the current quoted run folds, and how many units the fold hides.
    var fold: (at: Int, hidden: Int)?
}

extension ReaderDocument {
    /// Units laid out per step.
    static let unitsPerStep = 32

    mutating func startPart(_ text: ReaderPartText) {
        ensureBlank()
        let source: any ReaderUnitSource & Sendable
        switch text.kind {
        case .plain:
            source = PlainUnits(text.bytes)
        case .flowed(let delSp):
            source = ArrayUnits.flowed(text.text, delSp: delSp)
        case .html:
            source = ArrayUnits.rendered(renderHTML(text.text))
        }
        part = PartState(source: source, position: 0)
    }

    /// Renders HTML for the width; its links get the document's numbers (`text[n]` in the body is
    /// renumbered when earlier parts already used numbers) and are listed after it.
    mutating func renderHTML(_ html: String) -> [Substring] {
        let rendered = HTMLRenderer.render(html, width: max(10, options.width))
        var body = rendered.body
        let numbers = rendered.links.map { registry.number(for: $0.url) }
        if numbers.enumerated().contains(where: { $0.offset + 1 != $0.element }) {
            body = Self.renumber(body, numbers)
        }
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
        if !rendered.links.isEmpty {
            lines.append("")
            lines.append("Links:")
            for (i, link) in rendered.links.enumerated() {
                lines.append(Substring("[\(numbers[i])] \(link.url)"))
            }
        }
        return lines
    }

    /// `body` with each `[k]` glued to the text before it (a link number of the renderer) replaced
    /// by `[numbers[k-1]]`.
    static func renumber(_ body: String, _ numbers: [Int]) -> String {
        var out = ""
        out.reserveCapacity(body.utf8.count + 16)
        var i = body.startIndex
        var previous: Character?
        while i < body.endIndex {
            let c = body[i]
            if c == "[", let p = previous, p != " ", p != "\n" {
                var j = body.index(after: i)
                var digits = ""
                while j < body.endIndex, let d = body[j].wholeNumberValue, body[j].isASCII, digits.count < 6 {
                    digits.append(Character(String(d)))
                    j = body.index(after: j)
                }
                if j < body.endIndex, body[j] == "]", let k = Int(digits), k >= 1, k <= numbers.count {
                    out += "[\(numbers[k - 1])]"
                    previous = "]"
                    i = body.index(after: j)
                    continue
                }
            }
            out.append(c)
            previous = c
            i = body.index(after: i)
        }
        return out
    }

    /// Lays out a few units of the current text part.
    mutating func stepPart() {
        guard var state = part else { return }
        var done = 0
        while done < Self.unitsPerStep {
            guard state.position < state.source.end else {
                part = nil  // the part is finished
                return
            }
            let position = state.position
            let (unit, next) = state.source.unit(at: position)
            done += 1

            // Folding long quoted blocks.
            if options.foldQuotes, unit.depth > 0 {
                if state.quoteRunEnd.map({ position >= $0 }) ?? true {
                    let (count, end) = Self.quotedRun(state.source, from: position)
                    state.quoteRunEnd = end
                    state.fold = nil
                    if count >= options.foldThreshold {
                        var at = position
                        for _ in 0..<options.foldKeep { at = state.source.unit(at: at).next }
                        state.fold = (at, count - options.foldKeep)
                    }
                }
                if let fold = state.fold, position == fold.at, let end = state.quoteRunEnd {
                    lines.append(ReaderLine(text: "··· \(fold.hidden) more quoted lines ···",
                                            key: Self.quoteKey(unit.depth), kind: .fold, quoteDepth: unit.depth))
                    state.position = end
                    state.fold = nil
                    continue
                }
            }

            // The signature: from the last separator of a run of same-depth units to its end.
            if unit.isSeparator, state.signatureEnd.map({ position >= $0 }) ?? true {
                if state.separatorRun.map({ $0.depth != unit.depth || position >= $0.end }) ?? true {
                    state.separatorRun = Self.separatorRun(state.source, from: position, depth: unit.depth)
                }
                if let run = state.separatorRun, run.last == position { state.signatureEnd = run.end }
            }
            let inSignature = state.signatureEnd.map { position < $0 } ?? false
            emit(unit, key: inSignature ? .signature : Self.quoteKey(unit.depth))
            state.position = next
        }
        part = state
    }

    /// The number of units from `position` on with a quote depth above 0, and the position after them.
    static func quotedRun(_ source: any ReaderUnitSource, from position: Int) -> (count: Int, end: Int) {
        var p = position
        var count = 0
        while p < source.end {
            let (unit, next) = source.unit(at: p)
            guard unit.depth > 0 else { break }
            count += 1
            p = next
        }
        return (count, p)
    }

    /// The end of the run of units at `depth` starting at `position`, and its last separator.
    static func separatorRun(_ source: any ReaderUnitSource, from position: Int, depth: Int) -> (depth: Int, end: Int, last: Int?) {
        var p = position
        var last: Int?
        while p < source.end {
            let (unit, next) = source.unit(at: p)
            guard unit.depth == depth else { break }
            if unit.isSeparator { last = p }
            p = next
        }
        return (depth, p, last)
    }

    /// Lays out one unit: wrapped with a quote prefix and its URLs marked, or as it is (HTML lines)
    /// with its URLs found.
    mutating func emit(_ unit: ReaderUnit, key: ThemeKey) {
        guard unit.wraps else {
            var spans: [ReaderSpan] = []
            let text = unit.content
            for url in URLDetector.detect(in: text) {
                _ = registry.number(for: url.url)
                let start = text.utf8.distance(from: text.startIndex, to: url.range.lowerBound)
                let length = text[url.range].utf8.count
                spans.append(ReaderSpan(range: start..<(start + length), key: .url))
            }
            lines.append(ReaderLine(text: text, key: key, spans: spans, kind: .body, quoteDepth: unit.depth))
            return
        }
        let marks = String(repeating: ">", count: unit.depth)
        let prefix = unit.depth > 0 ? marks + " " : ""
        if unit.content.allSatisfy({ $0 == " " }) {
            lines.append(ReaderLine(text: marks, key: key, kind: .body, quoteDepth: unit.depth))
            return
        }
        let available = max(10, options.width - prefix.count)
        let (marked, lengths) = ReaderURLMarks.mark(unit.content, registry: &registry)
        var remaining = lengths[...]
        for piece in WordWrap.wrap(marked, width: available) {
            let (text, spans) = ReaderURLMarks.strip(piece, offset: prefix.utf8.count, lengths: &remaining)
            lines.append(ReaderLine(text: prefix + text, key: key, spans: spans, kind: .body, quoteDepth: unit.depth))
        }
    }
}
