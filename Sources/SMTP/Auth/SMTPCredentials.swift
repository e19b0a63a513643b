import MailCore

/// Who logs in to the SMTP server and with what secret (MailCore's ``LoginCredentials``; the
/// token comes from `oauth_token_command`).
public typealias SMTPCredentials = LoginCredentials

extension LoginCredentials {
    /// Why these credentials cannot be sent, or nil when they can. A NUL would cut a PLAIN
    /// message short; a line break in a token or user name breaks the SASL framing. (A password
    /// may hold a line break: every SMTP mechanism sends it base64-encoded.)
    var smtpProblem: String? {
        if username.isEmpty { return "the user name is empty" }
        if username.utf8.contains(where: { $0 == 0 || $0 == 0x0A || $0 == 0x0D }) {
            return "the user name contains a line break or NUL"
        }
        if secretText.isEmpty { return isToken ? "the OAuth token is empty" : "the password is empty" }
        if secretText.utf8.contains(where: { $0 == 0 || (isToken && ($0 == 0x0A || $0 == 0x0D || $0 == 0x01)) }) {
            return isToken ? "the OAuth token contains a control character" : "the password contains a NUL byte"
        }
        return nil
    }
}

/// What the account allows and prefers when the client logs in.
public struct SMTPAuthenticationOptions: Sendable, Equatable {
    /// Send credentials over a connection without TLS. Only for accounts with
    /// `security = "none"` and `allow_insecure_auth = true`; false by default.
    public var allowInsecureAuthentication: Bool
    /// The mechanisms to try, in order (the account's `auth`); empty for the best the server offers.
    public var preferredMechanisms: [SMTPAuthMechanism]
    /// The server's host and port, sent inside OAUTHBEARER (RFC 7628 §3.1).
    public var host: String
    /// The server's port.
    public var port: Int

    /// Options; insecure authentication is off unless asked for.
    public init(allowInsecureAuthentication: Bool = false, preferredMechanisms: [SMTPAuthMechanism] = [],
                host: String = "", port: Int = 0) {
        self.allowInsecureAuthentication = allowInsecureAuthentication
        self.preferredMechanisms = preferredMechanisms
        self.host = host
        self.port = port
    }
}

extension SMTPCredentials {
    /// The secret and every form in which a login might carry it (base64 of the password, the
    /// PLAIN, XOAUTH2 and OAUTHBEARER messages), for cutting any copy of it out of server text
    /// before it is shown or logged.
    public func redactedForms(options: SMTPAuthenticationOptions) -> [String] {
        let secret = secretText
        return [
            secret,
            SASLMessages.login(secret),
            SASLMessages.plain(username: username, password: secret),
            SASLMessages.xoauth2(username: username, token: secret),
            SASLMessages.oauthBearer(username: username, token: secret, host: options.host, port: options.port),
        ]
    }
}
