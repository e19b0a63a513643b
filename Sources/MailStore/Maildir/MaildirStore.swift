import Foundation
import MailCore

/// A tree of Maildir folders in the Maildir++ layout: the root is the inbox, each other folder is a
/// sibling directory named `.Name` (nested folders joined with `.`: `.Archive.2024`), as Dovecot and
/// Courier lay them out.
public struct MaildirStore: Sendable {
    /// The root Maildir (the inbox).
    public let root: URL

    /// A store rooted at `root`; nothing is created until asked.
    public init(root: URL) {
        self.root = root
    }

    /// The Maildir of a folder. Components may not contain `.` or `/` (they would change the tree):
    /// such characters are an error, not silently rewritten.
    public func maildir(for path: MailboxPath) throws -> Maildir {
        if path.isInbox || path.components.isEmpty { return Maildir(directory: root) }
        for component in path.components {
            if component.isEmpty || component.contains(".") || component.contains("/") || component.contains("\0") {
                throw MaildirStoreError.invalidFolderName(path.description)
            }
        }
        return Maildir(directory: root.appendingPathComponent("." + path.components.joined(separator: ".")))
    }

    /// Creates a folder (and the root) when missing.
    @discardableResult
    public func create(_ path: MailboxPath) throws -> Maildir {
        try Maildir.create(at: root)
        let folder = try maildir(for: path)
        if folder.directory != root { try Maildir.create(at: folder.directory, maildirPlusPlus: true) }
        return folder
    }

    /// Every folder that exists: the inbox first, then the `.Name` folders, sorted.
    public func folders() throws -> [MailboxPath] {
        var result: [MailboxPath] = []
        if Maildir(directory: root).exists { result.append(.inbox) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var others: [MailboxPath] = []
        for name in names where name.hasPrefix(".") && name != "." && name != ".." && name.count > 1 {
            let folder = Maildir(directory: root.appendingPathComponent(name))
            guard folder.exists else { continue }
            let components = name.dropFirst().split(separator: ".", omittingEmptySubsequences: true).map(String.init)
            if components.isEmpty { continue }
            others.append(MailboxPath(components))
        }
        result.append(contentsOf: others.sorted())
        return result
    }
}

/// Errors of the Maildir++ folder tree.
public enum MaildirStoreError: Error, CustomStringConvertible, Sendable {
    /// A folder name that cannot be stored (contains `.`, `/` or NUL, or is empty).
    case invalidFolderName(String)

    public var description: String {
        switch self {
        case .invalidFolderName(let name):
            "the folder name \"\(name)\" cannot be used in a Maildir: a name may not be empty or contain '.', '/' or NUL; choose another name"
        }
    }
}
