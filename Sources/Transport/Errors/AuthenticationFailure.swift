/// The server rejected the login. The message never contains the password or token.
public struct AuthenticationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// `POP3`, `IMAP` or `SMTP`.
    public var protocolName: String
    /// The server.
    public var host: String
    /// The login name that was tried.
    public var username: String
    /// How the login was tried (`USER/PASS`, `AUTH PLAIN`).
    public var method: String
    /// What the server said, made safe to display, with any copy of the secret removed.
    public var serverMessage: String
    /// True when the server says the problem is temporary (mailbox in use, login too soon,
    /// server trouble) rather than wrong credentials.
    public var isTemporary: Bool

    /// A failure from its parts.
    public init(protocolName: String, host: String, username: String, method: String, serverMessage: String,
                isTemporary: Bool) {
        self.protocolName = protocolName
        self.host = host
        self.username = username
        self.method = method
        self.serverMessage = serverMessage
        self.isTemporary = isTemporary
    }

    /// What happened and what to do.
    public var description: String {
        let said = serverMessage.isEmpty ? "" : " The server said: \"\(serverMessage)\"."
        let hint = isTemporary
            ? " This looks temporary: try again later."
            : " Check the user name and the password (or password_command) of the account."
        return "\(protocolName) login to \(host) as \(username) failed (\(method))." + said + hint
    }
}
