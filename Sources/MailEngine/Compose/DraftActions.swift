import Foundation
import MailCore
import TernConfig

/// What happens to a draft when it leaves the composer: postponed into the account's Drafts
/// folder, or handed to the outbox (then its postponed copy goes, the message it answers is
/// flagged `\Answered`, a forward's original `$Forwarded`, and the draft on disk is removed).
public enum DraftActions {
    /// The account's Drafts folder: `[accounts.NAME.folders] drafts` when set, else the folder
    /// whose role is Drafts, else one called `Drafts` (any case), else nil.
    public static func draftsFolder(account: Account, folders: [FolderInfo]) -> MailboxPath? {
        if let configured = account.folders[.drafts] { return MailboxPath(configured) }
        if let byRole = folders.first(where: { $0.role == .drafts }) { return byRole.path }
        return folders.first { $0.path.components.count == 1 && $0.path.leaf.lowercased() == "drafts" }?.path
    }

    /// What postponing did.
    public struct Postponed: Sendable, Hashable {
        /// The folder it went to.
        public var folder: MailboxPath
        /// Its UID there, when the backend knows it at once.
        public var uid: UID?
        /// What did not work but did not stop it (the old copy could not be removed).
        public var warnings: [String]
    }

    /// Stores the draft in `folder` (flags `\Draft` and `\Seen`), removes the copy it was resumed
    /// from, and then removes it from disk. If storing fails, the draft stays on disk (and in the
    /// composer) and the error is thrown.
    ///
    /// - Throws: ``ComposeError`` when the message cannot be built (an attachment is gone), or the
    ///   backend's error when the folder refuses it.
    public static func postpone(_ session: DraftSession, backend: any MailBackend, folder: MailboxPath,
                                now: Date = Date()) async throws -> Postponed {
        let bytes = try DraftMessage.postponed(session.draft)
        let uid = try await backend.append(bytes, to: folder, flags: [.draft, .seen], date: now)
        var warnings: [String] = []
        if let old = session.draft.postponedCopy, !(old.folder == folder && old.uid == uid) {
            do {
                try await backend.delete([old.uid], in: old.folder)
            } catch {
                warnings.append("The earlier copy of this draft in \(old.folder) could not be removed: \(error)")
            }
        }
        do {
            try session.remove()
        } catch {
            warnings.append("\(error)")
        }
        return Postponed(folder: folder, uid: uid, warnings: warnings)
    }

    /// Tidies up after the message was queued in the outbox (where it is safe): removes its
    /// postponed copy from the Drafts folder, flags the message it answers `\Answered` (or the one
    /// it forwards `$Forwarded`), and removes the draft from disk.
    ///
    /// - Returns: what did not work, as warnings (the message is sent either way).
    public static func afterQueued(_ session: DraftSession, backend: (any MailBackend)?) async -> [String] {
        var warnings: [String] = []
        let draft = session.draft
        if let backend {
            if let old = draft.postponedCopy {
                do {
                    try await backend.delete([old.uid], in: old.folder)
                } catch {
                    warnings.append("The postponed copy in \(old.folder) could not be removed: \(error)")
                }
            }
            if let original = draft.answering {
                let flag: Flag = draft.kind == .forward || draft.kind == .forwardAttached ? .forwarded : .answered
                do {
                    try await backend.setFlags(.add([flag]), on: [original.uid], in: original.folder)
                } catch {
                    warnings.append("The original message could not be flagged: \(error)")
                }
            }
        }
        do {
            try session.remove()
        } catch {
            warnings.append("\(error)")
        }
        return warnings
    }
}
