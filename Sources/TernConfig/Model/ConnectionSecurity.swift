/// How a connection to a mail server is protected (`security = "tls" | "starttls" | "none"`).
public enum ConnectionSecurity: String, Sendable, CaseIterable, CustomStringConvertible {
    /// TLS from the first byte (IMAPS 993, POP3S 995, SMTPS 465). The default.
    case tls
    /// A plain connection upgraded with STARTTLS/STLS before anything else is sent (RFC 3501 6.2.1,
    /// RFC 2595, RFC 3207). A server that does not offer it is an error, never a silent downgrade.
    case starttls
    /// No encryption. Authentication over it needs `allow_insecure_auth = true`.
    case none

    /// The value as written in the config file.
    public var description: String { rawValue }
}

/// Which protocol a server connection speaks; decides the default port.
public enum ServerProtocol: String, Sendable, CaseIterable, CustomStringConvertible {
    /// IMAP4rev1/IMAP4rev2 (RFC 3501, RFC 9051).
    case imap
    /// POP3 (RFC 1939).
    case pop3
    /// SMTP submission (RFC 6409, RFC 8314).
    case smtp

    /// The port used when the config gives none, by security:
    /// IMAP 993 (tls) / 143 (starttls, none); POP3 995 / 110 / 110; SMTP 465 / 587 / 587 (RFC 8314).
    public func defaultPort(for security: ConnectionSecurity) -> Int {
        switch (self, security) {
        case (.imap, .tls): return 993
        case (.imap, _): return 143
        case (.pop3, .tls): return 995
        case (.pop3, _): return 110
        case (.smtp, .tls): return 465
        case (.smtp, _): return 587
        }
    }

    /// The protocol's name as written in the config file.
    public var description: String { rawValue }
}
