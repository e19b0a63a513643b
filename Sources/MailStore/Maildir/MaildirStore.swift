import Foundation
import MailCore

/// A tree of Maildir folders in the Maildir++ layout: the root is the inbox, each other folder is a
/// sibling directory named `.Name` (nested folders joined with `.`: `.Archive.2024`), as Dovecot and
/// Courier lay them out.
///
/// Names on disk are in modified UTF-7 (RFC 3501 §5.1.3) as Dovecot writes them (`.Entw&APw-rfe`
/// for "Entwürfe"); a name that is not valid modified UTF-7 is read as it is (Maildirs made with
/// Dovecot's `UTF-8` option or by other tools), and such an existing folder is found under its name.
public struct MaildirStore: Sendable {
    /// The root Maildir (the inbox).
    public let root: URL

    /// A store rooted at `root`; nothing is created until asked.
    public init(root: URL) {
        self.root = root
    }

    /// The Maildir of a folder. Components may not contain `.` or `/` (they would change the tree):
    /// such characters are an error, not silently rewritten.
    /// - Throws: `MaildirStoreError.invalidFolderName`.
    public func maildir(for path: MailboxPath) throws -> Maildir {
        if path.isInbox || path.components.isEmpty { return Maildir(directory: root) }
        for component in path.components {
            if component.isEmpty || component.contains(".") || component.contains("/") || component.contains("\0") {
                throw MaildirStoreError.invalidFolderName(path.description)
            }
        }
        let encoded = root.appendingPathComponent("." + path.components.map(ModifiedUTF7.encode).joined(separator: "."))
        let plain = root.appendingPathComponent("." + path.components.joined(separator: "."))
        if encoded != plain, !Maildir(directory: encoded).exists, Maildir(directory: plain).exists {
            return Maildir(directory: plain)
        }
        return Maildir(directory: encoded)
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
            let components = name.dropFirst().split(separator: ".", omittingEmptySubsequences: true)
                .map { ModifiedUTF7.decode(String($0)) ?? String($0) }
            if components.isEmpty { continue }
            let path = MailboxPath(components)
            if path.isInbox { continue }
            others.append(path)
        }
        result.append(contentsOf: others.sorted())
        return result
    }

    /// Removes an empty folder (its `cur/`, `new/` and `tmp/` and their leftovers).
    /// - Throws: `MaildirStoreError.notEmpty` when it holds messages, `.cannotRemoveInbox` for the
    ///   inbox, `MaildirError` when the disk refuses.
    public func remove(_ path: MailboxPath) throws {
        if path.isInbox || path.components.isEmpty { throw MaildirStoreError.cannotRemoveInbox }
        let folder = try maildir(for: path)
        guard folder.exists else { throw MaildirStoreError.noSuchFolder(path.description) }
        let count = try folder.fileNames(in: .new).count + folder.fileNames(in: .cur).count
        if count > 0 { throw MaildirStoreError.notEmpty(path.description, count) }
        do {
            try FileManager.default.removeItem(at: folder.directory)
        } catch {
            throw MaildirError(operation: "remove the folder", path: folder.directory.path, code: nil)
        }
    }

    /// Renames a folder and the folders below it (`.A` and `.A.x` become `.B` and `.B.x`).
    /// - Returns: every (old, new) path renamed, the folder itself first.
    /// - Throws: `MaildirStoreError.alreadyExists` when a target exists, `.noSuchFolder`.
    @discardableResult
    public func rename(_ path: MailboxPath, to newPath: MailboxPath) throws -> [(MailboxPath, MailboxPath)] {
        if path.isInbox || newPath.isInbox { throw MaildirStoreError.cannotRemoveInbox }
        let source = try maildir(for: path)
        guard source.exists else { throw MaildirStoreError.noSuchFolder(path.description) }
        var moves: [(MailboxPath, MailboxPath)] = [(path, newPath)]
        for folder in try folders() where folder.components.count > path.components.count
            && Array(folder.components.prefix(path.components.count)) == path.components {
            moves.append((folder, MailboxPath(newPath.components + folder.components.dropFirst(path.components.count))))
        }
        for (_, target) in moves where try maildir(for: target).exists {
            throw MaildirStoreError.alreadyExists(target.description)
        }
        for (old, new) in moves {
            let from = try maildir(for: old).directory.path
            let to = try maildir(for: new).directory.path
            if Glibc.rename(from, to) != 0 { throw MaildirError.system("rename the folder", path: from) }
        }
        return moves
    }
}

/// Errors of the Maildir++ folder tree.
public enum MaildirStoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A folder name that cannot be stored (contains `.`, `/` or NUL, or is empty).
    case invalidFolderName(String)
    /// The folder does not exist.
    case noSuchFolder(String)
    /// The folder to create or rename to exists already.
    case alreadyExists(String)
    /// The folder still holds this many messages.
    case notEmpty(String, Int)
    /// The inbox cannot be removed or renamed.
    case cannotRemoveInbox

    public var description: String {
        switch self {
        case .invalidFolderName(let name):
            "the folder name \"\(name)\" cannot be used in a Maildir: a name may not be empty or contain '.', '/' or NUL; choose another name"
        case .noSuchFolder(let name):
            "there is no folder \"\(name)\""
        case .alreadyExists(let name):
            "a folder \"\(name)\" exists already; choose another name"
        case .notEmpty(let name, let count):
            "the folder \"\(name)\" still holds \(count) message\(count == 1 ? "" : "s"); move or delete them first"
        case .cannotRemoveInbox:
            "the inbox cannot be removed or renamed"
        }
    }
}
