import MailCore

/// Who logs in to the IMAP server and with what secret (MailCore's ``LoginCredentials``).
public typealias IMAPCredentials = LoginCredentials

extension LoginCredentials {
    /// Why these credentials cannot be sent in LOGIN or AUTHENTICATE, or nil when they can.
    var problem: String? { commandLineProblem }
}

/// What the account allows when the client logs in.
public struct IMAPAuthenticationOptions: Sendable, Equatable {
    /// Send credentials over a connection without TLS. Only for accounts with
    /// `security = "none"` and `allow_insecure_auth = true`; false by default.
    public var allowInsecureAuthentication: Bool

    /// Options; insecure authentication is off by default.
    public init(allowInsecureAuthentication: Bool = false) {
        self.allowInsecureAuthentication = allowInsecureAuthentication
    }
}
