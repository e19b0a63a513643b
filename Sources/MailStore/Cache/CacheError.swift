/// A failure of the header cache, with what to do about it.
public struct CacheError: Error, CustomStringConvertible, Sendable {
    /// What the cache was doing.
    public let operation: String
    /// The database file.
    public let path: String
    /// SQLite's or the system's reason.
    public let reason: String

    /// An error from its parts.
    public init(operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "could not \(operation) in the header cache \(path): \(reason) (the cache can be deleted safely; tern rebuilds it from your mail)"
    }
}
