/// The human-readable part of a status response, with its optional response code
/// (RFC 9051 §7.1).
///
/// ```
/// S: A3 NO [AUTHENTICATIONFAILED] Authentication failed.
/// ```
public struct ResponseText: Hashable, Sendable, CustomStringConvertible {
    /// The machine-readable code, if the server gave one.
    public var code: ResponseCode?
    /// The text, as the server wrote it (UTF-8, invalid bytes replaced). Show it only after
    /// sanitising: it comes from the server.
    public var text: String

    /// A response text from its parts.
    public init(code: ResponseCode? = nil, text: String) {
        self.code = code
        self.text = text
    }

    /// The text.
    public var description: String { text }
}

extension GrammarParser {
    // resp-text = ["[" resp-text-code "]" SP] [text]
    // text = 1*TEXT-CHAR
    /// A response text up to (not including) the line end. The space after the code and the
    /// text itself may be missing (servers send `* OK [READ-WRITE]`).
    mutating func parseResponseText() throws(ParseFailure) -> ResponseText {
        var code: ResponseCode?
        if peek() == ASCII.openBracket {
            let (start, openLists) = (index, depth)
            index += 1
            if let parsed = try? parseResponseCode(), consume(ASCII.closeBracket) {
                code = parsed
                skipSpaces()
            } else {
                // Not a code after all (`[` as plain text): read it all as text.
                (index, depth) = (start, openLists)
            }
        }
        let start = index
        while index < end, bytes[index] != ASCII.cr, bytes[index] != ASCII.lf { index += 1 }
        return ResponseText(code: code, text: text(start..<index))
    }
}
