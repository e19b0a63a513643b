import MailCore
/// The first line of every POP3 response: `+OK` or `-ERR`, then optional text (RFC 1939 §3),
/// which may start with an extended response code in brackets (RFC 2449 §8).
///
/// ```
/// S: +OK 2 messages (320 octets)
/// S: -ERR [IN-USE] Mailbox is locked by another session
/// ```
public struct POP3StatusLine: Equatable, Sendable {
    /// True for `+OK`, false for `-ERR`.
    public var isOK: Bool
    /// The text after the status indicator, with non-printable bytes escaped (`\xNN`). Never
    /// contains a control character, so it is safe to display.
    public var text: String
    /// The raw bytes after the status indicator and its space, for parsers of the text
    /// (STAT's counts, LIST's size).
    public var rawText: [UInt8]
    /// The RFC 2449 response code at the start of the text, such as `IN-USE` or `SYS/TEMP`.
    public var responseCode: POP3ResponseCode?

    /// The decimal number the text starts with (`120` for `+OK 120 octets`), or nil.
    public var leadingNumber: Int? {
        parseDecimal(rawText[...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    }

    /// A status line from its parts (tests and encoders).
    public init(isOK: Bool, text: String) {
        self.isOK = isOK
        self.rawText = Array(text.utf8)
        self.text = printableBytes(rawText[...], limit: 512)
        self.responseCode = POP3ResponseCode.parse(prefixOf: rawText)
    }

    /// Parses a status line (without its CRLF), or returns nil when it starts with neither
    /// `+OK` nor `-ERR` (compared case-insensitively, followed by a space or the end).
    // status-line = ("+OK" / "-ERR") [SP text]
    public init?(parsing line: ArraySlice<UInt8>) {
        let bytes = Array(line)
        let rest: ArraySlice<UInt8>
        if Self.hasIndicator(bytes, "+OK") {
            isOK = true
            rest = bytes.dropFirst(3)
        } else if Self.hasIndicator(bytes, "-ERR") {
            isOK = false
            rest = bytes.dropFirst(4)
        } else {
            return nil
        }
        rawText = Array(rest.first == ASCII.space ? rest.dropFirst() : rest)
        text = printableBytes(rawText[...], limit: 512)
        responseCode = POP3ResponseCode.parse(prefixOf: rawText)
    }

    private static func hasIndicator(_ bytes: [UInt8], _ indicator: String) -> Bool {
        let word = Array(indicator.utf8)
        guard bytes.count >= word.count else { return false }
        for (index, expected) in word.enumerated() where bytes[index] | 0x20 != expected | 0x20 {
            return false
        }
        return bytes.count == word.count || bytes[word.count] == ASCII.space
    }
}
