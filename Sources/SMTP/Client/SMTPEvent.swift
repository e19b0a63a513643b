/// What the client state machine makes of the server's replies, in order.
///
/// Every reply first comes as ``received(_:)`` (for a trace); then, if it ends a step, one of the
/// other events. Bytes to send right away (a HELO after a refused EHLO, the next step of a login,
/// the next pipelined group) come as ``send(_:)``.
public enum SMTPEvent: Sendable, Equatable {
    /// A reply as it arrived.
    case received(SMTPReply)
    /// Bytes the caller must write now.
    case send(SMTPOutbound)
    /// The 220 greeting; say EHLO next.
    case greeting(SMTPReply)
    /// EHLO (or HELO after a refused EHLO) succeeded: what the server offers. The session is
    /// ready for STARTTLS, AUTH or a transaction.
    case hello(SMTPCapabilities)
    /// The server accepted STARTTLS. Bytes that came after its 220 were thrown away (the count is
    /// for the trace); do the TLS handshake now, then ``SMTPClient/tlsEstablished()`` and EHLO again.
    case startTLS(SMTPReply, discardedByteCount: Int)
    /// The login succeeded (235).
    case authenticated(SMTPReply)
    /// The server answered DATA with 354: send the message through ``SMTPClient/encodeMessage(_:into:)``,
    /// then ``SMTPClient/endMessage()``.
    case readyForMessage(SMTPReply)
    /// The transaction is over: accepted, or refused with every reply kept. The session goes on.
    case transactionFinished(SMTPTransactionReport)
    /// RSET, NOOP or QUIT succeeded.
    case completed(SMTPReply)
    /// A session command was refused, or the server said 421 and is closing. After a refused
    /// greeting, HELO or a 421, the session is over.
    case failed(SMTPServerError)
}
