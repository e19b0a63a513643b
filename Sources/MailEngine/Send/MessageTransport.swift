import SMTP

/// How an account hands messages over: SMTP submission or a sendmail program.
public protocol MessageTransport: Sendable {
    /// Opens a session for one or more messages (for SMTP: connect, STARTTLS, login).
    ///
    /// - Throws: ``SendFailure`` naming the step (`credentials`, `connect`, `STARTTLS`, `AUTH`).
    func openSession() async throws(SendFailure) -> any SubmissionSession
}

/// An open session of a ``MessageTransport``: messages go out one at a time.
public protocol SubmissionSession: Sendable {
    /// Hands one message over.
    ///
    /// - Returns: `.accepted` when the server (or sendmail) took responsibility for it.
    func submit(_ message: OutgoingMessage, policy: SMTPRecipientPolicy) async -> SubmissionOutcome

    /// Ends the session politely (QUIT).
    func close() async
}

/// What became of one message handed to a transport.
public enum SubmissionOutcome: Sendable {
    /// Accepted: the message is the server's responsibility now.
    case accepted(SubmissionReceipt)
    /// Not accepted; the failure says whether trying again may help.
    case failed(SendFailure)
}

/// The server's acceptance of a message.
public struct SubmissionReceipt: Sendable, Hashable {
    /// The final reply (`250 2.0.0 Ok: queued as 4Xb2`), or a note from sendmail.
    public var reply: String
    /// The recipients that were refused while the others got it (`--partial`), with the replies.
    public var refusedRecipients: [String]

    /// A receipt from its parts.
    public init(reply: String, refusedRecipients: [String] = []) {
        self.reply = reply
        self.refusedRecipients = refusedRecipients
    }
}
