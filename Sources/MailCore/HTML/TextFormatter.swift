/// Lays out rendered HTML as lines of text: collapses white space, wraps paragraphs, applies the
/// indentation and prefixes of lists and quotes, and keeps blank lines between blocks single.
///
/// A value type, so that the renderer can lay a table cell out in a scratch formatter and put
/// the document's back. The renderer drives it with block boundaries, text, and indentation pushes and pops. Blank
/// lines are emitted lazily, when the next content arrives, with the prefixes of the blocks that
/// enclose both sides; a blank line never starts the output or a list item or quote.
struct TextFormatter {
    /// The wrap width in columns; 0 means no wrapping.
    let width: Int
    private(set) var lines: [String] = []

    private struct Indent {
        var first: String
        var rest: String
        var width: Int
        var used: Bool
    }

    private var indents: [Indent] = []
    private var indentWidth = 0
    private var paragraph: [UInt8] = []
    private var pendingSpace = false
    private var blankPending = false
    private var blankDepth = 0
    private var lastLineBlank = false
    private var flushes = 0
    private var preDepth = 0
    private var preLine: [UInt8] = []
    private var preAtStart = false

    /// A formatter for lines of `width` columns (0: unlimited).
    init(width: Int) {
        self.width = max(0, width)
    }

    /// The columns left for text after the current indentation (0: unlimited).
    var availableWidth: Int {
        width > 0 ? max(width - indentWidth, min(width, Self.minimumTextWidth)) : 0
    }

    /// Text never gets narrower than this (or the whole width, if less), however deep the
    /// indentation.
    static let minimumTextWidth = 10

    // MARK: - Inline content

