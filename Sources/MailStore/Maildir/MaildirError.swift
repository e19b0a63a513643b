import Foundation

/// A failure reading or writing a Maildir, with the path and the system's reason.
public struct MaildirError: Error, CustomStringConvertible, Sendable {
    /// What tern was doing, e.g. "create the Maildir folder".
    public let operation: String
    /// The file or folder concerned.
    public let path: String
    /// `errno` at the time of the failure, when a system call failed.
    public let code: Int32?

    /// An error for a failed system call, capturing the current `errno`.
    public static func system(_ operation: String, path: String, errno code: Int32 = errno) -> MaildirError {
        MaildirError(operation: operation, path: path, code: code)
    }

    public var description: String {
        var text = "could not \(operation) at \(path)"
        if let code { text += ": \(String(cString: strerror(code)))" }
        if code == ENOSPC { text += " (the disk is full: free some space and try again)" }
        if code == EACCES || code == EPERM { text += " (check the folder's owner and permissions)" }
        return text
    }
}
