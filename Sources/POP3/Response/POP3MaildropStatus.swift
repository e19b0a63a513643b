/// The answer to STAT: how many messages the maildrop holds and their total size (RFC 1939 §5).
///
/// ```
/// C: STAT
/// S: +OK 2 320
/// ```
public struct POP3MaildropStatus: Equatable, Sendable {
    /// The number of messages not marked as deleted.
    public var messageCount: Int
    /// Their total size in octets.
    public var totalSize: Int

    /// A status from its two numbers.
    public init(messageCount: Int, totalSize: Int) {
        self.messageCount = messageCount
        self.totalSize = totalSize
    }

    // drop-listing = "+OK" SP count SP size [SP text]
    /// Parses the text after `+OK` (`2 320`, maybe followed by more text); nil when malformed.
    public init?(parsing text: ArraySlice<UInt8>) {
        let words = text.split(separator: ASCII.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard words.count >= 2, let count = parseDecimal(words[0]), let size = parseDecimal(words[1]) else {
            return nil
        }
        self.init(messageCount: count, totalSize: size)
    }
}
