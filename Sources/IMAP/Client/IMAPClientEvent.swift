/// What the client state machine makes of the server's bytes, in order.
public enum IMAPClientEvent: Hashable, Sendable {
    /// The greeting: `.ok` (log in next), `.preauth` (already logged in) or `.bye` (refused).
    case greeting(ResponseStatus, ResponseText)
    /// Bytes the client must send now: the rest of a command after a continuation request, or
    /// a SASL response.
    case send(IMAPOutbound)
    /// An untagged response or a FETCH event, for whoever runs the command (or for the
    /// mailbox's event stream when nobody asked).
    case response(ResponseEvent)
    /// A command finished: its tagged answer (OK, NO or BAD).
    case completed(CommandCompletion)
    /// The server accepted IDLE (`+ idling`); updates arrive until ``IMAPClient/done()``.
    case idleStarted(tag: String)
    /// The server accepted STARTTLS. Bytes that came after its OK were thrown away (the count is
    /// for the trace); the caller must do the TLS handshake, call
    /// ``IMAPClient/tlsEstablished()`` and ask CAPABILITY again.
    case startTLS(discardedByteCount: Int)
    /// The server accepted COMPRESS DEFLATE (RFC 4978): every byte from now on, in both
    /// directions, is DEFLATE data. `received` holds what came after the OK (compressed), taken
    /// out of the parser: the caller starts decompression, feeds these bytes through it first,
    /// and passes on only decompressed bytes from then on. The command's `.completed` comes
    /// next.
    case compressionStarted(received: [UInt8])
}

/// A command's final answer with what it was.
public struct CommandCompletion: Hashable, Sendable {
    /// The tag.
    public var tag: String
    /// The command's name (`UID FETCH`).
    public var command: String
    /// The tagged response.
    public var response: TaggedResponse

    /// A completion from its parts.
    public init(tag: String, command: String, response: TaggedResponse) {
        self.tag = tag
        self.command = command
        self.response = response
    }

    /// True for OK.
    public var isOK: Bool { response.status == .ok }
}

/// Bytes the client must send, and how a trace shows them (secrets as `****`).
public struct IMAPOutbound: Hashable, Sendable {
    /// The tag of the command they belong to.
    public var tag: String
    /// The bytes, line end included.
    public var bytes: [UInt8]
    /// The trace form, without line end.
    public var traceText: String

    /// Outbound bytes from their parts.
    public init(tag: String, bytes: [UInt8], traceText: String) {
        self.tag = tag
        self.bytes = bytes
        self.traceText = traceText
    }
}

/// A command sent and not yet answered, for error messages and reconnection.
public struct InFlightCommand: Hashable, Sendable {
    /// The tag.
    public var tag: String
    /// The command's name (`UID FETCH`).
    public var name: String
    /// The command as a trace shows it (secrets hidden).
    public var traceText: String
}
