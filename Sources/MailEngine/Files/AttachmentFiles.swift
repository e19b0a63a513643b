import Foundation
import MailCore
import MailStore

/// Saving attachments for the UI: the MailStore rules (``AttachmentFolder``: base name only,
/// controls removed, no leading dot or dash, never empty, `O_EXCL|O_NOFOLLOW` inside the folder,
/// `name (1).pdf` on a collision) behind types the UI can name without importing MailStore.
public enum AttachmentFiles {
    /// Where a save goes: the folder, and the file's (safe) name in it.
    public struct Destination: Sendable, Hashable {
        /// The folder.
        public var folder: String
        /// The safe file name.
        public var name: String
        /// True when a file, folder or link of that name is already in the folder: ask before
        /// replacing it.
        public var exists: Bool

        /// The full path.
        public var path: String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
    }

    /// A file written.
    public struct Saved: Sendable, Hashable {
        /// Its full path.
        public var path: String
        /// Its name in the folder.
        public var name: String
        /// Bytes written.
        public var byteCount: Int
        /// True when the name was taken and a numbered one was used.
        public var renamed: Bool
    }

    /// A save failed: the message says what, where, and what to do.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// For a person.
        public var message: String
        /// True when the failure is only that the file exists (ask, then save with `overwrite`).
        public var fileExists: Bool

        /// A failure.
        public init(message: String, fileExists: Bool = false) {
            self.message = message
            self.fileExists = fileExists
        }

        public var description: String { message }
    }

    /// The folder the save prompt starts in: `download_dir` when it is a folder, else the current
    /// folder.
    public static func startFolder(downloadDirectory: String,
                                   currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        var isDirectory: ObjCBool = false
        if !downloadDirectory.isEmpty, FileManager.default.fileExists(atPath: downloadDirectory, isDirectory: &isDirectory),
           isDirectory.boolValue {
            return downloadDirectory
        }
        return currentDirectory
    }

    /// The text the save prompt starts with: the start folder and the attachment's safe name.
    public static func suggestedPath(folder: String, proposedName: String?, mimeType: String) -> String {
        let name = SafeFileName.make(proposedName, mimeType: mimeType)
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Reads the path typed at the save prompt (see ``SaveTarget``) and says where the file would go.
    ///
    /// - Parameters:
    ///   - typed: the prompt's text.
    ///   - proposedName: the attachment's own name, used when the path is a folder.
    ///   - mimeType: its type, for a generated name's extension.
    ///   - home: for `~`.
    ///   - currentDirectory: where relative paths start.
    /// - Throws: ``Failure`` when the path is empty or its folder does not exist.
    public static func destination(typed: String, proposedName: String?, mimeType: String,
                                   home: String = NSHomeDirectory(),
                                   currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> Destination {
        do {
            let target = try SaveTarget.resolve(typed, home: home, currentDirectory: currentDirectory)
            let folder = try AttachmentFolder(path: target.folder)
            let name = SafeFileName.make(target.fileName ?? proposedName, mimeType: mimeType)
            return Destination(folder: target.folder, name: name, exists: folder.contains(name))
        } catch let error as AttachmentSaveError {
            throw failure(error)
        }
    }

    /// Saves one attachment at `destination`.
    ///
    /// - Parameters:
    ///   - bytes: the decoded part.
    ///   - destination: from ``destination(typed:proposedName:mimeType:home:currentDirectory:)``.
    ///   - mimeType: the part's type.
    ///   - overwrite: replace an existing file (only after the user said yes); otherwise an existing
    ///     file makes the save fail with ``Failure/fileExists``.
    ///   - progress: (bytes written, total) after each chunk.
    public static func save(_ bytes: [UInt8], to destination: Destination, mimeType: String, overwrite: Bool,
                            progress: ((Int, Int) -> Void)? = nil) throws -> Saved {
        do {
            let folder = try AttachmentFolder(path: destination.folder)
            let saved = try folder.save(bytes, proposedName: destination.name, mimeType: mimeType,
                                        collision: overwrite ? .overwrite : .fail, progress: progress)
            return Saved(path: saved.path, name: saved.name, byteCount: saved.byteCount, renamed: saved.renamed)
        } catch let error as AttachmentSaveError {
            throw failure(error)
        }
    }

    /// One attachment of a "save all".
    public struct Item: Sendable {
        /// The decoded part.
        public var bytes: [UInt8]
        /// Its name from the message, or nil.
        public var proposedName: String?
        /// Its type.
        public var mimeType: String

        /// An item.
        public init(bytes: [UInt8], proposedName: String?, mimeType: String) {
            self.bytes = bytes
            self.proposedName = proposedName
            self.mimeType = mimeType
        }
    }

    /// Saves several attachments into one folder; a taken name gets a number (`name (1).pdf`), so
    /// nothing is replaced and nothing needs asking.
    ///
    /// - Parameters:
    ///   - items: the attachments (their bytes are read one at a time).
    ///   - folder: the folder (`~` and relative paths as at the prompt).
    ///   - progress: (item index, bytes written, total) after each chunk.
    public static func saveAll(_ items: [Item], into folder: String, home: String = NSHomeDirectory(),
                               currentDirectory: String = FileManager.default.currentDirectoryPath,
                               progress: ((Int, Int, Int) -> Void)? = nil) throws -> [Saved] {
        do {
            var path = SaveTarget.absolute(folder, home: home, currentDirectory: currentDirectory)
            while path.count > 1, path.hasSuffix("/") { path.removeLast() }
            let target = try AttachmentFolder(path: path)
            return try items.enumerated().map { index, item in
                let saved = try target.save(item.bytes, proposedName: item.proposedName, mimeType: item.mimeType,
                                            collision: .rename, progress: { progress?(index, $0, $1) })
                return Saved(path: saved.path, name: saved.name, byteCount: saved.byteCount, renamed: saved.renamed)
            }
        } catch let error as AttachmentSaveError {
            throw failure(error)
        }
    }

    static func failure(_ error: AttachmentSaveError) -> Failure {
        if case .exists = error.kind { return Failure(message: error.description, fileExists: true) }
        return Failure(message: error.description, fileExists: false)
    }
}
