/// The server's greeting, the `+OK` line it sends when the connection opens (RFC 1939 §4), and
/// the APOP timestamp it may carry (RFC 1939 §7).
///
/// ```
/// S: +OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>
/// ```
public struct POP3Greeting: Equatable, Sendable {
    /// The greeting's status line.
    public var statusLine: POP3StatusLine

    /// The APOP timestamp including its angle brackets (`<1896.697170952@dbc.mtview.ca.us>`), or
    /// nil when the greeting has none (the server then does not offer APOP).
    public var apopTimestamp: String?

    /// The greeting from its status line; finds the APOP timestamp in its text.
    public init(statusLine: POP3StatusLine) {
        self.statusLine = statusLine
        self.apopTimestamp = Self.findTimestamp(in: statusLine.rawText)
    }

    // timestamp = "<" 1*(printable except "<" ">" and space) ">"   (a msg-id, RFC 822)
    /// The first `<...>` in the text made of printable ASCII without spaces, at most 512 bytes.
    static func findTimestamp(in text: [UInt8]) -> String? {
        guard let open = text.firstIndex(of: UInt8(ascii: "<")) else { return nil }
        var index = open + 1
        while index < text.count, index - open <= 512 {
            let byte = text[index]
            if byte == UInt8(ascii: ">") {
                guard index > open + 1 else { return nil }
                return String(decoding: text[open...index], as: UTF8.self)
            }
            guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "<") else { return nil }
            index += 1
        }
        return nil
    }
}
