import Foundation

/// A problem with the outbox on disk.
public enum OutboxError: Error, CustomStringConvertible, Sendable {
    /// No entry with this id (or prefix) in the outbox.
    case noSuchEntry(String)
    /// More than one entry starts with this prefix.
    case ambiguousID(String, matches: [String])
    /// The entry's message file is missing.
    case messageMissing(id: String, path: String)
    /// The entry's metadata file cannot be read or decoded.
    case unreadableEntry(path: String, reason: String)
    /// Another tern process is sending from this outbox and did not finish in time.
    case busy(path: String)
    /// A system call failed.
    case system(operation: String, path: String, code: Int32)
    /// A file operation failed for another reason.
    case io(operation: String, path: String, reason: String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .noSuchEntry(let id):
            "the outbox has no message \"\(id)\" (see `tern outbox`)"
        case .ambiguousID(let id, let matches):
            "\"\(id)\" matches several outbox messages (\(matches.joined(separator: ", "))): give more of the id"
        case .messageMissing(let id, let path):
            "the message file of outbox entry \(id) is missing (\(path)); delete the entry with `tern outbox delete \(id)`"
        case .unreadableEntry(let path, let reason):
            "cannot read the outbox entry \(path): \(reason); move it away or delete it"
        case .busy(let path):
            "another tern is sending from this outbox (\(path) is locked); try again when it is done"
        case .system(let operation, let path, let code):
            "could not \(operation) at \(path): \(String(cString: strerror(code)))"
                + (code == ENOSPC ? " (the disk is full: free some space and try again)" : "")
        case .io(let operation, let path, let reason):
            "could not \(operation) at \(path): \(reason)"
        }
    }

    static func system(_ operation: String, path: String) -> OutboxError {
        .system(operation: operation, path: path, code: errno)
    }
}
