/// Why the client refused to log in, before anything secret left the machine.
public enum SMTPAuthenticationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The connection is not encrypted and the account does not allow authentication without TLS.
    case insecureConnection
    /// The credentials cannot be sent as they are (the reason never includes the secret).
    case invalidCredentials(String)
    /// The server's EHLO reply lists no AUTH extension.
    case authNotOffered
    /// None of the mechanisms tern would use (or the account's `auth` list allows) is offered.
    case noUsableMechanism(tried: [String], offered: [String])

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .insecureConnection:
            "Refusing to send the password over an unencrypted SMTP connection. Use security = \"tls\" "
                + "or \"starttls\", or, only on a trusted network, security = \"none\" with "
                + "allow_insecure_auth = true."
        case .invalidCredentials(let reason):
            "Cannot log in to SMTP: \(reason)."
        case .authNotOffered:
            "The SMTP server does not offer authentication (no AUTH in its EHLO reply). Check the port: "
                + "submission is 587 (starttls) or 465 (tls), not 25; or remove the password from the account "
                + "if this server takes mail without a login."
        case .noUsableMechanism(let tried, let offered):
            "The SMTP server offers AUTH " + (offered.isEmpty ? "(none)" : offered.joined(separator: " "))
                + " but tern would use " + (tried.isEmpty ? "nothing the account allows" : tried.joined(separator: " or "))
                + ". Change the account's `auth` list, or use a password instead of a token (or the reverse)."
        }
    }
}
