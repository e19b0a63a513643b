/// How a connection is protected, as the account's `security` setting says.
public enum ConnectionSecurity: String, Sendable, CaseIterable, Codable {
    /// TLS from the first byte (POP3 995, IMAP 993, SMTP submissions 465).
    case tls
    /// Plain TCP, then the protocol's STARTTLS command (STLS for POP3) and a TLS handshake
    /// before anything else. If the server does not offer it or refuses it, the connection fails:
    /// there is no silent fallback to plain text.
    case startTLS = "starttls"
    /// No encryption. Credentials are sent only if the account also sets
    /// `allow_insecure_auth = true`.
    case none
}
