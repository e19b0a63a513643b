/// HTML rendered as plain text for a terminal: the wrapped body and the links it refers to.
public struct RenderedText: Sendable, Equatable {
    /// A link target that the body refers to as `[number]`.
    public struct Link: Sendable, Equatable {
        /// The number shown in the body, from 1.
        public var number: Int
        /// The URL, with control characters and spaces percent-encoded.
        public var url: String

        /// A link from its number and URL.
        public init(number: Int, url: String) {
            self.number = number
            self.url = url
        }
    }

    /// The rendered body: lines separated by `\n`, no trailing newline, free of control
    /// characters other than `\n`.
    public var body: String
    /// The links in the order of their numbers.
    public var links: [Link]

    /// A rendering from its body and links.
    public init(body: String, links: [Link]) {
        self.body = body
        self.links = links
    }

    /// The body followed, when there are links, by a blank line, `Links:` and one `[n] url` line
    /// per link: what a viewer shows.
    public var text: String {
        guard !links.isEmpty else { return body }
        var text = body
        text += body.isEmpty ? "Links:\n" : "\n\nLinks:\n"
        text += links.map { "[\($0.number)] \($0.url)" }.joined(separator: "\n")
        return text
    }
}
