/// Bounds on what an IMAP server may send, so that a broken or hostile server cannot exhaust
/// memory, disk or the stack.
///
/// Message bodies (`BODY[...]`, `BINARY[...]`, `RFC822`) larger than ``streamingThreshold`` are
/// never held in memory by the parser: they arrive as `bodyBegin` / `bodyBytes` / `bodyEnd`
/// events and may be up to ``maximumLiteralSize`` bytes. Every other literal (a mailbox name, an
/// envelope field) is held in the parsed response and may be at most
/// ``maximumBufferedLiteralSize`` bytes.
public struct IMAPLimits: Sendable, Equatable {
    /// The most bytes of one line of a response, literals not counted (default 1 MiB; a
    /// BODYSTRUCTURE of a message with a thousand attachments is about 200 KB).
    public var maximumLineLength: Int
    /// The largest literal accepted at all, streamed (default 1 GiB). A larger announcement
    /// (`{4294967295}`) fails at once, before a byte of it is stored.
    public var maximumLiteralSize: Int
    /// The largest literal held in a parsed response rather than streamed (default 4 MiB).
    public var maximumBufferedLiteralSize: Int
    /// Body literals above this size are streamed rather than buffered (default 64 KiB).
    public var streamingThreshold: Int
    /// The most bytes of one response held in memory at once: its lines plus its buffered
    /// literals (default 64 MiB).
    public var maximumResponseSize: Int
    /// The deepest nesting of parenthesised lists (default 100; a BODYSTRUCTURE of a message
    /// nested 30 levels deep needs about 60).
    public var maximumNestingDepth: Int

    /// Limits; the defaults suit real mailboxes.
    ///
    /// - Precondition: every value is positive, `streamingThreshold` is at most
    ///   `maximumBufferedLiteralSize`, which is at most `maximumLiteralSize`.
    public init(
        maximumLineLength: Int = 1 << 20, maximumLiteralSize: Int = 1 << 30,
        maximumBufferedLiteralSize: Int = 4 << 20, streamingThreshold: Int = 64 << 10,
        maximumResponseSize: Int = 64 << 20, maximumNestingDepth: Int = 100
    ) {
        precondition(maximumLineLength >= 1024, "IMAPLimits: lines of at least 1 KiB must be allowed")
        precondition(streamingThreshold >= 0 && streamingThreshold <= maximumBufferedLiteralSize
                     && maximumBufferedLiteralSize <= maximumLiteralSize, "IMAPLimits: inconsistent literal limits")
        precondition(maximumResponseSize >= maximumLineLength && maximumNestingDepth >= 8,
                     "IMAPLimits: response size or nesting depth too small")
        self.maximumLineLength = maximumLineLength
        self.maximumLiteralSize = maximumLiteralSize
        self.maximumBufferedLiteralSize = maximumBufferedLiteralSize
        self.streamingThreshold = streamingThreshold
        self.maximumResponseSize = maximumResponseSize
        self.maximumNestingDepth = maximumNestingDepth
    }

    /// The defaults.
    public static let `default` = IMAPLimits()
}
