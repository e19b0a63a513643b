import Foundation
import MailCore

/// Files to attach from what the user typed: `~` expanded, relative paths taken from a directory,
/// glob patterns (`*.pdf`, `report-?.txt`, `[ab].png`) expanded to every matching file; and Tab
/// completion of paths for the attach prompt.
public enum AttachmentPaths {
    /// The attachments for `text`: one path, or a glob pattern giving several files.
    ///
    /// - Parameters:
    ///   - text: the path or pattern as typed.
    ///   - directory: where relative paths start.
    ///   - home: the home directory for `~`.
    /// - Throws: ``ComposeError/cannotAttach(path:reason:)`` when nothing matches, the path is a
    ///   directory or the file cannot be read.
    public static func attachments(for text: String, relativeTo directory: String,
                                   home: String = NSHomeDirectory()) throws -> [DraftAttachment] {
        let path = absolute(text.trimmingBlanks, relativeTo: directory, home: home)
        let paths = hasGlob(path) ? glob(path) : [path]
        if paths.isEmpty { throw ComposeError.cannotAttach(path: text, reason: "no file matches this pattern") }
        return try paths.map { try attachment(at: $0) }
    }

    /// An attachment of the file at `path`, named after its last component.
    ///
    /// - Throws: ``ComposeError/cannotAttach(path:reason:)`` for a missing file, a directory or a
    ///   file that cannot be read.
    public static func attachment(at path: String) throws -> DraftAttachment {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ComposeError.cannotAttach(path: path, reason: "there is no such file")
        }
        if isDirectory.boolValue { throw ComposeError.cannotAttach(path: path, reason: "it is a directory; attach the files in it instead") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ComposeError.cannotAttach(path: path, reason: "it cannot be read (check its permissions)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let name = SafeFileName.make((path as NSString).lastPathComponent)
        return DraftAttachment(name: name, size: size, source: .file(path: path))
    }

    /// Completions of a partly typed path: the entries of its directory whose names start with
    /// its last component, directories with a trailing `/`, hidden files only when the prefix
    /// starts with a dot; sorted.
    ///
    /// - Returns: the completed texts, written as the user wrote the prefix (`~/Do` gives
    ///   `~/Documents/`).
    public static func complete(_ typed: String, relativeTo directory: String, home: String = NSHomeDirectory()) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let typedDirectory = slash.map { String(typed[...$0]) } ?? ""
        let prefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let listed = typedDirectory.isEmpty ? directory : absolute(typedDirectory, relativeTo: directory, home: home)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        var results: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) && (prefix.hasPrefix(".") || !name.hasPrefix(".")) {
            var isDirectory: ObjCBool = false
            let full = (listed as NSString).appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            results.append(typedDirectory + name + (isDirectory.boolValue ? "/" : ""))
        }
        return results
    }

    /// The longest text all `completions` start with.
    public static func commonPrefix(_ completions: [String]) -> String {
        guard var prefix = completions.first else { return "" }
        for completion in completions.dropFirst() {
            while !completion.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// `~` and `~/x` expanded with `home`, relative paths joined to `directory`.
    static func absolute(_ path: String, relativeTo directory: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return path }
        return (directory as NSString).appendingPathComponent(path)
    }

    static func hasGlob(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The regular files matching a glob(3) pattern, sorted.
    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Foundation.glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            guard let cString = result.gl_pathv[i] else { continue }
            let path = String(cString: cString)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
