/// Bounds on what a server may send, and on how far the client pipelines.
public struct SMTPLimits: Sendable, Equatable {
    /// The longest reply line, line end included (default 8 KiB).
    public var maximumLineLength: Int
    /// The most lines of one reply (default 512).
    public var maximumReplyLines: Int
    /// The most commands sent before their replies are read, with PIPELINING (default 100):
    /// a long recipient list goes out in groups, so neither side's buffers fill up while the
    /// other waits (RFC 2920 §3.1).
    public var maximumPipelinedCommands: Int

    /// Limits; the defaults suit every real server.
    public init(maximumLineLength: Int = 8192, maximumReplyLines: Int = 512, maximumPipelinedCommands: Int = 100) {
        precondition(maximumLineLength >= 512, "SMTP reply lines may be 512 octets long (RFC 5321 §4.5.3.1.5)")
        precondition(maximumReplyLines > 0 && maximumPipelinedCommands > 0)
        self.maximumLineLength = maximumLineLength
        self.maximumReplyLines = maximumReplyLines
        self.maximumPipelinedCommands = maximumPipelinedCommands
    }

    /// The defaults.
    public static let `default` = SMTPLimits()
}
