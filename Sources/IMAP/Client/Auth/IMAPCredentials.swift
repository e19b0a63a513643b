/// Who logs in and with what secret. Printing a value never shows the secret.
public struct IMAPCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret that proves the identity.
    public enum Secret: Sendable {
        /// A password (LOGIN or SASL PLAIN).
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

    /// The secret's text.
    var secretText: String {
        switch secret {
        case .password(let text), .oauth2AccessToken(let text): text
        }
    }

    /// Why these credentials cannot be sent, or nil when they can: a line break or NUL would end
    /// the command early and let the rest be read as another command.
    var problem: String? {
        if username.isEmpty { return "the user name is empty" }
        if username.utf8.contains(where: { $0 == 0 || $0 == ASCII.cr || $0 == ASCII.lf }) {
            return "the user name contains a line break or NUL character"
        }
        if secretText.isEmpty { return "the password or token is empty" }
        if secretText.utf8.contains(where: { $0 == 0 || $0 == ASCII.cr || $0 == ASCII.lf }) {
            return "the password or token contains a line break or NUL character"
        }
        return nil
    }
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
