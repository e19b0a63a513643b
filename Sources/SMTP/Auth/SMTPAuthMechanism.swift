/// The SASL mechanisms the SMTP client can use (RFC 4954), and the rule that picks one.
public enum SMTPAuthMechanism: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// PLAIN (RFC 4616): name and password in one base64 message.
    case plain = "PLAIN"
    /// LOGIN (draft-murchison-sasl-login): name, then password, each after a prompt.
    case login = "LOGIN"
    /// CRAM-MD5 (RFC 2195): an HMAC of the server's challenge; the password is not sent.
    case cramMD5 = "CRAM-MD5"
    /// XOAUTH2 (Google, Microsoft): an OAuth 2.0 bearer token.
    case xoauth2 = "XOAUTH2"
    /// OAUTHBEARER (RFC 7628): an OAuth 2.0 bearer token.
    case oauthBearer = "OAUTHBEARER"

    /// The name in `AUTH name`.
    public var description: String { rawValue }

    /// True for the mechanisms that carry an OAuth token rather than a password.
    public var usesToken: Bool { self == .xoauth2 || self == .oauthBearer }

    /// Picks the mechanism to log in with.
    ///
    /// Candidates are the account's preferred mechanisms in order, or by default: for a token
    /// XOAUTH2 then OAUTHBEARER; for a password over TLS PLAIN, LOGIN, CRAM-MD5, and without TLS
    /// (only when the account allows it) CRAM-MD5 first, as it does not reveal the password.
    /// The first candidate the server lists wins.
    ///
    /// - Parameters:
    ///   - credentials: What the account logs in with.
    ///   - offered: The mechanisms of the server's AUTH line.
    ///   - preferred: The account's `auth` list; empty for the defaults.
    ///   - isTLSActive: Whether the connection is encrypted.
    /// - Throws: ``SMTPAuthenticationError/authNotOffered`` when the server lists no AUTH,
    ///   ``SMTPAuthenticationError/noUsableMechanism(tried:offered:)`` when none of the
    ///   candidates is offered.
    public static func choose(
        for credentials: SMTPCredentials, offered: [String], preferred: [SMTPAuthMechanism], isTLSActive: Bool
    ) throws(SMTPAuthenticationError) -> SMTPAuthMechanism {
        guard !offered.isEmpty else { throw .authNotOffered }
        let candidates: [SMTPAuthMechanism]
        if !preferred.isEmpty {
            candidates = preferred.filter { $0.usesToken == credentials.isToken }
        } else if credentials.isToken {
            candidates = [.xoauth2, .oauthBearer]
        } else {
            candidates = isTLSActive ? [.plain, .login, .cramMD5] : [.cramMD5, .plain, .login]
        }
        let offeredSet = Set(offered.map { $0.uppercased() })
        guard let chosen = candidates.first(where: { offeredSet.contains($0.rawValue) }) else {
            throw .noUsableMechanism(tried: candidates.map(\.rawValue), offered: offered)
        }
        return chosen
    }
}
