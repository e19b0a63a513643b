import Foundation
import IMAP
import MailCore
import MailStore
import Transport

/// Folders: LIST with SPECIAL-USE roles and STATUS counts, and their management.
extension IMAPBackend {
    /// The server's folders with roles (config overrides, then SPECIAL-USE, then well-known
    /// names) and STATUS counts. When the server cannot be reached, the folders the cache knows,
    /// with cached counts, and an `.offline` event.
    public func folders() async throws -> [FolderInfo] {
        do {
            return try await refreshFolders()
        } catch let error as BackendError {
            let cached = try cache.mailboxes().map(\.path)
            guard !cached.isEmpty || !lastFolders.isEmpty else { throw error }
            if !lastFolders.isEmpty { return lastFolders }
            let assigned = roles.assign(cached)
            return try cached.sorted().map { path in
                let counts = try cache.counts(in: path)
                return FolderInfo(path: path, role: assigned[path], total: counts.total, unread: counts.unread)
            }
        }
    }

    /// LIST (with STATUS) from the server; remembers the wire names and forgets cached folders
    /// that are gone.
    @discardableResult
    func refreshFolders() async throws -> [FolderInfo] {
        let infos = try await withConnection { try await $0.list(status: [.messages, .unseen]) }
        var byPath: [MailboxPath: MailboxInfo] = [:]
        for info in infos {
            let path = info.name.isInbox || info.path.isInbox ? MailboxPath.inbox : info.path
            if byPath[path] == nil { byPath[path] = info }
        }
        mailboxes = byPath
        let assigned = assignRoles(byPath)
        let gone = Set(try cache.mailboxes().map(\.path)).subtracting(byPath.keys)
        if !gone.isEmpty { try cache.write { w in for path in gone { try w.removeMailbox(path) } } }
        let folders = byPath.keys.sorted { lhs, rhs in
            if lhs.isInbox != rhs.isInbox { return lhs.isInbox }
            return lhs < rhs
        }.map { path -> FolderInfo in
            let info = byPath[path]!
            return FolderInfo(path: path, role: assigned[path], total: info.status?.messageCount,
                              unread: info.status?.unseenCount, isSelectable: info.isSelectable)
        }
        lastFolders = folders
        return folders
    }

    /// Roles: the config's overrides first, then the server's SPECIAL-USE attributes (RFC 6154),
    /// then well-known names for the roles still free. Each role goes to one folder.
    func assignRoles(_ byPath: [MailboxPath: MailboxInfo]) -> [MailboxPath: MailboxRole] {
        let paths = Array(byPath.keys).sorted()
        var result: [MailboxPath: MailboxRole] = [:]
        var taken = Set<MailboxRole>()
        if let inbox = paths.first(where: \.isInbox) {
            result[inbox] = .inbox
            taken.insert(.inbox)
        }
        for (role, wanted) in roles.overrides where role != .inbox {
            if let match = paths.first(where: { FolderRoles.same($0, wanted) }) ?? matchIgnoringCase(wanted, in: paths),
               result[match] == nil {
                result[match] = role
                taken.insert(role)
            }
        }
        for path in paths where result[path] == nil {
            if let role = byPath[path]?.role, role != .inbox, !taken.contains(role) {
                result[path] = role
                taken.insert(role)
            }
        }
        let fallback = FolderRoles().assign(paths.filter { result[$0] == nil })
        for (path, role) in fallback where !taken.contains(role) && roles.overrides[role] == nil {
            result[path] = role
            taken.insert(role)
        }
        return result
    }

    /// The folder with `role`, listing the folders when they are not known yet.
    func folder(for role: MailboxRole) async throws -> MailboxPath? {
        if mailboxes.isEmpty { try await refreshFolders() }
        return assignRoles(mailboxes).first { $0.value == role }?.key
    }

    /// The one listed folder equal to `folder` exactly, else ignoring case.
    func matchListed(_ folder: MailboxPath) -> MailboxPath? {
        if mailboxes[folder] != nil { return folder }
        return matchIgnoringCase(folder, in: Array(mailboxes.keys))
    }

