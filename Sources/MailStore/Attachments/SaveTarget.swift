import Foundation

/// Where the user asked to save an attachment: a folder, and a file name or nil (keep the
/// attachment's own name, made safe).
///
/// The path typed at the save prompt is read like a shell path: `~` and `~/...` are the home
/// folder, relative paths start in the current folder, a path ending in `/` or naming an existing
/// folder is the folder to save into, and anything else is a file name in its parent folder.
public struct SaveTarget: Sendable, Hashable {
    /// The folder to save into.
    public var folder: String
    /// The file name typed, or nil to use the attachment's own name.
    public var fileName: String?

    /// A target from its parts.
    public init(folder: String, fileName: String?) {
        self.folder = folder
        self.fileName = fileName
    }

    /// Reads a typed path.
    ///
    /// - Parameters:
    ///   - typed: the text of the save prompt.
    ///   - home: the home folder, for `~`.
    ///   - currentDirectory: where relative paths start.
    /// - Throws: ``AttachmentSaveError`` with ``AttachmentSaveError/Kind/emptyPath`` for blank input.
    public static func resolve(_ typed: String, home: String, currentDirectory: String) throws -> SaveTarget {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw AttachmentSaveError(.emptyPath, path: typed) }
        let path = absolute(trimmed, home: home, currentDirectory: currentDirectory)
        if path.hasSuffix("/") { return SaveTarget(folder: path.count > 1 ? String(path.dropLast()) : path, fileName: nil) }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            return SaveTarget(folder: path, fileName: nil)
        }
        let slash = path.lastIndex(of: "/")!  // absolute(...) always starts with "/"
        let parent = slash == path.startIndex ? "/" : String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        return SaveTarget(folder: parent, fileName: name == "." || name == ".." ? nil : name)
    }

    /// `path` with `~` expanded and made absolute.
    public static func absolute(_ path: String, home: String, currentDirectory: String) -> String {
        var result = path
        if result == "~" {
            result = home
        } else if result.hasPrefix("~/") {
            result = join(home, String(result.dropFirst(2)))
        }
        if !result.hasPrefix("/") { result = join(currentDirectory, result) }
        if path.hasSuffix("/"), !result.hasSuffix("/") { result += "/" }
        return result
    }

    static func join(_ base: String, _ rest: String) -> String {
        if rest.isEmpty { return base }
        return base.hasSuffix("/") ? base + rest : base + "/" + rest
    }
}
