import Foundation
import MailCore
import MailStore

extension MaildirBackend {
    /// The cached message `uid` of a folder and its file, syncing the folder once when the file is
    /// not where the cache last saw it (renamed or removed by another program).
    func locate(_ uid: UID, in path: MailboxPath, maildir: Maildir) async throws -> (CachedMessage, MaildirMessage) {
        for attempt in 0 ..< 2 {
            if let cached = try cache.message(uid, in: path), let file = cached.maildirFile {
                let message = maildir.message(atFile: file)
                if FileManager.default.fileExists(atPath: message.url.path) { return (cached, message) }
            }
            if attempt == 0 { try await syncFolder(path, force: true) }
        }
        throw BackendError.noSuchMessage(uid, folder: path)
    }

    /// The complete bytes of a message. A message still in `new/` moves to `cur/` (it has now been
    /// seen by a mail reader; its flags do not change), and an attachment guess in the cache is
    /// replaced by the exact answer.
    public func messageBytes(_ uid: UID, in folder: MailboxPath) async throws -> [UInt8] {
        let (path, maildir) = try resolve(folder)
        for attempt in 0 ..< 2 {
            let (cached, message) = try await locate(uid, in: path, maildir: maildir)
            let bytes: [UInt8]
            do {
                bytes = try reader.readAll(message.url.path)
            } catch let error as MaildirError where error.code == ENOENT && attempt == 0 {
                try await syncFolder(path, force: true)
                continue
            }
            let box = try cache.write { try $0.ensureMailbox(path).mailbox }
            if message.subfolder == .new {
                let moved = try? maildir.setFlags(message.name.flags, of: message)
                if let moved {
                    try cache.write { try $0.updateFlags(uid, in: box, flags: cached.flags, maildirFile: "cur/\(moved.name.fileName)") }
                }
            }
            if !cached.hasAttachmentsIsExact {
                let exact = !Message(bytes: bytes).attachments().isEmpty
                try cache.write { try $0.setHasAttachments(uid, in: box, exact) }
            }
            return bytes
        }
        throw BackendError.noSuchMessage(uid, folder: path)
    }

    public func setFlags(_ change: FlagChange, on uids: [UID], in folder: MailboxPath) async throws {
        let (path, maildir) = try resolve(folder)
        // Maildir file names hold only the six system flags; removing a keyword is a no-op, setting
        // one cannot be stored.
        var keywords: Set<Flag> = []
        switch change {
        case .add(let flags), .replace(let flags): keywords = flags.filter { $0.maildirLetter == nil }
        case .remove: break
        }
        if !keywords.isEmpty {
            throw BackendError.unsupported("keywords in a Maildir (\(keywords.map(\.name).sorted().joined(separator: ", ")))",
                                           account: accountName)
        }
        var changed: [(UID, Set<Flag>)] = []
        var updates: [(UID, Set<Flag>, String)] = []
        // Every uid is found before anything changes, so an unknown uid changes nothing.
        var located: [(UID, CachedMessage, MaildirMessage)] = []
        for uid in uids {
            let (cached, message) = try await locate(uid, in: path, maildir: maildir)
            located.append((uid, cached, message))
        }
        for (uid, found, file) in located {
            var (cached, message) = (found, file)
            let flags = change.applied(to: cached.flags).filter { $0.maildirLetter != nil }
            if flags == cached.flags && message.subfolder == .cur { continue }
            do {
                message = try maildir.setFlags(flags, of: message)
            } catch let error as MaildirError where error.code == ENOENT {
                (cached, message) = try await locate(uid, in: path, maildir: maildir)
                message = try maildir.setFlags(flags, of: message)
            }
            updates.append((uid, flags, "cur/\(message.name.fileName)"))
            if flags != cached.flags { changed.append((uid, flags)) }
        }
        guard !updates.isEmpty else { return }
        let box = try cache.write { try $0.ensureMailbox(path).mailbox }
        try cache.write { w in
            for (uid, flags, file) in updates { try w.updateFlags(uid, in: box, flags: flags, maildirFile: file) }
        }
        if !changed.isEmpty {
            continuation.yield(.flagsChanged(folder: path, changed))
            try emitCounts(path)
        }
    }

    public func move(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        let (source, maildir) = try resolve(folder)
        let (destination, targetMaildir) = try resolve(target)
        if source == destination { return }
        try await transfer(uids, from: source, maildir, to: destination, targetMaildir, keepOriginal: false)
    }

    public func copy(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        let (source, maildir) = try resolve(folder)
        let (destination, targetMaildir) = try resolve(target)
        try await transfer(uids, from: source, maildir, to: destination, targetMaildir, keepOriginal: true)
    }

