import Foundation

/// A failure of the drafts folder on disk: what tern was doing, where, and the system's reason.
public struct DraftStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What tern was doing, e.g. "save the draft".
    public var operation: String
    /// The file or folder concerned.
    public var path: String
    /// The system's reason, or another explanation.
    public var reason: String

    /// An error from its fields.
    public init(operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// An error for a failed system call, with the current `errno`'s text.
    static func system(_ operation: String, path: String, errno code: Int32 = errno) -> DraftStoreError {
        DraftStoreError(operation: operation, path: path, reason: String(cString: strerror(code)))
    }

    public var description: String {
        "Could not \(operation) (\(path)): \(reason)."
    }
}
