/// A POP3 download that cannot go on safely.
public struct POP3DownloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// The server has no UIDL, so tern cannot tell which messages it already downloaded,
        /// and the account keeps mail on the server: every sync would download everything again.
        case keepingNeedsUIDL
    }

    /// What is wrong.
    public var kind: Kind
    /// The server, `host:port`.
    public var server: String

    /// An error from its parts.
    public init(_ kind: Kind, server: String) {
        self.kind = kind
        self.server = server
    }

    /// What is wrong and what to do.
    public var description: String {
        switch kind {
        case .keepingNeedsUIDL:
            "The POP3 server \(server) does not support UIDL, so tern cannot tell which messages it has already"
                + " downloaded. With keep_on_server = true every sync would download every message again."
                + " Set keep_on_server = false for this account (messages are then deleted from the server once"
                + " they are safely on disk). Nothing was downloaded or deleted."
        }
    }
}
