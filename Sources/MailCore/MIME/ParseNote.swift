/// Something the parser noticed and worked around: malformed input, or a limit that was reached.
/// Shown to the user as a note beside the message instead of failing.
public struct ParseNote: Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A multipart ended without its close delimiter (`--boundary--`).
        case missingCloseDelimiter
        /// A multipart's boundary never appears in its body; the body is shown as text.
        case boundaryNotFound
        /// A multipart without a `boundary` parameter; the body is shown as text.
        case missingBoundary
        /// Parts nested deeper than the limit; the deeper content is kept undivided.
        case nestingTooDeep
        /// More parts than the limit; the rest is kept undivided in the last multipart's epilogue.
        case tooManyParts
        /// A header section larger than the limit; the remaining fields were ignored.
        case headerTooLarge
        /// A line in the header section that is not a field ended the section early.
        case headerNotTerminated
        /// A `Content-Type` that could not be read; `text/plain` was assumed.
        case invalidContentType
        /// A transfer encoding this parser does not know; the body is left as it is.
        case unknownTransferEncoding
        /// Junk before the first field (white space lines, an mbox `From ` line).
        case headerJunk
    }

    /// What was wrong.
    public var kind: Kind
    /// The byte offset in the message where it was noticed.
    public var offset: Int
    /// A sentence for a person.
    public var detail: String

    /// A note.
    public init(_ kind: Kind, at offset: Int, _ detail: String) {
        self.kind = kind
        self.offset = offset
        self.detail = detail
    }

    public var description: String { "\(detail) (at byte \(offset))" }
}

/// The limits that keep parsing bounded on hostile input.
public struct ParseLimits: Sendable, Hashable {
    /// Maximum nesting of multiparts and embedded messages.
    public var maxDepth: Int
    /// Maximum number of parts in one message, embedded messages included.
    public var maxParts: Int
    /// Maximum size of one header section in bytes.
    public var maxHeaderBytes: Int
    /// Maximum number of fields in one header section.
    public var maxHeaderFields: Int

    /// Limits from their values.
    public init(maxDepth: Int = 100, maxParts: Int = 10_000, maxHeaderBytes: Int = 1 << 22, maxHeaderFields: Int = 10_000) {
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
    }

    /// Depth 100, 10,000 parts, 4 MiB and 10,000 fields per header section.
    public static let standard = ParseLimits()
}
