/// Bounds on what a server may send, so a hostile or broken server cannot exhaust memory or disk.
public struct POP3Limits: Sendable, Equatable {
    /// The longest status or listing line, line ending included (default 64 KiB; RFC 2449 §4
    /// says 512 octets, but some servers are generous with text).
    public var maximumLineLength: Int
    /// The most lines one CAPA, LIST or UIDL response may have (default 1,000,000 messages).
    public var maximumListingLines: Int
    /// The longest unique id accepted from UIDL (default 70, as RFC 1939 §7 says).
    public var maximumUniqueIDLength: Int
    /// The most bytes of message text one RETR or TOP may deliver (default 1 GiB).
    public var maximumMessageSize: Int

    /// Limits; the defaults suit a real mailbox.
    public init(
        maximumLineLength: Int = 65_536, maximumListingLines: Int = 1_000_000,
        maximumUniqueIDLength: Int = 70, maximumMessageSize: Int = 1 << 30
    ) {
        precondition(maximumLineLength >= 512, "POP3 lines may be 512 octets long (RFC 2449 §4)")
        precondition(maximumListingLines > 0 && maximumUniqueIDLength > 0 && maximumMessageSize > 0)
        self.maximumLineLength = maximumLineLength
        self.maximumListingLines = maximumListingLines
        self.maximumUniqueIDLength = maximumUniqueIDLength
        self.maximumMessageSize = maximumMessageSize
    }

    /// The defaults.
    public static let `default` = POP3Limits()
}
