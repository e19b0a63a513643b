import SMTP

/// Everything needed to open an SMTP submission session: the server, how to protect the
/// connection, who logs in, and the limits on what the server may send.
public struct SMTPSettings: Sendable {
    /// The server's host name or IP address.
    public var host: String
    /// The port (465 for `.tls`, 587 for `.startTLS` and `.none`, RFC 8314 and RFC 6409).
    public var port: Int
    /// Security, extra CA file and timeouts.
    public var connection: ConnectionOptions
    /// Who logs in, or nil to send without a login (a relay that trusts the network).
    public var credentials: SMTPCredentials?
    /// What the account allows and prefers when logging in.
    public var authentication: SMTPAuthenticationOptions
    /// Bounds on the server's replies and on pipelining.
    public var limits: SMTPLimits
    /// The name given in EHLO; nil for the address literal of the connection's local end
    /// (`[192.0.2.7]`), which reveals nothing the server does not already see.
    public var clientName: String?
    /// The longest wait for the reply after the end of a message (RFC 5321 §4.5.3.2.6 suggests
    /// 10 minutes: the server may scan the message before it answers).
    public var dataTimeout: Duration
    /// Use PIPELINING when the server offers it (default true; false for measurements and for
    /// servers that announce it but get it wrong).
    public var usePipelining: Bool

    /// Settings for a session.
    ///
    /// - Parameters:
    ///   - host: The server.
    ///   - port: The port; nil picks 465 for `.tls` and 587 otherwise.
    ///   - connection: Security, CA file and timeouts.
    ///   - credentials: Who logs in; nil for no login.
    ///   - authentication: Insecure authentication and preferred mechanisms (the host and port
    ///     for OAUTHBEARER are filled in from `host` and `port` when empty).
    ///   - limits: Bounds on the server's replies.
    ///   - clientName: The EHLO name; nil for the local address literal.
    ///   - dataTimeout: The wait for the reply to the end of a message.
    ///   - usePipelining: Whether to pipeline when the server offers PIPELINING.
    public init(
        host: String, port: Int? = nil, connection: ConnectionOptions, credentials: SMTPCredentials?,
        authentication: SMTPAuthenticationOptions = .init(), limits: SMTPLimits = .default, clientName: String? = nil,
        dataTimeout: Duration = .seconds(600), usePipelining: Bool = true
    ) {
        self.host = host
        self.port = port ?? (connection.security == .tls ? 465 : 587)
        self.connection = connection
        self.credentials = credentials
        var authentication = authentication
        if authentication.host.isEmpty { authentication.host = host }
        if authentication.port == 0 { authentication.port = self.port }
        self.authentication = authentication
        self.limits = limits
        self.clientName = clientName
        self.dataTimeout = dataTimeout
        self.usePipelining = usePipelining
    }
}
