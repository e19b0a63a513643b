import MailCore

/// How the client logs in (RFC 9051 §6.2.2 and §6.2.3, RFC 4616, RFC 7628).
public enum IMAPAuthenticationMethod: String, Sendable, Equatable, CaseIterable {
    /// `AUTHENTICATE PLAIN`: the password in a SASL PLAIN message (UTF-8 safe).
    case plain = "AUTHENTICATE PLAIN"
    /// `LOGIN user password`: when the server offers no AUTH=PLAIN.
    case login = "LOGIN"
    /// `AUTHENTICATE XOAUTH2`: an OAuth 2.0 token, Google's and Microsoft's way.
    case xoauth2 = "AUTHENTICATE XOAUTH2"
    /// `AUTHENTICATE OAUTHBEARER` (RFC 7628).
    case oauthBearer = "AUTHENTICATE OAUTHBEARER"

    /// The method for a secret and the server's capabilities: PLAIN when offered, else LOGIN
    /// unless LOGINDISABLED; XOAUTH2 or OAUTHBEARER for a token.
    ///
    /// - Throws: ``IMAPAuthenticationError`` when nothing the server offers fits.
    public static func choose(for secret: IMAPCredentials.Secret,
                              capabilities: Set<Capability>) throws(IMAPAuthenticationError) -> IMAPAuthenticationMethod {
        let offered = capabilities.filter { $0.name == "AUTH" }.compactMap(\.value).map(String.init).sorted()
        switch secret {
        case .password:
            if capabilities.contains(.auth("PLAIN")) { return .plain }
            if capabilities.contains(.loginDisabled) { throw .loginDisabled(offered: offered) }
            return .login
        case .oauth2AccessToken:
            if capabilities.contains(.auth("XOAUTH2")) { return .xoauth2 }
            if capabilities.contains(.auth("OAUTHBEARER")) { return .oauthBearer }
            throw .mechanismNotOffered("XOAUTH2 or OAUTHBEARER", offered: offered)
        }
    }
}

/// Why the client refused to send credentials, before anything secret left the machine.
public enum IMAPAuthenticationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The connection is not encrypted and the account does not allow insecure authentication.
    case insecureConnection
    /// The credentials cannot be sent as they are (the reason never includes the secret).
    case invalidCredentials(String)
    /// The server says LOGINDISABLED and offers no SASL mechanism tern can use with a password.
    case loginDisabled(offered: [String])
    /// A token needs a SASL mechanism the server does not offer.
    case mechanismNotOffered(String, offered: [String])

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .insecureConnection:
            "Refusing to send the password over an unencrypted IMAP connection. Use security = \"tls\" or "
                + "\"starttls\", or, only on a trusted network, security = \"none\" with allow_insecure_auth = true."
        case .invalidCredentials(let reason):
            "Cannot log in to IMAP: \(reason)."
        case .loginDisabled(let offered):
            "The IMAP server disables LOGIN (LOGINDISABLED) and offers no SASL PLAIN (it offers: "
                + (offered.isEmpty ? "none" : offered.joined(separator: " ")) + ")."
                + " If the connection is not encrypted, use security = \"tls\" or \"starttls\"."
        case .mechanismNotOffered(let mechanism, let offered):
            "The IMAP server does not offer SASL \(mechanism) (it offers: "
                + (offered.isEmpty ? "none" : offered.joined(separator: " ")) + "); use a password instead."
        }
    }
}
