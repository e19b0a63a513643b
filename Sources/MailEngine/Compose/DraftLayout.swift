import TernConfig

/// Lays out the body of a new draft: the place where the user writes (where the editor's
/// cursor goes), the signature and the quoted or forwarded text, as ``ComposeOptions`` says.
struct DraftLayout {
    /// The lines before the user's text.
    var above: [String] = []
    /// The lines after it.
    var below: [String] = []

    /// The body (lines ending in LF) and the line, from 1, where the user writes.
    ///
    /// The user's line is an empty line with an empty line between it and the text around it.
    func render() -> (body: String, cursorLine: Int) {
        var lines = above
        if !lines.isEmpty { lines.append("") }
        let cursor = lines.count + 1
        lines.append("")
        if !below.isEmpty { lines.append("") }
        lines += below
        return (lines.joined(separator: "\n") + "\n", cursor)
    }

    /// A new message: the user's line, then the signature.
    static func new(signature: [String]) -> DraftLayout {
        DraftLayout(below: signature)
    }

    /// A reply: below the quote (signature last) or above it (signature above the quote).
    static func reply(quote: [String], signature: [String], style: ReplyStyle) -> DraftLayout {
        switch style {
        case .bottom:
            return DraftLayout(above: quote, below: signature)
        case .top:
            return DraftLayout(below: signature.isEmpty ? quote : signature + [""] + quote)
        }
    }

    /// A forward: the user's line, the signature, then the forwarded text.
    static func forward(forwarded: [String], signature: [String]) -> DraftLayout {
        if forwarded.isEmpty { return DraftLayout(below: signature) }
        return DraftLayout(below: signature.isEmpty ? forwarded : signature + [""] + forwarded)
    }
}

extension String {
    /// The lines of a text, without a final empty line for a final line feed.
    var bodyLines: [String] {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
