import Foundation
import MailCore
import MailStore

extension MaildirBackend {
    /// Creates a Maildir++ folder (`.Name`, modified UTF-7 on disk).
    /// - Throws: `BackendError.failed` when it exists or the name cannot be stored.
    public func createFolder(_ path: MailboxPath) async throws {
        if try listFolders().contains(where: { FolderRoles.same($0, path) }) {
            throw BackendError.failed("account \"\(accountName)\": \(MaildirStoreError.alreadyExists(path.description))")
        }
        do {
            try store.create(path)
        } catch {
            throw BackendError.failed("account \"\(accountName)\": \(error)")
        }
        try cache.write { try $0.ensureMailbox(path) }
        continuation.yield(.foldersChanged(try await folders()))
    }

    /// Deletes an empty folder.
    /// - Throws: `BackendError.failed` when it holds messages (move or delete them first) or is the inbox.
    public func deleteFolder(_ path: MailboxPath) async throws {
        let (resolved, _) = try resolve(path)
        do {
            try store.remove(resolved)
        } catch {
            throw BackendError.failed("account \"\(accountName)\": \(error)")
        }
        try cache.write { try $0.removeMailbox(resolved) }
        continuation.yield(.foldersChanged(try await folders()))
    }

    /// Renames a folder and those below it, keeping their cached messages and uids.
    public func renameFolder(_ path: MailboxPath, to newPath: MailboxPath) async throws {
        let (resolved, _) = try resolve(path)
        let moves: [(MailboxPath, MailboxPath)]
        do {
            moves = try store.rename(resolved, to: newPath)
        } catch {
            throw BackendError.failed("account \"\(accountName)\": \(error)")
        }
        try cache.write { w in
            for (old, new) in moves {
                try w.removeMailbox(new)
                try w.renameMailbox(old, to: new)
            }
        }
        continuation.yield(.foldersChanged(try await folders()))
    }
}