    /// Moves (rename, same bytes) or copies (a new file through `MaildirDelivery`) messages and
    /// carries their cache entries over, so the target needs no re-read.
    func transfer(_ uids: [UID], from source: MailboxPath, _ maildir: Maildir, to destination: MailboxPath, _ targetMaildir: Maildir,
                  keepOriginal: Bool) async throws {
        var located: [(UID, CachedMessage, MaildirMessage)] = []
        for uid in uids {
            let (cached, message) = try await locate(uid, in: source, maildir: maildir)
            located.append((uid, cached, message))
        }
        var moved: [(old: UID, entry: CachedMessage)] = []
        do {
            for (uid, cached, message) in located {
                let placed = keepOriginal ? try maildir.copy(message, to: targetMaildir) : try maildir.move(message, to: targetMaildir)
                var entry = cached
                entry.maildirFile = "\(placed.subfolder.rawValue)/\(placed.subfolder == .new ? placed.name.unique : placed.name.fileName)"
                moved.append((uid, entry))
            }
        } catch let error as MaildirError {
            try record(moved, from: source, to: destination, removeFromSource: !keepOriginal)
            throw BackendError.failed("account \"\(accountName)\": \(error)")
        }
        try record(moved, from: source, to: destination, removeFromSource: !keepOriginal)
    }

    private func record(_ moved: [(old: UID, entry: CachedMessage)], from source: MailboxPath, to destination: MailboxPath,
                        removeFromSource: Bool) throws {
        guard !moved.isEmpty else { return }
        let added = try cache.write { w -> [UID] in
            let from = try w.ensureMailbox(source).mailbox
            let to = try w.ensureMailbox(destination).mailbox
            if removeFromSource { try w.remove(moved.map(\.old), in: from) }
            return try moved.compactMap { try w.insertNew($0.entry, in: to) }
        }
        if removeFromSource {
            continuation.yield(.messagesRemoved(folder: source, moved.map(\.old)))
            try emitCounts(source)
        }
        let summaries = try cache.messages(added, in: destination).map(MessageSummary.init(cached:))
        continuation.yield(.messagesAdded(folder: destination, summaries))
        try emitCounts(destination)
    }

    /// Moves messages to the Trash: the `trash` override, else a folder with a well-known name,
    /// else a new `Trash` folder (a local Maildir never loses mail to a delete). In the Trash,
    /// deleting removes for good.
    public func delete(_ uids: [UID], in folder: MailboxPath) async throws {
        let (path, _) = try resolve(folder)
        let all = try listFolders()
        let trash = roles.folder(for: .trash, among: all) ?? roles.overrides[.trash] ?? MailboxPath(["Trash"])
        if FolderRoles.same(trash, path) {
            try await expunge(uids, in: path)
            return
        }
        if !all.contains(where: { FolderRoles.same($0, trash) }) { try await createFolder(trash) }
        try await move(uids, from: path, to: trash)
    }

    public func expunge(_ uids: [UID], in folder: MailboxPath) async throws {
        let (path, maildir) = try resolve(folder)
        var located: [(UID, MaildirMessage)] = []
        for uid in uids { located.append((uid, try await locate(uid, in: path, maildir: maildir).1)) }
        var removed: [UID] = []
        do {
            for (uid, message) in located {
                try maildir.remove(message)
                removed.append(uid)
            }
        } catch let error as MaildirError {
            try forget(removed, in: path)
            throw BackendError.failed("account \"\(accountName)\": \(error)")
        }
        try forget(removed, in: path)
    }

    private func forget(_ uids: [UID], in path: MailboxPath) throws {
        guard !uids.isEmpty else { return }
        try cache.write { w in try w.remove(uids, in: try w.ensureMailbox(path).mailbox) }
        continuation.yield(.messagesRemoved(folder: path, uids))
        try emitCounts(path)
    }

    /// Delivers a message into a folder (`new/` without flags, `cur/` with them), durably, and
    /// caches it at once.
    @discardableResult
    public func append(_ message: [UInt8], to folder: MailboxPath, flags: Set<Flag>, date: Date?) async throws -> UID? {
        let (path, maildir) = try resolve(folder)
        let storable = flags.filter { $0.maildirLetter != nil }
        let delivered: MaildirMessage
        do {
            delivered = try maildir.deliver(message, flags: storable, date: date)
        } catch {
            throw BackendError.failed("account \"\(accountName)\": \(error)")
        }
        let file = "\(delivered.subfolder.rawValue)/\(delivered.subfolder == .new ? delivered.name.unique : delivered.name.fileName)"
        let entry = CachedMessage(bytes: message, flags: storable, receivedDate: date ?? Date(), maildirFile: file)
        let uid = try cache.write { w in try w.insertNew(entry, in: try w.ensureMailbox(path).mailbox) }
        if let uid {
            let summaries = try cache.messages([uid], in: path).map(MessageSummary.init(cached:))
            continuation.yield(.messagesAdded(folder: path, summaries))
            try emitCounts(path)
        }
        return uid
    }
}
