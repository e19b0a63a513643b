/// The final answer to a command: its tag and OK, NO or BAD (RFC 9051 §7.1).
///
/// ```
/// S: A7 OK [READ-WRITE] SELECT completed
/// ```
public struct TaggedResponse: Hashable, Sendable {
    /// The command's tag.
    public var tag: String
    /// `.ok`, `.no` or `.bad`.
    public var status: ResponseStatus
    /// The code and text.
    public var text: ResponseText

    /// A tagged response from its parts.
    public init(tag: String, status: ResponseStatus, text: ResponseText) {
        self.tag = tag
        self.status = status
        self.text = text
    }
}
