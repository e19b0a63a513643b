import MailEngine

/// A query that limits the list to matching messages, as typed and as parsed.
public struct ListLimit: Hashable, Sendable {
    /// What the user typed.
    public var text: String
    /// The parsed query.
    public var query: SearchQuery

    /// Creates a limit.
    public init(text: String, query: SearchQuery) {
        self.text = text
        self.query = query
    }
}
