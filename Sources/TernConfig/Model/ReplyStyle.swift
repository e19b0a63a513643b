/// Where the user writes in a reply (`reply_style`): below the quoted text (bottom or interleaved
/// posting, NeoMutt's default) or above it (top posting, the signature above the quote too).
public enum ReplyStyle: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The cursor goes below the quote, the signature last.
    case bottom
    /// The cursor goes above the quote, the signature between them.
    case top

    /// The value as written in the config file.
    public var description: String { rawValue }
}
