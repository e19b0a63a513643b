/// How to reach and log in to one server: the keys of `[accounts.NAME.imap]`, `.pop3` and `.smtp`.
///
/// The description shows host, port and security and never the credentials' sources.
public struct ServerConnection: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The protocol spoken; decides the default port.
    public var serverProtocol: ServerProtocol
    /// The server's host name or IP address (`host`, required).
    public var host: String
    /// The TCP port (`port`; default by protocol and security, see ``ServerProtocol/defaultPort(for:)``).
    public var port: Int
    /// Transport security (`security`, default `tls`).
    public var security: ConnectionSecurity
    /// The login name (`user`, default: the account's `from` address, e.g. `alice@example.test`).
    public var user: String
    /// Where the password comes from (`password_command` or `password_env`), or nil for none.
    public var password: SecretSource?
    /// Where an OAuth 2 token comes from (`oauth_token_command`), or nil.
    public var oauthToken: SecretSource?
    /// Mechanisms to try, in order (`auth`); empty means "the best the server offers".
    public var authMechanisms: [AuthMechanism]
    /// An extra trust anchor in PEM (`ca_file`), path already expanded; the system roots still apply.
    public var caFile: String?
    /// Whether authentication over `security = "none"` is allowed (`allow_insecure_auth`, default false).
    public var allowInsecureAuth: Bool
    /// IMAP only: COMPRESS=DEFLATE (`compress`): true always when offered, false never, nil (the
    /// default) when offered and the server is not on this machine.
    public var compress: Bool?
    /// IMAP only: how a sync fetches the header of each listed message (`header_fetch`); nil (the
    /// default) is ``HeaderFetchSetting/auto``.
    public var headerFetch: HeaderFetchSetting?

    /// Creates a connection description.
    public init(
        serverProtocol: ServerProtocol, host: String, port: Int? = nil, security: ConnectionSecurity = .tls,
        user: String, password: SecretSource? = nil, oauthToken: SecretSource? = nil,
        authMechanisms: [AuthMechanism] = [], caFile: String? = nil, allowInsecureAuth: Bool = false,
        compress: Bool? = nil, headerFetch: HeaderFetchSetting? = nil
    ) {
        self.serverProtocol = serverProtocol
        self.host = host
        self.port = port ?? serverProtocol.defaultPort(for: security)
        self.security = security
        self.user = user
        self.password = password
        self.oauthToken = oauthToken
        self.authMechanisms = authMechanisms
        self.caFile = caFile
        self.allowInsecureAuth = allowInsecureAuth
        self.compress = compress
        self.headerFetch = headerFetch
    }

    /// Whether this connection logs in at all (it has a password or token source).
    public var authenticates: Bool {
        password != nil || oauthToken != nil
    }

    /// `host:port (security)`, with IPv6 addresses bracketed.
    public var endpointDescription: String {
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "\(shownHost):\(port) (\(security))"
    }

    /// `imap host:port (security) user NAME`; no credential source is shown.
    public var description: String {
        "\(serverProtocol) \(endpointDescription) user \(user)"
    }

    /// The same as `description`.
    public var debugDescription: String { description }
}
