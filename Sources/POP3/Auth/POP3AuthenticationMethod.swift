import MailCore

/// The ways a POP3 client can log in, and the rule that picks one.
public enum POP3AuthenticationMethod: String, Sendable, Equatable, CaseIterable {
    /// `AUTH PLAIN` (RFC 5034, RFC 4616).
    case saslPlain = "AUTH PLAIN"
    /// `AUTH XOAUTH2` with an OAuth 2.0 access token (Google's and Microsoft's SASL mechanism).
    case saslXOAUTH2 = "AUTH XOAUTH2"
    /// `APOP name digest` (RFC 1939 §7).
    case apop = "APOP"
    /// `USER name` then `PASS password` (RFC 1939 §7).
    case userPass = "USER/PASS"

    /// Picks how to log in.
    ///
    /// A token always goes through XOAUTH2. A password prefers SASL PLAIN when CAPA lists it,
    /// then APOP when the account allows it and the greeting has a timestamp, then USER/PASS.
    ///
    /// - Parameters:
    ///   - secret: The kind of secret the account has.
    ///   - capabilities: The last CAPA answer, or nil when the server does not support CAPA.
    ///   - greeting: The server's greeting (for the APOP timestamp).
    ///   - options: What the account allows.
    /// - Returns: The method to use.
    /// - Throws: `POP3AuthenticationError.mechanismNotOffered` when a token is given and CAPA
    ///   lists SASL mechanisms without XOAUTH2.
    public static func choose(
        for secret: POP3Credentials.Secret, capabilities: POP3Capabilities?, greeting: POP3Greeting?,
        options: POP3AuthenticationOptions
    ) throws(POP3AuthenticationError) -> POP3AuthenticationMethod {
        let mechanisms = capabilities?.saslMechanisms ?? []
        switch secret {
        case .oauth2AccessToken:
            if capabilities != nil, !mechanisms.contains("XOAUTH2") {
                throw .mechanismNotOffered("XOAUTH2", offered: mechanisms)
            }
            return .saslXOAUTH2
        case .password:
            if mechanisms.contains("PLAIN") { return .saslPlain }
            if options.allowAPOP, greeting?.apopTimestamp != nil { return .apop }
            return .userPass
        }
    }
}
