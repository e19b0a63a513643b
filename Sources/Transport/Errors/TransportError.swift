/// A failure of the connection itself (not of the mail protocol on top): it could not be
/// opened, it timed out, TLS failed, or it closed.
public struct TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed.
    public enum Kind: Equatable, Sendable {
        /// The host name is empty or the port is outside 1-65535.
        case invalidAddress
        /// DNS found no address for the host.
        case hostNotFound
        /// The server refused the TCP connection (nothing listens on that port).
        case connectionRefused
        /// No route to the host or network.
        case networkUnreachable
        /// The TCP connection did not open in time.
        case connectTimeout
        /// The TLS handshake did not finish in time.
        case handshakeTimeout
        /// The server sent nothing for longer than the read timeout.
        case readTimeout
        /// The server did not take our bytes for longer than the write timeout.
        case writeTimeout
        /// The server's certificate does not chain to a trusted CA (system store or `ca_file`),
        /// or is expired or otherwise invalid.
        case certificateUntrusted
        /// The certificate is valid but does not name the host we connected to.
        case hostnameMismatch
        /// The TLS handshake failed for another reason (protocol version, not TLS at all, alert).
        case tlsHandshakeFailed
        /// The `ca_file` could not be read or holds no PEM certificate.
        case caFileUnreadable
        /// The server closed the connection.
        case closedByServer
        /// The task was cancelled; the connection was closed.
        case cancelled
        /// The connection was already closed by us or by an earlier error.
        case notConnected
        /// The server's compressed stream (IMAP COMPRESS=DEFLATE, RFC 4978) could not be
        /// inflated: corrupt, ended early, or not DEFLATE at all.
        case compressionFailed
        /// Any other I/O error.
        case io
    }

    /// What failed.
    public var kind: Kind
    /// The host of the connection.
    public var host: String
    /// The port of the connection.
    public var port: Int
    /// The underlying reason in the words of the system or the TLS library, if any.
    public var detail: String

    /// An error from its parts.
    public init(_ kind: Kind, host: String, port: Int, detail: String = "") {
        self.kind = kind
        self.host = host
        self.port = port
        self.detail = detail
    }

    /// What happened, with the server, and what to try.
    public var description: String {
        let server = "\(host):\(port)"
        var text: String
        switch kind {
        case .invalidAddress: text = "Invalid server address \(server): check the host and port in the account settings"
        case .hostNotFound: text = "Cannot find the host \(host): check the host name and the network"
        case .connectionRefused: text = "\(server) refused the connection: check the host and port, and that the server runs"
        case .networkUnreachable: text = "\(server) cannot be reached: check the network"
        case .connectTimeout: text = "Connecting to \(server) timed out: check the host, the port and any firewall"
        case .handshakeTimeout: text = "The TLS handshake with \(server) timed out: check that the port speaks TLS"
        case .readTimeout: text = "\(server) stopped answering (read timeout); the connection was closed"
        case .writeTimeout: text = "\(server) stopped accepting data (write timeout); the connection was closed"
        case .certificateUntrusted:
            text = "The TLS certificate of \(server) is not trusted: it is not signed by a CA in the system "
                + "store or the account's ca_file, or it is expired. If the server uses a private CA, set ca_file "
                + "to that CA's PEM file"
        case .hostnameMismatch:
            text = "The TLS certificate of \(server) is valid but not issued for \(host): connect with a name "
                + "the certificate lists, or the connection may be intercepted"
        case .tlsHandshakeFailed: text = "The TLS handshake with \(server) failed: check the port and the security setting"
        case .caFileUnreadable: text = "The CA file cannot be used"
        case .closedByServer: text = "\(server) closed the connection"
        case .cancelled: text = "The connection to \(server) was cancelled"
        case .notConnected: text = "The connection to \(server) is already closed"
        case .compressionFailed:
            text = "The compressed data from \(server) could not be read (COMPRESS=DEFLATE); the connection was closed. "
                + "If this persists, set compress = false in the account's imap table"
        case .io: text = "Network error with \(server)"
        }
        if !detail.isEmpty { text += " (\(detail))" }
        return text + "."
    }
}