    /// Adds text in normal flow: runs of HTML white space collapse to one space, soft hyphens go.
    mutating func addText(_ text: String) {
        if preDepth > 0 {
            addPreText(text)
            return
        }
        var buffer: [UInt8] = []
        swap(&buffer, &paragraph)
        var space = pendingSpace
        for c in text.utf8 {
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                space = true
                continue
            }
            if c == 0xAD, buffer.last == 0xC2 {
                buffer.removeLast() // U+00AD SOFT HYPHEN
                continue
            }
            if space {
                if !buffer.isEmpty { buffer.append(0x20) }
                space = false
            }
            buffer.append(c)
        }
        pendingSpace = space
        swap(&buffer, &paragraph)
    }

    /// Appends generated text (a link number, a heading mark) right after the preceding text,
    /// without a space, leaving pending white space pending.
    mutating func appendMarker(_ marker: String) {
        if preDepth > 0 {
            preLine.append(contentsOf: marker.utf8)
        } else {
            paragraph.append(contentsOf: marker.utf8)
        }
    }

    /// Starts the current paragraph with `prefix` followed by a space (for headings).
    mutating func startParagraph(with prefix: String) {
        flushParagraph()
        paragraph.append(contentsOf: prefix.utf8)
        pendingSpace = true
    }

    /// A position in the inline content, to ask later what was added after it.
    struct Mark {
        fileprivate var flushes: Int
        fileprivate var count: Int
        fileprivate var lineCount: Int
    }

    func mark() -> Mark {
        Mark(flushes: flushes, count: preDepth > 0 ? preLine.count : paragraph.count, lineCount: lines.count)
    }

    /// True when anything was added since `mark`.
    func hasContent(since mark: Mark) -> Bool {
        mark.flushes != flushes || mark.lineCount != lines.count || currentCount > mark.count
    }

    /// The inline text added since `mark`, or nil when a line was emitted in between.
    func text(since mark: Mark) -> String? {
        guard mark.flushes == flushes, mark.lineCount == lines.count, currentCount >= mark.count else { return nil }
        let buffer = preDepth > 0 ? preLine : paragraph
        return String(decoding: buffer[mark.count...], as: UTF8.self)
    }

    /// Drops the inline content added since `mark` when no line was emitted in between.
    mutating func discard(since mark: Mark) {
        guard mark.flushes == flushes, mark.lineCount == lines.count, preDepth == 0, paragraph.count >= mark.count else { return }
        paragraph.removeSubrange(mark.count...)
        pendingSpace = false
    }

    private var currentCount: Int { preDepth > 0 ? preLine.count : paragraph.count }

    // MARK: - Blocks

    /// Ends the current paragraph; with `blank`, asks for a blank line before the next content.
    mutating func blockBoundary(blank: Bool) {
        flushParagraph()
        if blank { requestBlank() }
    }

    /// A `<br>`: ends the line; on an empty line, makes a blank line.
    mutating func lineBreak() {
        if preDepth > 0 {
            emitPreLine()
            return
        }
        if paragraph.isEmpty {
            if lines.isEmpty, indents.allSatisfy({ $0.used }) { return }
            if blankPending {
                emitPendingBlank()
            } else {
                emit("")
            }
        } else {
            flushParagraph()
        }
    }

    /// Emits a line as it is (no wrapping), after the current paragraph.
    mutating func emitVerbatim(_ line: String) {
        flushParagraph()
        emit(line)
    }

    /// A horizontal rule across the available width.
    mutating func rule() {
        flushParagraph()
        let w = availableWidth > 0 ? availableWidth : 10
        emit(String(repeating: "\u{2500}", count: w))
    }

    /// Indents what follows: `first` before the next line emitted, `rest` before the others.
    ///
    /// Indentation stops growing at half the width: deeper levels keep a list marker but add no
    /// columns.
    mutating func pushIndent(first: String, rest: String) {
        flushParagraph()
        let w = DisplayWidth.of(rest)
        if width > 0, indentWidth + w > width / 2 {
            let marker = first == rest ? "" : first
            indents.append(Indent(first: marker, rest: "", width: 0, used: false))
        } else {
            indents.append(Indent(first: first, rest: rest, width: w, used: false))
            indentWidth += w
        }
    }

    /// Removes the innermost indentation; when nothing was emitted inside it and `emitIfEmpty`,
    /// first emits its marker on a line of its own (an empty list item still shows its bullet).
    mutating func popIndent(emitIfEmpty: Bool = false) {
        flushParagraph()
        guard let last = indents.last else { return }
        if emitIfEmpty, !last.used { emit("") }
        indents.removeLast()
        indentWidth -= last.width
        blankDepth = min(blankDepth, indents.count)
    }

    // MARK: - Preformatted text

    mutating func beginPre() {
        flushParagraph()
        preDepth += 1
        preAtStart = true
    }

    mutating func endPre() {
        guard preDepth > 0 else { return }
        if !preLine.isEmpty { emitPreLine() }
        preDepth -= 1
    }

    private mutating func addPreText(_ text: String) {
        var previousCR = false
        for c in text.utf8 {
            defer { preAtStart = false }
            if c == 0x0A {
                if previousCR {
                    previousCR = false
                    continue
                }
                if preAtStart && preLine.isEmpty { continue } // a newline right after <pre> is dropped
                emitPreLine()
            } else if c == 0x0D {
                previousCR = true
                if !(preAtStart && preLine.isEmpty) { emitPreLine() }
                continue
            } else {
                preLine.append(c)
            }
            previousCR = false
        }
    }

    private mutating func emitPreLine() {
        let line = DisplayWidth.expandTabs(String(decoding: preLine, as: UTF8.self))
        preLine.removeAll(keepingCapacity: true)
        emit(Self.cleanup(DisplaySanitizer.sanitize(line, allowTab: false)))
    }

    // MARK: - Output

    /// Flushes everything and returns the lines, without trailing blank lines.
    mutating func finish() -> [String] {
        if preDepth > 0, !preLine.isEmpty { emitPreLine() }
        flushParagraph()
        while let last = lines.last, last.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x3E }) { lines.removeLast() }
        return lines
    }

    mutating func flushParagraph() {
        pendingSpace = false
        guard !paragraph.isEmpty else { return }
        flushes += 1
        var wrapped: [String] = []
        paragraph.withUnsafeBufferPointer { WordWrap.wrapUTF8($0, width: availableWidth, into: &wrapped) }
        paragraph.removeAll(keepingCapacity: true)
        for line in wrapped {
            let clean = Self.cleanup(line)
            if !clean.isEmpty { emit(clean) }
        }
    }

    private mutating func requestBlank() {
        if lines.isEmpty || lastLineBlank { return }
        if let last = indents.last, !last.used { return }
        if blankPending {
            blankDepth = min(blankDepth, indents.count)
        } else {
            blankPending = true
            blankDepth = indents.count
        }
    }

    private mutating func emitPendingBlank() {
        guard blankPending else { return }
        blankPending = false
        if lines.isEmpty || lastLineBlank { return }
        var line = ""
        for indent in indents.prefix(blankDepth) { line += indent.rest }
        lines.append(Self.trimTrailingSpaces(line))
        lastLineBlank = true
    }

    private mutating func emit(_ content: String) {
        emitPendingBlank()
        if indents.isEmpty {
            lines.append(Self.trimTrailingSpaces(content))
            lastLineBlank = content.isEmpty
            return
        }
        var line = ""
        for i in indents.indices {
            if indents[i].used {
                line += indents[i].rest
            } else {
                line += indents[i].first
                indents[i].used = true
            }
        }
        line += content
        lines.append(Self.trimTrailingSpaces(line))
        lastLineBlank = content.isEmpty
    }

    /// No-break spaces become spaces; zero-width spaces and byte order marks go; trailing spaces go.
    static func cleanup(_ line: String) -> String {
        var line = line
        let needsWork = line.withUTF8 { b in
            b.last == 0x20 || b.contains { $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
        }
        guard needsWork else { return line }
        return line.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 {
                    out.append(0x20)
                    i += 2
                } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x8B {
                    i += 3
                } else if c == 0xEF, i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF {
                    i += 3
                } else {
                    out.append(c)
                    i += 1
                }
            }
            while out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        guard line.utf8.last == 0x20 else { return line }
        var utf8 = line.utf8[...]
        while utf8.last == 0x20 { utf8 = utf8.dropLast() }
        return String(utf8) ?? line
    }
}
