import POP3

/// Everything needed to open a POP3 session: the server, how to protect the connection, who
/// logs in, and the limits on what the server may send.
public struct POP3Settings: Sendable {
    /// The server's host name or IP address.
    public var host: String
    /// The port (995 for `.tls`, 110 for `.startTLS` and `.none` by convention).
    public var port: Int
    /// Security, extra CA file and timeouts.
    public var connection: ConnectionOptions
    /// The login name and password or token.
    public var credentials: POP3Credentials
    /// What the account allows when logging in (insecure authentication, APOP).
    public var authentication: POP3AuthenticationOptions
    /// Bounds on what the server may send.
    public var limits: POP3Limits

    /// Settings for a session.
    ///
    /// - Parameters:
    ///   - host: The server.
    ///   - port: The port; nil picks 995 for `.tls` and 110 otherwise.
    ///   - connection: Security, CA file and timeouts.
    ///   - credentials: Who logs in.
    ///   - authentication: What the account allows (defaults: no insecure login, no APOP).
    ///   - limits: Bounds on the server's answers.
    public init(
        host: String, port: Int? = nil, connection: ConnectionOptions, credentials: POP3Credentials,
        authentication: POP3AuthenticationOptions = .init(), limits: POP3Limits = .default
    ) {
        self.host = host
        self.port = port ?? (connection.security == .tls ? 995 : 110)
        self.connection = connection
        self.credentials = credentials
        self.authentication = authentication
        self.limits = limits
    }
}
