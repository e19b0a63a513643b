import Foundation
import IMAP
import MailCore
import MailStore
import Transport

/// Changing messages: flags, move, copy, delete, expunge, append.
extension IMAPBackend {
    /// Selects `name` read-write on `connection` unless it is selected already, and checks that
    /// the cache's UIDs still belong to it (same UIDVALIDITY).
    /// - Throws: `BackendError.failed` when the folder's UIDVALIDITY changed since the last sync.
    func selectForChange(_ connection: IMAPConnection, _ path: MailboxPath, _ name: MailboxName) async throws {
        var selected = await connection.selectedMailbox
        if selected?.name != name || selected?.isReadOnly == true {
            selected = try await connection.select(name)
        }
        if let box = try cache.mailbox(path), let validity = selected?.uidValidity, validity != box.uidValidity {
            throw BackendError.failed("account \"\(accountName)\": the folder \"\(path)\" was rebuilt on the server (its UIDVALIDITY changed) and the uids tern knows are void; run `tern sync` and try again")
        }
    }

    /// `UID STORE` (RFC 9051 §6.4.6) of the change; the server's answer updates the cache and
    /// the UI.
    public func setFlags(_ change: FlagChange, on uids: [UID], in folder: MailboxPath) async throws {
        guard !uids.isEmpty else { return }
        let (path, name) = try await resolve(folder)
        let (operation, flags): (StoreAction.Operation, Set<Flag>) = switch change {
        case .add(let set): (.add, set)
        case .remove(let set): (.remove, set)
        case .replace(let set): (.replace, set)
        }
        if flags.isEmpty && operation != .replace { return }
        let set = SequenceSet(uids.map(\.value))
        let result = try await withConnection { connection in
            try await self.selectForChange(connection, path, name)
            return try await connection.store(set, operation, flags: flags.sorted().map(MessageFlag.init), silent: false)
        }
        var reported: [UID: (Set<Flag>, UInt64?)] = [:]
        for message in result.updated {
            if let uid = message.uid, let flags = message.mailFlags { reported[uid] = (flags, message.modSeq) }
        }
        guard let box = try cache.mailbox(path) else { return }
        let cached = try cache.messages(uids, in: path)
        var changed: [(UID, Set<Flag>)] = []
        var updates: [(uid: UID, flags: Set<Flag>, modSeq: UInt64?)] = []
        for message in cached {
            let new = reported[message.uid]?.0 ?? change.applied(to: message.flags)
            updates.append((message.uid, new, nil))
            if new != message.flags { changed.append((message.uid, new)) }
        }
        try cache.write { try $0.updateFlags(updates, in: box) }
        if !changed.isEmpty {
            continuation.yield(.flagsChanged(folder: path, changed))
            try emitCounts(path)
        }
    }

    /// `UID MOVE` (RFC 6851), or COPY + `\Deleted` + `UID EXPUNGE` where MOVE is not offered. The
    /// messages leave the source's cache; the target's sync picks them up under their new UIDs.
    public func move(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        guard !uids.isEmpty else { return }
        let (source, name) = try await resolve(folder)
        let (destination, targetName) = try await resolve(target)
        if source == destination { return }
        let set = SequenceSet(uids.map(\.value))
        try await withConnection { connection in
            try await self.selectForChange(connection, source, name)
            _ = try await connection.move(set, to: targetName)
        }
        try forget(uids, in: source)
    }

    /// `UID COPY` (RFC 9051 §6.4.7); the target's sync picks the copies up.
    public func copy(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        guard !uids.isEmpty else { return }
        let (source, name) = try await resolve(folder)
        let (_, targetName) = try await resolve(target)
        let set = SequenceSet(uids.map(\.value))
        try await withConnection { connection in
            try await self.selectForChange(connection, source, name)
            _ = try await connection.copy(set, to: targetName)
        }
    }

    /// Moves the messages to the Trash (the folder with the trash role: config override,
    /// SPECIAL-USE `\Trash`, or a well-known name); in the Trash, or in an account without one,
    /// removes them for good.
    public func delete(_ uids: [UID], in folder: MailboxPath) async throws {
        let (path, _) = try await resolve(folder)
        if let trash = try await self.folder(for: .trash), !FolderRoles.same(trash, path) {
            try await move(uids, from: path, to: trash)
        } else {
            try await expunge(uids, in: path)
        }
    }

    /// `\Deleted` and `UID EXPUNGE` of exactly these messages (RFC 4315; without UIDPLUS, the
    /// other `\Deleted` messages are protected while EXPUNGE runs).
    public func expunge(_ uids: [UID], in folder: MailboxPath) async throws {
        guard !uids.isEmpty else { return }
        let (path, name) = try await resolve(folder)
        let set = SequenceSet(uids.map(\.value))
        try await withConnection { connection in
            try await self.selectForChange(connection, path, name)
            _ = try await connection.expunge(set)
        }
        try forget(uids, in: path)
    }

    /// Drops messages that left a folder from its cache and tells the UI.
    private func forget(_ uids: [UID], in path: MailboxPath) throws {
        guard let box = try cache.mailbox(path) else { return }
        try cache.write { try $0.remove(uids, in: box) }
        for uid in uids { bodies?.remove(uid, in: path, uidValidity: box.uidValidity) }
        continuation.yield(.messagesRemoved(folder: path, uids))
        try emitCounts(path)
    }

    /// `APPEND` (RFC 9051 §6.3.12) with flags and date; bare line feeds become CRLF, as IMAP
    /// requires. With UIDPLUS the message is cached at once under its new UID.
    /// - Returns: its UID when the server says (APPENDUID).
    @discardableResult
    public func append(_ message: [UInt8], to folder: MailboxPath, flags: Set<Flag>, date: Date?) async throws -> UID? {
        let (path, name) = try await resolve(folder)
        let bytes = Self.withCRLF(message)
        let result = try await withConnection { connection in
            try await connection.append(bytes, to: name, flags: flags, date: date)
        }
        guard let result else { return nil }
        if let box = try cache.mailbox(path), box.uidValidity == result.uidValidity {
            let entry = CachedMessage(bytes: bytes, uid: result.uid, flags: flags,
                                      receivedDate: date ?? Date(), maildirFile: nil)
            try cache.write { try $0.insert(entry, in: box) }
            continuation.yield(.messagesAdded(folder: path, [MessageSummary(cached: entry)]))
            try emitCounts(path)
        }
        return result.uid
    }

    /// The message with every bare LF turned into CRLF (unchanged when it has none).
    static func withCRLF(_ message: [UInt8]) -> [UInt8] {
        var bare = false
        for index in message.indices where message[index] == 0x0A && (index == 0 || message[index - 1] != 0x0D) {
            bare = true
            break
        }
        guard bare else { return message }
        var out: [UInt8] = []
        out.reserveCapacity(message.count + message.count / 40)
        for index in message.indices {
            if message[index] == 0x0A && (index == 0 || message[index - 1] != 0x0D) { out.append(0x0D) }
            out.append(message[index])
        }
        return out
    }
}
