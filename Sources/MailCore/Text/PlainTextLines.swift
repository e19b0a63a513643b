/// What the viewer needs to know about each line of a plain-text body: its quote depth and
/// whether it belongs to a signature.
public struct PlainTextLine: Sendable, Equatable {
    /// The quote depth (see ``QuoteLevel``).
    public var quoteDepth: Int
    /// The text after the quote prefix.
    public var content: Substring
    /// True for the signature separator line (`-- `) and the lines of the signature after it.
    public var isSignature: Bool

    /// A classified line.
    public init(quoteDepth: Int, content: Substring, isSignature: Bool) {
        self.quoteDepth = quoteDepth
        self.content = content
        self.isSignature = isSignature
    }
}

/// Quote levels and signature blocks of plain-text bodies.
public enum PlainTextLines {
    /// True for the signature separator: `-- ` (dash, dash, space) alone on a line
    /// (RFC 3676 §4.3), here after any quote prefix. A trailing carriage return is ignored.
    public static func isSignatureSeparator(_ content: Substring) -> Bool {
        content == "-- " || content == "-- \r"
    }

    /// Classifies `lines`.
    ///
    /// A signature starts at the last separator line of each run of lines at the same quote depth
    /// and ends where that run ends, so the quoted signature of a quoted message is found as well
    /// as the sender's own, and a `-- ` line inside a forwarded text does not hide the rest.
    public static func classify(_ lines: [Substring]) -> [PlainTextLine] {
        var result = lines.map { line -> PlainTextLine in
            let (depth, content) = QuoteLevel.parse(line)
            return PlainTextLine(quoteDepth: depth, content: content, isSignature: false)
        }
        var runStart = 0
        while runStart < result.count {
            var runEnd = runStart
            var separator: Int?
            while runEnd < result.count, result[runEnd].quoteDepth == result[runStart].quoteDepth {
                if isSignatureSeparator(result[runEnd].content) { separator = runEnd }
                runEnd += 1
            }
            if let separator {
                for i in separator..<runEnd { result[i].isSignature = true }
            }
            runStart = runEnd
        }
        return result
    }

    /// Classifies the lines of `text` (split at LF or CRLF).
    public static func classify(_ text: String) -> [PlainTextLine] {
        classify(text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }))
    }

    /// The index of the line that starts the unquoted signature of `lines`, or nil: the last
    /// separator line at quote depth 0 whose following lines are all unquoted. Use it to leave the
    /// signature out when quoting a message in a reply.
    public static func signatureStart(_ lines: [Substring]) -> Int? {
        var i = lines.count - 1
        while i >= 0 {
            let (depth, content) = QuoteLevel.parse(lines[i])
            if depth > 0 { return nil }
            if isSignatureSeparator(content) { return i }
            i -= 1
        }
        return nil
    }
}
