/// What the client state machine makes of the server's bytes, in order.
///
/// Each command ends with exactly one terminal event: ``completed(_:)``, ``failed(_:)`` or, for
/// STLS, ``startTLS(_:discardedByteCount:)``. Data events (capabilities, listings, message bytes)
/// come before it.
public enum POP3Event: Equatable, Sendable {
    /// The server's greeting (`+OK`); the session is in the AUTHORIZATION state.
    case greeting(POP3Greeting)
    /// Bytes the client must send now to continue a login (PASS after USER, a SASL response).
    case send(POP3Outbound)
    /// One line of the CAPA answer.
    case capability(POP3Capability)
    /// STAT's counts.
    case maildropStatus(POP3MaildropStatus)
    /// One scan listing of `LIST` or the answer to `LIST n`.
    case listEntry(POP3ListEntry)
    /// One unique-id listing of `UIDL` or the answer to `UIDL n`.
    case uniqueIDEntry(POP3UniqueIDEntry)
    /// CAPA, LIST or UIDL succeeded and its lines follow; the `+OK` line.
    case listingBegin(POP3StatusLine)
    /// RETR or TOP succeeded and the message text follows; the `+OK` line (its
    /// ``POP3StatusLine/leadingNumber`` is the size when it reads `+OK 120 octets`).
    case messageBegin(POP3StatusLine)
    /// A chunk of message text, dot-unstuffed, line endings as sent. Valid until the next call
    /// into the client: write it out or copy it.
    case messageBytes(ArraySlice<UInt8>)
    /// The command succeeded (`+OK`); for multi-line answers this comes after the `.` line and
    /// repeats the `+OK` line of `listingBegin` or `messageBegin`.
    case completed(POP3StatusLine)
    /// The command failed (`-ERR`). The session stays where it was (a failed login stays in
    /// AUTHORIZATION), except after a `-ERR` greeting or QUIT, which end it.
    case failed(POP3ServerError)
    /// The server accepted STLS. Bytes that came after its `+OK` were thrown away (the count is
    /// given for the trace); the caller must now do the TLS handshake, call
    /// ``POP3Client/tlsEstablished()`` and ask CAPA again (RFC 2595 §4).
    case startTLS(POP3StatusLine, discardedByteCount: Int)
}

/// Bytes the client must send, and how a protocol trace shows them (secrets as `****`).
public struct POP3Outbound: Equatable, Sendable {
    /// The command, CRLF included.
    public var bytes: [UInt8]
    /// The command for a trace, secrets hidden, no line ending.
    public var traceText: String

    /// The outbound form of a command.
    public init(_ command: POP3Command) {
        self.bytes = command.encoded
        self.traceText = command.traceText
    }
}
