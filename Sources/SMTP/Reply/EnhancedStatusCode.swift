/// An enhanced mail system status code (RFC 3463), as servers put it at the start of a reply's text
/// when they offer ENHANCEDSTATUSCODES (RFC 2034): `5.1.1` is "bad destination mailbox address".
///
/// ```
/// S: 550 5.1.1 <bob@example.test>: Recipient address rejected: User unknown
/// ```
public struct EnhancedStatusCode: Sendable, Hashable, CustomStringConvertible {
    /// 2 (success), 4 (persistent transient failure) or 5 (permanent failure).
    public var statusClass: Int
    /// The subject (0 to 999): 1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol,
    /// 6 content, 7 security or policy.
    public var subject: Int
    /// The detail within the subject (0 to 999).
    public var detail: Int

    /// A code from its parts.
    public init(statusClass: Int, subject: Int, detail: Int) {
        self.statusClass = statusClass
        self.subject = subject
        self.detail = detail
    }

    // status-code = class "." subject "." detail      (RFC 3463 §2)
    // class       = "2" / "4" / "5"
    // subject     = 1*3digit
    // detail      = 1*3digit
    /// The code at the start of `text`, followed by a space or the end of the text; nil when the
    /// text does not start with one.
    public init?(prefixOf text: String) {
        var parts: [Int] = []
        var current = 0
        var digits = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                guard digits < 3 else { return nil }
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else if byte == UInt8(ascii: "."), parts.count < 2 {
                guard digits > 0, parts.count > 0 || digits == 1 else { return nil }
                parts.append(current)
                current = 0
                digits = 0
            } else if byte == UInt8(ascii: " ") {
                break
            } else {
                return nil
            }
        }
        guard parts.count == 2, digits > 0, [2, 4, 5].contains(parts[0]) else { return nil }
        self.init(statusClass: parts[0], subject: parts[1], detail: current)
    }

    /// `5.1.1`.
    public var description: String { "\(statusClass).\(subject).\(detail)" }
}
