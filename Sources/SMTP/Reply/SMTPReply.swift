import MailCore

/// One reply of an SMTP server: a three-digit code and one or more lines of text (RFC 5321 §4.2).
///
/// ```
/// S: 250-mail.example.test
/// S: 250-PIPELINING
/// S: 250 8BITMIME
/// ```
///
/// The text is kept line by line, as the server wrote it after the code and separator, made safe
/// to display (control characters replaced). When the server uses enhanced status codes
/// (RFC 2034, RFC 3463), ``enhancedCode`` holds the one at the start of the first line.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, 200 to 599.
    public var code: Int
    /// The text of each line, without the code and separator; empty strings for lines without text.
    public var lines: [String]
    /// The enhanced status code at the start of the first line (`5.1.1`), or nil.
    public var enhancedCode: EnhancedStatusCode?

    /// A reply from its parts; the enhanced code is read from the first line.
    ///
    /// - Parameters:
    ///   - code: The reply code (200 to 599).
    ///   - lines: The text of each line; at least one (an empty string for none).
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines.isEmpty ? [""] : lines
        self.enhancedCode = lines.first.flatMap { EnhancedStatusCode(prefixOf: $0) }
    }

    /// What kind of answer the first digit makes it (RFC 5321 §4.2.1).
    public enum Kind: Sendable, Hashable {
        /// 2yz: the command succeeded.
        case positiveCompletion
        /// 3yz: go on (354 after DATA, 334 during AUTH).
        case positiveIntermediate
        /// 4yz: failed for now; the same command may succeed later.
        case transientNegative
        /// 5yz: failed; repeating it as it is will fail again.
        case permanentNegative
    }

    /// The kind of answer.
    public var kind: Kind {
        switch code / 100 {
        case 2: .positiveCompletion
        case 3: .positiveIntermediate
        case 4: .transientNegative
        default: .permanentNegative
        }
    }

    /// True for 2yz.
    public var isSuccess: Bool { kind == .positiveCompletion }
    /// True for 4yz.
    public var isTransient: Bool { kind == .transientNegative }
    /// True for 5yz.
    public var isPermanent: Bool { kind == .permanentNegative }

    /// The text of every line on one line, the enhanced code repeated on later lines dropped:
    /// `5.1.1 <bob@example.test>: Recipient address rejected`.
    public var text: String {
        var parts: [String] = []
        for (index, line) in lines.enumerated() {
            var shown = Substring(line)
            if index > 0, let code = enhancedCode, shown.hasPrefix(code.description) {
                shown = shown.dropFirst(code.description.count).drop { $0 == " " }
            }
            if !shown.isEmpty { parts.append(String(shown)) }
        }
        return parts.joined(separator: " ")
    }

    /// The reply as the user sees it in an error: `550 5.1.1 <bob@example.test>: no such user`.
    public var description: String {
        let text = self.text
        return text.isEmpty ? "\(code)" : "\(code) \(text)"
    }

    /// The reply's lines as the server sent them (`250-PIPELINING`, `250 8BITMIME`), for a trace.
    public var wireLines: [String] {
        lines.enumerated().map { index, line in
            let separator = index == lines.count - 1 ? " " : "-"
            return line.isEmpty && separator == " " ? "\(code)" : "\(code)\(separator)\(line)"
        }
    }
}
