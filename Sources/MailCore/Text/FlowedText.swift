/// One logical paragraph of a `format=flowed` body: flowed lines joined, at one quote depth.
public struct FlowedParagraph: Sendable, Equatable {
    /// The number of `>` quote indicators (RFC 3676 §4.5).
    public var quoteDepth: Int
    /// The paragraph's text with soft line breaks removed (no quote marks, no stuffing).
    public var text: String
    /// True for the signature separator line `-- ` (RFC 3676 §4.3).
    public var isSignatureSeparator: Bool

    /// A paragraph.
    public init(quoteDepth: Int, text: String, isSignatureSeparator: Bool = false) {
        self.quoteDepth = quoteDepth
        self.text = text
        self.isSignatureSeparator = isSignatureSeparator
    }
}

/// `Content-Type: text/plain; format=flowed` (RFC 3676): decoding into paragraphs for the viewer
/// (with reflow to the screen width) or into logical lines for quoting, and encoding with a choice
/// of width and DelSp (used by ``MessageBuilder`` when ``MessageBuilder/formatFlowed`` is set).
public enum FlowedText {
    /// Splits a flowed body into paragraphs (RFC 3676 §4.1-4.5).
    ///
    /// A line ending in a space is flowed: it continues on the next line when that line has the
    /// same quote depth. With `delSp` the space that marks a flowed line is removed when joining
    /// (RFC 3676 §4.2). Quote depth is the count of leading `>`; one space after them (or at the
    /// start of an unquoted line) is stuffing and is removed. The `-- ` signature separator is
    /// never flowed. A change of quote depth after a flowed line ends the paragraph (§4.5).
    ///
    /// - Parameters:
    ///   - body: the decoded body; lines end in CRLF or LF.
    ///   - delSp: the `DelSp=yes` parameter.
    public static func decode(_ body: String, delSp: Bool) -> [FlowedParagraph] {
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last == "" { lines.removeLast() }
        var result: [FlowedParagraph] = []
        var current: (depth: Int, text: String)?
        for var line in lines {
            if line.last == "\r" { line = line.dropLast() }
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }
            let isSeparator = line == "-- "
            let flowed = !isSeparator && line.last == " "
            var content = line
            if flowed && delSp { content = content.dropLast() }

            if let open = current, open.depth != depth {
                result.append(FlowedParagraph(quoteDepth: open.depth, text: open.text))
                current = nil
            }
            if isSeparator {
                if let open = current {
                    result.append(FlowedParagraph(quoteDepth: open.depth, text: open.text))
                    current = nil
                }
                result.append(FlowedParagraph(quoteDepth: depth, text: "-- ", isSignatureSeparator: true))
                continue
            }
            var text = current?.text ?? ""
            text += content
            if flowed {
                current = (depth, text)
            } else {
                result.append(FlowedParagraph(quoteDepth: depth, text: text))
                current = nil
            }
        }
        if let open = current { result.append(FlowedParagraph(quoteDepth: open.depth, text: open.text)) }
        return result
    }

    /// Lays paragraphs out as display lines of at most `width` columns (``WordWrap``), each
    /// quoted paragraph prefixed with `>` per level and a space (`>> text`).
    ///
    /// - Returns: the lines, without line feeds; empty paragraphs give empty (or `>`) lines.
    public static func reflow(_ paragraphs: [FlowedParagraph], width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in paragraphs {
            let marks = String(repeating: ">", count: paragraph.quoteDepth)
            let prefix = paragraph.quoteDepth > 0 ? marks + " " : ""
            if paragraph.isSignatureSeparator {
                lines.append(prefix + "-- ")
                continue
            }
            let text = paragraph.text.drop(while: { $0 == " " }).isEmpty ? "" : paragraph.text
            if text.isEmpty {
                lines.append(marks)
                continue
            }
            let available = width > 0 ? max(width - prefix.count, 10) : 0
            for line in WordWrap.wrap(text, width: available) { lines.append(prefix + line) }
        }
        return lines
    }

    /// Decodes a flowed body into its logical lines, one per paragraph, for quoting in a reply or
    /// putting a forwarded text in an editor: soft line breaks removed, stuffing undone, quoted
    /// paragraphs written as `>` marks (one per level) and a space, `>` alone when empty.
    ///
    /// - Parameters:
    ///   - body: the decoded body; lines end in CRLF or LF.
    ///   - delSp: the `DelSp=yes` parameter.
    /// - Returns: the lines joined by line feeds, without a final one.
    public static func unflow(_ body: String, delSp: Bool) -> String {
        var out = ""
        for (i, paragraph) in decode(body, delSp: delSp).enumerated() {
            if i > 0 { out += "\n" }
            let marks = String(repeating: ">", count: paragraph.quoteDepth)
            if paragraph.text.isEmpty {
                out += marks
            } else {
                out += marks.isEmpty ? paragraph.text : marks + " " + paragraph.text
            }
        }
        return out
    }

    /// Decodes a flowed body and lays it out for a `width`-column viewer.
    public static func render(_ body: String, delSp: Bool, width: Int) -> String {
        reflow(decode(body, delSp: delSp), width: width).joined(separator: "\n")
    }

    /// Encodes text as `format=flowed` (RFC 3676 §4.2), for a body with
    /// `Content-Type: text/plain; charset=utf-8; format=flowed` (and `delsp=yes` when `delSp`).
    ///
    /// Each input line is a paragraph. Lines quoted as `>`, `>>` or `> >` keep their depth, written
    /// as `>` marks and a space. Paragraphs longer than `width` columns are broken at spaces, each
    /// soft-broken line ending in a space; a word longer than the width stays whole (with `delSp`,
    /// East Asian text may also break between characters). Trailing spaces of the input lines are
    /// removed, lines that start with a space, `>` or `From ` are space-stuffed, and the `-- `
    /// signature separator is kept as it is.
    ///
    /// - Parameters:
    ///   - text: the text the user wrote; lines end in LF or CRLF.
    ///   - width: the longest line wanted, 72 by default (RFC 3676 asks for at most 78).
    ///   - delSp: write for `DelSp=yes`.
    /// - Returns: the body, each line ending in CRLF.
    public static func encode(_ text: String, width: Int = 72, delSp: Bool = false) -> String {
        var out = ""
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last == "" { lines.removeLast() }
        for var line in lines {
            if line.last == "\r" { line = line.dropLast() }
            let (depth, rawContent) = QuoteLevel.parse(line)
            let marks = String(repeating: ">", count: depth)
            if rawContent == "-- " || (depth == 0 && line == "-- ") {
                out += marks + (depth > 0 ? " " : "") + "-- \r\n"
                continue
            }
            var content = rawContent
            while content.last == " " { content = content.dropLast() }
            let prefix = depth > 0 ? marks + " " : ""
            let available = max(width - prefix.count, 20)
            let pieces = softLines(String(content), width: available, delSp: delSp)
            for piece in pieces {
                var body = piece
                // After quote marks, the space of the prefix is the stuffing.
                if depth == 0, body.first == " " || body.first == ">" || body.hasPrefix("From ") {
                    body = " " + body
                }
                out += prefix + body + "\r\n"
            }
        }
        return out
    }

    /// Breaks one paragraph into flowed lines: every line but the last ends in a space.
    private static func softLines(_ paragraph: String, width: Int, delSp: Bool) -> [String] {
        guard DisplayWidth.of(paragraph) > width else { return [paragraph] }
        var result: [String] = []
        var line = ""
        var lineWidth = 0
        // Words keep their following space, so that joining the lines restores the text.
        var words: [Substring] = []
        var start = paragraph.startIndex
        var i = paragraph.startIndex
        while i < paragraph.endIndex {
            if paragraph[i] == " " {
                var j = paragraph.index(after: i)
                while j < paragraph.endIndex, paragraph[j] == " " { j = paragraph.index(after: j) }
                words.append(paragraph[start..<j])
                start = j
                i = j
            } else {
                i = paragraph.index(after: i)
            }
        }
        if start < paragraph.endIndex { words.append(paragraph[start...]) }
        if delSp { words = words.flatMap { splitWide($0) } }
        for word in words {
            let w = DisplayWidth.of(word.last == " " ? word.dropLast() : word)
            if lineWidth > 0, lineWidth + w > width {
                result.append(delSp ? line + " " : line)
                line = ""
                lineWidth = 0
            }
            line += word
            lineWidth += DisplayWidth.of(word)
        }
        if !line.isEmpty {
            while line.last == " " { line.removeLast() }
            result.append(line)
        }
        return result
    }

    /// Splits a run of East Asian wide characters into single characters (break opportunities
    /// that only DelSp=yes can express).
    private static func splitWide(_ word: Substring) -> [Substring] {
        guard word.unicodeScalars.contains(where: DisplayWidth.isWide) else { return [word] }
        var parts: [Substring] = []
        var start = word.startIndex
        var i = word.startIndex
        while i < word.endIndex {
            let next = word.index(after: i)
            if word[i].unicodeScalars.first.map(DisplayWidth.isWide) == true {
                if start < i { parts.append(word[start..<i]) }
                var end = next
                while end < word.endIndex, word[end] == " " { end = word.index(after: end) }
                parts.append(word[i..<end])
                start = end
                i = end
                continue
            }
            i = next
        }
        if start < word.endIndex { parts.append(word[start...]) }
        return parts
    }
}
