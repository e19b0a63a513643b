import Foundation
import TernConfig

/// One laid-out line of the viewer: text that is safe to show, its theme key, and the parts of it
/// styled otherwise (header names, URLs).
public struct ReaderLine: Sendable, Hashable {
    /// What the line is, for commands that act on the line at hand.
    public enum Kind: Sendable, Hashable {
        /// A header field (name and value, or a continuation of a long value).
        case header
        /// Message text.
        case body
        /// A part shown as one line (`[2] report.pdf application/pdf 240 KB`), by its number.
        case marker(number: String)
        /// The start or end of an embedded message, by its number.
        case embedded(number: String)
        /// A note (broken charset, malformed part).
        case note
        /// A folded quoted block (`··· 40 more quoted lines ···`).
        case fold
        /// An empty separator line.
        case blank
        /// A line of the raw source.
        case raw
    }

    /// The text: sanitised, no control characters, no tabs.
    public var text: String
    /// The line's style.
    public var key: ThemeKey
    /// Ranges styled otherwise, in order, not overlapping.
    public var spans: [ReaderSpan]
    /// What the line is.
    public var kind: Kind
    /// The quote depth of body text (0 for everything else).
    public var quoteDepth: Int

    /// A line.
    public init(text: String, key: ThemeKey, spans: [ReaderSpan] = [], kind: Kind, quoteDepth: Int = 0) {
        self.text = text
        self.key = key
        self.spans = spans
        self.kind = kind
        self.quoteDepth = quoteDepth
    }

    /// An empty line.
    static let blank = ReaderLine(text: "", key: .body, kind: .blank)
}

/// A range of a ``ReaderLine`` in its own style.
public struct ReaderSpan: Sendable, Hashable {
    /// UTF-8 offsets into the line's text.
    public var range: Range<Int>
    /// The style.
    public var key: ThemeKey
    /// True for the `[n]` number after a URL (drawn dimmer than the URL).
    public var isNumber: Bool

    /// A span.
    public init(range: Range<Int>, key: ThemeKey, isNumber: Bool = false) {
        self.range = range
        self.key = key
        self.isNumber = isNumber
    }
}

/// How the viewer lays a message out.
public struct ReaderOptions: Sendable, Hashable {
    /// The columns of the text area.
    public var width: Int
    /// Show the HTML alternative of `multipart/alternative` (`prefer_html`, toggled by a key).
    public var preferHTML: Bool
    /// Show every header field instead of From, To, Cc, Date and Subject.
    public var showAllHeaders: Bool
    /// Show the raw source instead.
    public var showRaw: Bool
    /// Fold long quoted blocks.
    public var foldQuotes: Bool
    /// A quoted block of at least this many lines folds.
    public var foldThreshold: Int
    /// The lines of a folded block still shown before the fold line.
    public var foldKeep: Int
    /// The time zone dates are shown in.
    public var timeZone: DisplayZone

    /// Options; everything but the width has the usual default.
    public init(width: Int, preferHTML: Bool = false, showAllHeaders: Bool = false, showRaw: Bool = false,
                foldQuotes: Bool = false, foldThreshold: Int = 10, foldKeep: Int = 3, timeZone: DisplayZone = .system) {
        self.width = width
        self.preferHTML = preferHTML
        self.showAllHeaders = showAllHeaders
        self.showRaw = showRaw
        self.foldQuotes = foldQuotes
        self.foldThreshold = max(2, foldThreshold)
        self.foldKeep = max(0, foldKeep)
        self.timeZone = timeZone
    }
}
