/// A run of text in one style: the unit widgets draw.
///
/// A span made with ``init(_:style:)`` is untrusted: its text is sanitised when drawn (see
/// ``Sanitizer``). Use ``trusted(_:style:)`` only for the program's own decorations (borders,
/// separators, labels written in the source code).
public struct Span: Hashable, Sendable {
    /// The text, as given (sanitised when drawn unless ``isTrusted``).
    public var text: String
    /// The style of every cell of the span.
    public var style: Style
    /// True for the program's own text, which skips the sanitiser.
    public var isTrusted: Bool

    /// Creates an untrusted span: its text is sanitised when drawn.
    /// - Parameters:
    ///   - text: text from anywhere (a message, a server, a file name).
    ///   - style: its style.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
        self.isTrusted = false
    }

    /// Creates a trusted span for the program's own decorations; its text is not sanitised.
    ///
    /// - Parameters:
    ///   - text: text written in the program's source; it must not contain controls (checked in
    ///     debug builds; the screen still never writes a control to the terminal).
    ///   - style: its style.
    public static func trusted(_ text: String, style: Style = .plain) -> Span {
        assert(!text.unicodeScalars.contains(where: Sanitizer.isUnsafe), "trusted span with a control: \(text.debugDescription)")
        var span = Span(text, style: style)
        span.isTrusted = true
        return span
    }

    /// The columns the span takes when drawn.
    public var width: Int { TextWidth.width(of: text) }
}

/// One line of styled text: a sequence of spans.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The spans, left to right.
    public var spans: [Span]

    /// Creates a line from spans.
    public init(_ spans: [Span]) { self.spans = spans }

    /// Creates a line of one untrusted span.
    /// - Parameters:
    ///   - text: the text (sanitised when drawn).
    ///   - style: its style.
    public init(_ text: String, style: Style = .plain) { self.spans = [Span(text, style: style)] }

    /// Creates a line from a string literal (drawn through the sanitiser like any untrusted text).
    public init(stringLiteral value: String) { self.init(value) }

    /// The columns the line takes when drawn.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The line's text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// This line with `style` laid under every span (span colours win; attributes add up).
    public func patchingStyle(_ style: Style) -> Line {
        Line(spans.map { span in
            var copy = span
            copy.style = style.patched(with: span.style)
            return copy
        })
    }
}
