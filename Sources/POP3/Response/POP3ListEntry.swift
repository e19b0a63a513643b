/// A scan listing: a message's number and its size in octets (RFC 1939 §5, LIST).
///
/// ```
/// C: LIST
/// S: +OK 2 messages (320 octets)
/// S: 1 120
/// S: 2 200
/// S: .
/// C: LIST 2
/// S: +OK 2 200
/// ```
public struct POP3ListEntry: Equatable, Sendable {
    /// The message number (1-based, valid for this session only).
    public var messageNumber: Int
    /// The message's size in octets, as the server counts it (CRLF line endings).
    public var size: Int

    /// An entry from its parts.
    public init(messageNumber: Int, size: Int) {
        self.messageNumber = messageNumber
        self.size = size
    }

    // scan-listing = msg-number SP size [SP text]   ; RFC 1939 allows text after the size
    /// Parses `1 120` (with any text after the size); nil when malformed or the number is 0.
    public init?(parsing line: ArraySlice<UInt8>) {
        let words = line.split(separator: ASCII.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard words.count >= 2, let number = parseDecimal(words[0]), number > 0,
              let size = parseDecimal(words[1]) else { return nil }
        self.init(messageNumber: number, size: size)
    }
}
