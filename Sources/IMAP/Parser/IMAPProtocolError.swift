/// The server broke the protocol: it sent something the grammar does not allow, or more than
/// the ``IMAPLimits`` accept. The session cannot continue; the connection must be closed.
public struct IMAPProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of misbehaviour.
    public enum Kind: Equatable, Sendable {
        /// Bytes that do not follow the grammar of a response.
        case malformedResponse
        /// A line longer than the limit (literals not counted).
        case lineTooLong(limit: Int)
        /// A literal announced with more bytes than the limit for its place.
        case literalTooLarge(size: UInt64, limit: Int)
        /// One response holding more bytes in memory than the limit.
        case responseTooLarge(limit: Int)
        /// Parentheses nested deeper than the limit.
        case nestingTooDeep(limit: Int)
        /// A tagged response for a tag no command carries.
        case unknownTag
        /// A continuation request (`+`) when no command waits for one.
        case unexpectedContinuation
        /// The connection closed in the middle of a response.
        case truncated
    }

    /// What went wrong.
    public var kind: Kind
    /// What the grammar allows there (`a number`, `")" after the FETCH attributes`).
    public var expected: String
    /// The start of the offending response, escaped so it is safe to display.
    public var received: String

    /// An error from its parts.
    public init(_ kind: Kind, expected: String = "", received: String = "") {
        self.kind = kind
        self.expected = expected
        self.received = received
    }

    /// What was expected, what came, and that the connection ends.
    public var description: String {
        var text: String
        switch kind {
        case .malformedResponse: text = "The IMAP server sent a malformed response"
        case .lineTooLong(let limit): text = "The IMAP server sent a line longer than \(limit) bytes"
        case .literalTooLarge(let size, let limit):
            text = "The IMAP server announced a literal of \(size) bytes where at most \(limit) are accepted"
        case .responseTooLarge(let limit): text = "The IMAP server sent a response larger than \(limit) bytes"
        case .nestingTooDeep(let limit): text = "The IMAP server nested parentheses deeper than \(limit) levels"
        case .unknownTag: text = "The IMAP server answered a command that was never sent"
        case .unexpectedContinuation: text = "The IMAP server sent a continuation request (+) nobody asked for"
        case .truncated: text = "The IMAP server closed the connection in the middle of a response"
        }
        if !expected.isEmpty { text += "; expected \(expected)" }
        if !received.isEmpty { text += ", received \"\(received)\"" }
        return text + ". The connection was closed; try again, and report the server if it persists."
    }
}

extension IMAPProtocolError {
    /// At most `limit` bytes as printable ASCII, other bytes as `\xNN`, for error messages.
    static func excerpt(_ bytes: some Collection<UInt8>, limit: Int = 80) -> String {
        var out = ""
        for (count, byte) in bytes.enumerated() {
            if count == limit {
                out += "..."
                break
            }
            if byte >= 0x20 && byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == ASCII.cr {
                out += "\\r"
            } else if byte == ASCII.lf {
                out += "\\n"
            } else {
                out += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
