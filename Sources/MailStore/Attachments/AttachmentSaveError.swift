import Foundation

/// Why an attachment could not be saved: what failed, where, and what to do next.
public struct AttachmentSaveError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A file of that name is already in the folder (only with ``SaveCollision/fail``).
        case exists(name: String)
        /// The folder does not exist (and was not to be created).
        case folderMissing
        /// The path names something that is not a folder.
        case notAFolder
        /// A directory of that name is in the folder: it is never replaced.
        case nameIsAFolder(name: String)
        /// A system call failed with `errno`.
        case system(operation: String, code: Int32)
        /// The path typed is empty.
        case emptyPath
    }

    /// What went wrong.
    public let kind: Kind
    /// The folder (or the path typed) concerned.
    public let path: String

    /// An error about `path`.
    public init(_ kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// An error for a failed system call, capturing the current `errno`.
    static func system(_ operation: String, path: String, errno code: Int32 = errno) -> AttachmentSaveError {
        AttachmentSaveError(.system(operation: operation, code: code), path: path)
    }

    public var description: String {
        switch kind {
        case .exists(let name):
            return "\(name) already exists in \(path); choose another name or confirm replacing it."
        case .folderMissing:
            return "The folder \(path) does not exist; choose an existing folder."
        case .notAFolder:
            return "\(path) is not a folder; choose a folder to save into."
        case .nameIsAFolder(let name):
            return "\(name) in \(path) is a folder; choose another file name."
        case .emptyPath:
            return "No path given; give a folder or a file name to save into."
        case .system(let operation, let code):
            var text = "Cannot \(operation) in \(path): \(String(cString: strerror(code)))"
            if code == ENOSPC { text += " (the disk is full: free some space and try again)" }
            if code == EACCES || code == EPERM { text += " (check the folder's owner and permissions)" }
            if code == EROFS { text += " (the file system is read-only: choose another folder)" }
            return text + "."
        }
    }
}
