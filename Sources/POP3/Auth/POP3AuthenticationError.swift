/// Why the client refused to send credentials, before anything secret left the machine.
public enum POP3AuthenticationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The connection is not encrypted and the account does not allow insecure authentication.
    case insecureConnection
    /// The credentials cannot be sent as they are (the reason never includes the secret).
    case invalidCredentials(String)
    /// The secret needs a SASL mechanism the server does not list in CAPA.
    case mechanismNotOffered(String, offered: [String])

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .insecureConnection:
            "Refusing to send the password over an unencrypted POP3 connection. Use security = \"tls\" "
                + "or \"starttls\", or, only on a trusted network, security = \"none\" with "
                + "allow_insecure_auth = true."
        case .invalidCredentials(let reason):
            "Cannot log in to POP3: \(reason)."
        case .mechanismNotOffered(let mechanism, let offered):
            "The POP3 server does not offer SASL \(mechanism) (it offers: "
                + (offered.isEmpty ? "none" : offered.joined(separator: " ")) + "); use a password instead."
        }
    }
}
