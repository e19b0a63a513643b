import Foundation
import MailCore
import MailStore

/// The drafts of one account on disk (``DraftStore``) holding ``Draft`` values: where a composer
/// saves its message before and after every editor run, and where the next start of tern finds
/// the drafts of a tern that died, to offer them back.
public struct DraftRepository: Sendable {
    /// The account's name.
    public let account: String
    /// The store on disk.
    public let store: DraftStore

    /// A repository in `directory`.
    public init(account: String, directory: String) {
        self.account = account
        self.store = DraftStore(directory: directory)
    }

    /// The repository of `account` in its default place, `$XDG_DATA_HOME/tern/drafts/ACCOUNT`
    /// (`~/.local/share/tern/drafts/ACCOUNT`).
    public init(account: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(account: account, directory: Self.defaultDirectory(account: account, environment: environment))
    }

    /// `$XDG_DATA_HOME/tern/drafts/ACCOUNT`, the account's name made safe as one path component.
    public static func defaultDirectory(account: String, environment: [String: String]) -> String {
        var base = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        if base == nil {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base! as NSString).appendingPathComponent("tern/drafts") as NSString).appendingPathComponent(safeComponent(account))
    }

    /// A name as one path component: letters, digits, `.`, `_` and `-` kept, anything else
    /// `%XX`-escaped, `.` and `..` escaped too.
    static func safeComponent(_ name: String) -> String {
        var out = ""
        for b in name.utf8 {
            let safe = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: ".")
            out += safe ? String(UnicodeScalar(b)) : String(format: "%%%02X", b)
        }
        if out.isEmpty || out == "." || out == ".." { out = out.replacingOccurrences(of: ".", with: "%2E") + "%00" }
        return out
    }

    /// Starts a session for a new draft and saves it at once.
    ///
    /// - Throws: ``DraftStoreError`` when the draft cannot be written.
    public func begin(_ draft: Draft) throws -> DraftSession {
        let handle = try store.create()
        let session = DraftSession(handle: handle, draft: draft)
        do {
            try session.save()
        } catch {
            try? handle.remove()
            throw error
        }
        return session
    }

    /// The drafts left on disk by a tern that ended without sending or postponing them, newest
    /// first, excluding those another tern has open.
    ///
    /// A draft whose editor file was changed after its last save (the editor was open when tern
    /// died) is read back from that file; when the file cannot be read as a draft, the draft keeps
    /// its last saved fields and the file is reopened as it is at the next edit.
    public func recoverable() throws -> [RecoverableDraft] {
        store.removeEmpty()
        var result: [RecoverableDraft] = []
        for stored in try store.list() where !stored.inUse {
            guard let recovered = Self.recover(stored, account: account) else { continue }
            result.append(recovered)
        }
        return result.sorted { $0.modified > $1.modified }
    }

    /// Opens a recoverable draft for editing (taking its lock).
    ///
    /// - Throws: ``DraftStoreError`` when it is gone or another tern has it open.
    public func resume(_ recoverable: RecoverableDraft) throws -> DraftSession {
        let handle = try store.open(id: recoverable.id)
        let session = DraftSession(handle: handle, draft: recoverable.draft, editHeaders: recoverable.editHeaders)
        session.editorFilePending = recoverable.editorFilePending
        try session.save()
        return session
    }

    /// Removes a recoverable draft the user does not want back.
    ///
    /// - Throws: ``DraftStoreError`` when it cannot be removed or another tern has it open.
    public func discard(_ recoverable: RecoverableDraft) throws {
        try store.open(id: recoverable.id).remove()
    }

    static func recover(_ stored: StoredDraft, account: String) -> RecoverableDraft? {
        let state = stored.state.flatMap { try? DraftState.decode($0) }
        guard var draft = state?.draft else {
            // Only an editor file: the state was never written (or is damaged). Keep the text.
            guard let text = stored.editorText else { return nil }
            return RecoverableDraft(id: stored.id, draft: Draft(account: account, from: Address(address: ""), body: String(decoding: text, as: UTF8.self)),
                                    modified: stored.modified, editHeaders: false, editorChanged: true, editorFilePending: false,
                                    notes: ["Only the text of this draft could be recovered; fill in the sender and recipients again."],
                                    stateMissing: true)
        }
        let editHeaders = state?.editHeaders ?? false
        var notes: [String] = []
        var changed = false
        var pending = false
        let unread = state.map { $0.editorPending == true || ($0.editorDigest != nil && stored.editorText.map(DraftState.digest) != $0.editorDigest) } ?? false
        if let text = stored.editorText, unread {
            changed = true
            let read = EditorFile.read(String(decoding: text, as: UTF8.self), into: draft, headers: editHeaders)
            if let updated = read.draft {
                draft = updated
                notes += read.notes
            } else {
                pending = true
                notes.append("The text from the editor has problems (\(read.problems.map(\.description).joined(separator: "; "))); "
                    + "it is kept as it is and opens in the editor again.")
            }
        }
        return RecoverableDraft(id: stored.id, draft: draft, modified: stored.modified, editHeaders: editHeaders,
                                editorChanged: changed, editorFilePending: pending, notes: notes, stateMissing: false)
    }
}

/// A draft found on disk at start, ready to be offered back.
public struct RecoverableDraft: Sendable, Hashable {
    /// Its id on disk.
    public var id: String
    /// The draft as far as it could be recovered.
    public var draft: Draft
    /// When it was last written.
    public var modified: Date
    /// Its editor file has the header block.
    public var editHeaders: Bool
    /// The editor had saved text that the composer had not read back yet (tern died while the
    /// editor was open); that text is in ``draft``.
    public var editorChanged: Bool
    /// The editor file holds text that could not be read back; it is reopened as it is.
    public var editorFilePending: Bool
    /// What to tell the user about it.
    public var notes: [String]
    /// Only the text was found, no saved fields: ``draft`` has no sender (fill in the account's
    /// `from`) and no recipients.
    public var stateMissing: Bool

    /// `Subject (to bob@example.org), 2025-01-02 03:04` for a recovery prompt.
    public var summary: String {
        let subject = draft.subject.isEmpty ? "(no subject)" : draft.subject
        let to = draft.to.map(\.address).joined(separator: ", ")
        return TextSanitizer.headerText(to.isEmpty ? subject : "\(subject) (to \(to))")
    }
}

/// What `draft.json` holds.
struct DraftState: Codable {
    /// The format's version.
    var version = 1
    /// The draft.
    var draft: Draft
    /// The editor file has the header block.
    var editHeaders: Bool
    /// A digest of the editor file's text when the draft was last in step with it; a different
    /// file means the editor saved text the composer has not read.
    var editorDigest: UInt64?
    /// The editor file holds text that could not be read back (it had problems).
    var editorPending: Bool?
    /// When it was saved.
    var savedAt: Date

    func encode() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return [UInt8](try encoder.encode(self))
    }

    static func decode(_ bytes: [UInt8]) throws -> DraftState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let state = try decoder.decode(DraftState.self, from: Data(bytes))
        return state
    }

    /// FNV-1a, 64 bits.
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
