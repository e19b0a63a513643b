import Foundation

/// Tab completion of file paths at a prompt (the save prompt): the entries of a folder that start
/// with what was typed after the last `/`.
///
/// Paths are completed as typed: `~/Do` completes to `~/Downloads/`, a relative path stays
/// relative. Folders (and links to folders) get a trailing `/`. Names starting with `.` are offered
/// only when the typed name starts with `.`. Names with control characters are never offered (they
/// could not be shown safely).
public enum PathCompletion {
    /// The result of completing.
    public struct Result: Sendable, Hashable {
        /// Every matching path, as the prompt text would read, sorted.
        public var candidates: [String]
        /// The longest text every candidate starts with (the typed text when nothing matches).
        public var commonPrefix: String
    }

    /// The most candidates listed.
    public static let limit = 500

    /// Completes `typed`.
    ///
    /// - Parameters:
    ///   - typed: the prompt's text.
    ///   - home: for `~`.
    ///   - currentDirectory: where relative paths start.
    public static func complete(_ typed: String, home: String = NSHomeDirectory(),
                                currentDirectory: String = FileManager.default.currentDirectoryPath) -> Result {
        let folderPart: String
        let namePart: String
        if typed == "~" {
            folderPart = "~/"
            namePart = ""
        } else if let slash = typed.lastIndex(of: "/") {
            folderPart = String(typed[...slash])
            namePart = String(typed[typed.index(after: slash)...])
        } else {
            folderPart = ""
            namePart = typed
        }
        var folder = folderPart
        if folder == "~/" || folder.hasPrefix("~/") {
            folder = home + "/" + folder.dropFirst(2)
        }
        if folder.isEmpty { folder = currentDirectory }
        if !folder.hasPrefix("/") { folder = currentDirectory + "/" + folder }

        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return Result(candidates: [], commonPrefix: typed)
        }
        var candidates: [String] = []
        for name in names.sorted() where name.hasPrefix(namePart) {
            if name.hasPrefix("."), !namePart.hasPrefix(".") { continue }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) { continue }
            var isDirectory: ObjCBool = false
            let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            candidates.append(folderPart + name + (isDirectory.boolValue ? "/" : ""))
            if candidates.count == limit { break }
        }
        guard var prefix = candidates.first else { return Result(candidates: [], commonPrefix: typed) }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        if prefix.count < typed.count { prefix = typed }
        return Result(candidates: candidates, commonPrefix: prefix)
    }
}