    func matchIgnoringCase(_ folder: MailboxPath, in paths: [MailboxPath]) -> MailboxPath? {
        let lowered = folder.components.map { $0.lowercased() }
        let candidates = paths.filter { $0.components.map { $0.lowercased() } == lowered }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The listed folder a path names and its wire name (listing the folders once when it is
    /// not known).
    /// - Throws: `BackendError.noSuchFolder`, or the errors of LIST.
    func resolve(_ folder: MailboxPath) async throws -> (path: MailboxPath, name: MailboxName) {
        if folder.isInbox { return (.inbox, .inbox) }
        if matchListed(folder) == nil { try await refreshFolders() }
        guard let path = matchListed(folder), let info = mailboxes[path] else {
            throw BackendError.noSuchFolder(folder, account: accountName)
        }
        return (path, info.name)
    }

    /// The wire name for a folder that may not exist yet, with the server's delimiter.
    func wireName(for path: MailboxPath) async throws -> MailboxName {
        if mailboxes.isEmpty { try await refreshFolders() }
        let delimiter = mailboxes.values.lazy.compactMap(\.delimiter).first ?? "/"
        let connection = try await session()
        return await connection.mailboxName(path, delimiter: delimiter)
    }

    /// Sends the folder's cached counts as an event.
    func emitCounts(_ path: MailboxPath) throws {
        let counts = try cache.counts(in: path)
        let role = assignRoles(mailboxes)[path]
        continuation.yield(.folderCounts(FolderInfo(path: path, role: role, total: counts.total, unread: counts.unread,
                                                    isSelectable: mailboxes[path]?.isSelectable ?? true)))
    }

    /// CREATE (RFC 9051 §6.3.4), then the new folder list as an event.
    public func createFolder(_ path: MailboxPath) async throws {
        if mailboxes.isEmpty { try await refreshFolders() }
        if matchListed(path) != nil {
            throw BackendError.failed("account \"\(accountName)\": the folder \"\(path)\" exists already")
        }
        let name = try await wireName(for: path)
        try await withConnection { try await $0.create(name) }
        try? await withConnection { try await $0.subscribe(name) }
        continuation.yield(.foldersChanged(try await refreshFolders()))
    }

    /// DELETE (RFC 9051 §6.3.5) and the folder's cache.
    public func deleteFolder(_ path: MailboxPath) async throws {
        let (resolved, name) = try await resolve(path)
        if resolved.isInbox { throw BackendError.failed("account \"\(accountName)\": the inbox cannot be deleted") }
        let selected = await connection?.selectedMailbox?.name
        if selected == name { try? await withConnection { try await $0.unselect() } }
        try await withConnection { try await $0.delete(name) }
        try? await withConnection { try await $0.unsubscribe(name) }
        try cache.write { try $0.removeMailbox(resolved) }
        bodies?.removeFolder(resolved)
        continuation.yield(.foldersChanged(try await refreshFolders()))
    }

    /// RENAME (RFC 9051 §6.3.6); the cache keeps the folder's messages and those of its
    /// subfolders under their new paths (UIDs survive a rename).
    public func renameFolder(_ path: MailboxPath, to newPath: MailboxPath) async throws {
        let (resolved, name) = try await resolve(path)
        let newName = try await wireName(for: newPath)
        try await withConnection { try await $0.rename(name, to: newName) }
        try? await withConnection { try await $0.subscribe(newName) }
        let cached = try cache.mailboxes()
        try cache.write { w in
            for box in cached where box.path.components.starts(with: resolved.components) {
                let moved = MailboxPath(newPath.components + box.path.components.dropFirst(resolved.components.count))
                try w.removeMailbox(moved)
                try w.renameMailbox(box.path, to: moved)
            }
        }
        continuation.yield(.foldersChanged(try await refreshFolders()))
    }
}
