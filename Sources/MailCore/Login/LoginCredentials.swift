/// Who logs in to a mail server and with what secret: the one credentials type of the IMAP, POP3
/// and SMTP clients (each names it for its protocol: `IMAPCredentials`, `POP3Credentials`,
/// `SMTPCredentials`). Printing a value never shows the secret.
public struct LoginCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret that proves the identity.
    public enum Secret: Sendable {
        /// A password (IMAP LOGIN, POP3 USER/PASS and APOP, SASL PLAIN, LOGIN, CRAM-MD5).
        case password(String)
        /// An OAuth 2.0 access token (SASL XOAUTH2 or OAUTHBEARER).
        case oauth2AccessToken(String)
    }

    /// The login name.
    public var username: String
    /// The password or token.
    public var secret: Secret

    /// Credentials from a login name and a secret.
    public init(username: String, secret: Secret) {
        self.username = username
        self.secret = secret
    }

    /// The login name and the kind of secret, never the secret itself.
    public var description: String {
        switch secret {
        case .password: "\(username) (password ****)"
        case .oauth2AccessToken: "\(username) (OAuth 2.0 token ****)"
        }
    }

    /// Same as ``description``: the secret is never shown.
    public var debugDescription: String { description }

    /// The secret's text, for the protocol encoders and for cutting it out of server text.
    public var secretText: String {
        switch secret {
        case .password(let text), .oauth2AccessToken(let text): text
        }
    }

    /// True for an OAuth token.
    public var isToken: Bool {
        if case .oauth2AccessToken = secret { return true }
        return false
    }

    /// Why these credentials cannot be sent on a command line, or nil when they can: a line break
    /// or NUL would end the command early and let the rest be read as another command.
    public var commandLineProblem: String? {
        if username.isEmpty { return "the user name is empty" }
        if username.utf8.contains(where: Self.endsACommand) {
            return "the user name contains a line break or NUL character"
        }
        if secretText.isEmpty { return "the password or token is empty" }
        if secretText.utf8.contains(where: Self.endsACommand) {
            return "the password or token contains a line break or NUL character"
        }
        return nil
    }

    private static func endsACommand(_ byte: UInt8) -> Bool { byte == 0 || byte == 0x0D || byte == 0x0A }
}
