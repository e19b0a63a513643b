/// The POP3 state database could not be opened, read or written.
public struct POP3StateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or is not a tern POP3 state database.
        case cannotOpen
        /// The file was written by a newer tern whose schema this build does not know.
        case newerSchema
        /// A read or write failed (disk full, I/O error, damaged file).
        case failed
        /// Another process is downloading the account's mail now.
        case busy
    }

    /// What went wrong.
    public var kind: Kind
    /// What tern was doing, e.g. "record downloaded messages".
    public var operation: String
    /// The database file, or `:memory:`.
    public var path: String
    /// SQLite's or the system's reason.
    public var reason: String

    /// An error from its parts.
    public init(_ kind: Kind, operation: String, path: String, reason: String) {
        self.kind = kind
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// What failed, where, and what to do.
    public var description: String {
        var text = "POP3 state database \(path): cannot \(operation): \(reason)."
        switch kind {
        case .cannotOpen:
            text += " The file records which messages were already downloaded. If it is damaged, move it away;"
                + " tern then starts a new one and downloads every message still on the server again."
        case .newerSchema:
            text += " It was written by a newer version of tern: use that version, or move the file away"
                + " (tern would then download every message still on the server again)."
        case .failed:
            text += " Nothing was deleted from the server; check the disk (free space, permissions) and sync again."
        case .busy:
            text += " Wait for it to finish, then sync again."
        }
        return text
    }
}
