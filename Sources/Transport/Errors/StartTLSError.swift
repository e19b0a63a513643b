/// STARTTLS was required but did not happen; the connection was closed without sending any
/// credentials (no silent downgrade to plain text).
public struct StartTLSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why TLS could not start.
    public enum Kind: Equatable, Sendable {
        /// The server's capabilities do not list STARTTLS (STLS for POP3).
        case notOffered
        /// The server answered the STARTTLS command with an error; its text, made safe to show.
        case refused(serverMessage: String)
    }

    /// Why TLS could not start.
    public var kind: Kind
    /// `POP3`, `IMAP` or `SMTP`.
    public var protocolName: String
    /// The command's name in that protocol (`STLS`, `STARTTLS`).
    public var command: String
    /// The server.
    public var host: String
    /// Its port.
    public var port: Int

    /// An error from its parts.
    public init(_ kind: Kind, protocolName: String, command: String, host: String, port: Int) {
        self.kind = kind
        self.protocolName = protocolName
        self.command = command
        self.host = host
        self.port = port
    }

    /// What happened and what to do.
    public var description: String {
        let server = "The \(protocolName) server \(host):\(port)"
        let what: String
        switch kind {
        case .notOffered: what = "\(server) does not offer \(command)"
        case .refused(let message): what = "\(server) refused \(command) (\"\(message)\")"
        }
        return what + ", and the account requires security = \"starttls\". Nothing was sent in clear text. "
            + "Use security = \"tls\" with the server's TLS port if it has one; if an attacker can alter the "
            + "connection, this is what they would do."
    }
}
