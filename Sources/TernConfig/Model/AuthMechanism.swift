/// An authentication mechanism the user prefers (`auth = ["cram-md5", "plain"]`), tried in order
/// among those the server offers.
public enum AuthMechanism: String, Sendable, CaseIterable, CustomStringConvertible {
    /// SASL PLAIN (RFC 4616).
    case plain
    /// SASL LOGIN (IMAP LOGIN command or AUTH LOGIN).
    case login
    /// SASL CRAM-MD5 (RFC 2195).
    case cramMD5 = "cram-md5"
    /// SASL XOAUTH2 (Google, Microsoft); needs `oauth_token_command`.
    case xoauth2
    /// SASL OAUTHBEARER (RFC 7628); needs `oauth_token_command`.
    case oauthbearer
    /// POP3 USER/PASS (RFC 1939 section 7); only in `[accounts.NAME.pop3]`.
    case user

    /// Whether the mechanism authenticates with an OAuth 2 token rather than a password.
    public var usesOAuthToken: Bool {
        self == .xoauth2 || self == .oauthbearer
    }

    /// The value as written in the config file.
    public var description: String { rawValue }
}
