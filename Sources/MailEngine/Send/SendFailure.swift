/// Why a message was not sent: the step that failed, in words the user can act on, with the
/// server's reply when there was one. Never holds a secret.
public struct SendFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The steps of sending, as errors name them.
    public enum Step: String, Sendable, Hashable, Codable {
        /// Getting the password or token (`password_command`, `password_env`, `oauth_token_command`).
        case credentials = "credentials"
        /// Opening the connection (DNS, TCP, TLS, certificate).
        case connect = "connect"
        /// The server's greeting or EHLO.
        case greeting = "greeting"
        /// STARTTLS.
        case startTLS = "STARTTLS"
        /// The login.
        case authentication = "AUTH"
        /// Checks before sending (size limit, 8-bit, international addresses).
        case checks = "checks"
        /// MAIL FROM.
        case mailFrom = "MAIL FROM"
        /// RCPT TO.
        case recipients = "RCPT TO"
        /// DATA.
        case data = "DATA"
        /// The reply after the message (end of DATA).
        case message = "end of DATA"
        /// The session after the greeting (a 421, the connection lost, a protocol error).
        case session = "session"
        /// The sendmail program.
        case sendmail = "sendmail"
        /// Reading the message from the outbox.
        case outbox = "outbox"
    }

    /// The step that failed.
    public var step: Step
    /// What happened, with the server's reply if any (`550 5.1.1 <x@y>: User unknown`).
    public var message: String
    /// True when trying again later may work: the message stays queued and is retried.
    public var isTransient: Bool
    /// True when the failure concerns the connection or the account, not this message: the
    /// session is not used for further messages.
    public var endsSession: Bool

    /// A failure from its parts.
    public init(step: Step, message: String, isTransient: Bool, endsSession: Bool = true) {
        self.step = step
        self.message = message
        self.isTransient = isTransient
        self.endsSession = endsSession
    }

    /// `AUTH failed: ...`.
    public var description: String {
        "\(step.rawValue) failed: \(message)"
    }
}
