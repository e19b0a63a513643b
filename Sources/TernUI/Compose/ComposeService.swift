import Foundation
import MailCore
import MailEngine
import TernConfig

/// The composer's work outside the UI state: starting drafts (loading the original message and the
/// signature), keeping each draft on disk at every step (``DraftRepository``), running the editor,
/// queueing into the outbox and sending in the background (``OutboxSender``), postponing into the
/// Drafts folder (``DraftActions``), completions from the address book and the file system.
///
/// One instance serves the whole UI. Each open draft's ``DraftSession`` is kept here by id, used
/// under a lock, and saves carry a revision so that a save arriving late never undoes a newer one.
public final class ComposeService: @unchecked Sendable {
    /// The settings.
    public let settings: ComposeSettings
    /// The address book (aliases, contacts, `query_command`).
    public let book: AddressBook
    /// Problems met loading the address book (unreadable alias files), shown once at start.
    public let bookProblems: [String]
    private let lock = NSLock()
    private var sessions: [String: DraftSession] = [:]
    private var revisions: [String: Int] = [:]

    /// A service over `settings`, loading the address book now.
    public init(settings: ComposeSettings) {
        self.settings = settings
        let (book, problems) = AddressBook.load(settings: settings.general, environment: settings.environment)
        self.book = book
        self.bookProblems = problems
    }

    // MARK: - Accounts

    /// The account called `name`.
    /// - Throws: ``UIError`` when it is not configured.
    func account(_ name: String) throws -> Account {
        guard let account = settings.accounts[name] else {
            throw UIError("account \"\(name)\" has no settings for sending mail")
        }
        return account
    }

    /// The drafts on disk of account `name`.
    func repository(_ name: String) -> DraftRepository {
        DraftRepository(account: name, environment: settings.environment)
    }

    /// What the UI keeps for composing in `account`: its identities and the alias reader.
    public func context(for name: String) -> ComposeContext? {
        guard let account = settings.accounts[name] else { return nil }
        return ComposeContext(identities: account.identities.map(\.address), reader: book.fieldReader,
                              editHeaders: settings.general.editHeaders)
    }

    // MARK: - Starting

    /// Starts a draft: a new message, a reply, a forward or a message edited as new, saved on disk
    /// before anything else happens.
    ///
    /// - Parameters:
    ///   - request: what to start.
    ///   - backend: the account's backend, to load the original message.
    /// - Throws: ``UIError`` when the message cannot be loaded, a list reply has no list address,
    ///   or the draft cannot be written.
    public func start(_ request: ComposeStart, backend: (any MailBackend)?) async throws -> ComposeOpened {
        let account = try account(request.account)
        var notes: [String] = []
        var signature = ""
        if let source = account.signature {
            do {
                signature = try Signature.load(source)
            } catch {
                notes.append("\(error) The message starts without a signature.")
            }
        }
        let starter = DraftStarter(account: account, options: settings.options, signature: signature)
        var message: Message?
        var location: MessageLocation?
        if let source = request.source {
            guard let backend else { throw UIError("no account \"\(source.folder.account)\"") }
            message = Message(bytes: try await backend.messageBytes(source.uid, in: source.folder.path))
            location = MessageLocation(folder: source.folder.path, uid: source.uid)
        }
        let draft: Draft
        switch request.kind {
        case .new(let to, let subject):
            draft = starter.new(to: to, subject: subject)
        case .reply(let mode):
            guard let message else { throw UIError("there is no message to reply to") }
            do {
                draft = try starter.reply(to: message, mode: mode, location: location)
            } catch let error as ComposeError {
                throw UIError(error.description)
            }
        case .forward(let attached):
            guard let message else { throw UIError("there is no message to forward") }
            draft = starter.forward(message, attached: attached, location: location)
        case .editAsNew(let resume):
            guard let message else { throw UIError("there is no message to edit") }
            draft = starter.editAsNew(message, postponed: resume ? location : nil)
        }
        let session = try repository(account.name).begin(draft)
        register(session)
        return ComposeOpened(id: session.id, draft: session.draft, openEditor: true, notes: notes)
    }

    /// Opens a draft made elsewhere (`tern compose`), saving it on disk first.
    ///
    /// - Throws: ``UIError`` when the account is unknown or the draft cannot be written.
    public func begin(_ draft: Draft) throws -> ComposeOpened {
        _ = try account(draft.account)
        let session = try repository(draft.account).begin(draft)
        register(session)
        return ComposeOpened(id: session.id, draft: session.draft, openEditor: true)
    }

    /// The drafts on disk that no tern has open, in every account, newest first.
    public func recoverable() -> [RecoverableEntry] {
        var entries: [RecoverableEntry] = []
        for name in settings.accounts.keys.sorted() {
            let open = locked { Set(sessions.keys) }
            for draft in (try? repository(name).recoverable()) ?? [] where !open.contains(draft.id) {
                entries.append(RecoverableEntry(account: name, id: draft.id, summary: draft.summary))
            }
        }
        return entries
    }

    /// Takes up a draft left on disk.
    ///
    /// - Throws: ``UIError`` when it is gone or another tern has it open.
    public func resume(_ entry: RecoverableEntry) throws -> ComposeOpened {
        let repository = repository(entry.account)
        guard let found = try repository.recoverable().first(where: { $0.id == entry.id }) else {
            throw UIError("the draft \"\(entry.summary)\" is no longer on disk, or another tern has it open")
        }
        var draft = found.draft
        if found.stateMissing, let account = settings.accounts[entry.account] { draft.from = account.from }
        let session = try repository.resume(found)
        if found.stateMissing { try session.save(draft) }
        register(session)
        return ComposeOpened(id: session.id, draft: session.draft, openEditor: false, notes: found.notes)
    }

    func register(_ session: DraftSession) {
        locked {
            sessions[session.id] = session
            revisions[session.id] = 0
        }
    }

    // MARK: - Editing

    /// Saves `draft` as revision `revision` of draft `id`; an older revision than the one on disk
    /// is ignored (it arrived late).
    ///
    /// - Throws: ``UIError`` when the draft is not open or the disk refuses.
    public func save(_ id: String, _ draft: Draft, revision: Int) throws {
        try locked {
            let session = try session(id)
            guard revision > revisions[id] ?? -1 else { return }
            try session.save(draft)
            revisions[id] = revision
        }
    }

    /// Writes the editor file, runs the editor on it in the foreground, and reads it back. Call
    /// it with the terminal given back (``EventLoop/runSuspended(_:)``).
    ///
    /// - Parameters:
    ///   - id: the draft.
    ///   - draft: the draft as the composer has it (saved first).
    ///   - revision: its revision; the answer's draft is `revision + 1`.
    /// - Returns: the draft read back, or the problems of the file, or why the editor did not run.
    public func runEditor(_ id: String, _ draft: Draft, revision: Int) -> EditorAnswer {
        let prepared: Result<EditorLaunch, Error> = locked {
            Result {
                let session = try session(id)
                let launch = try session.prepareEditor(draft, editor: settings.general.editor,
                                                       editHeaders: settings.general.editHeaders)
                revisions[id] = max(revisions[id] ?? 0, revision)
                return launch
            }
        }
        let launch: EditorLaunch
        switch prepared {
        case .success(let value): launch = value
        case .failure(let error): return EditorAnswer(draft: nil, editorFailure: "\(error)")
        }
        let outcome = EditorRunner.run(launch, environment: settings.environment)
        if outcome.editorMissing {
            let why: String
            if case .notStarted(let reason) = outcome { why = reason } else { why = "\(launch.editor) could not be started" }
            var answer = EditorAnswer(draft: nil, editorFailure: "\(why); set editor = \"...\" in the config or $EDITOR. "
                + "Using the built-in editor: <C-x> or <Esc> finishes")
            answer.editorMissing = true
            return answer
        }
        var notes: [String] = []
        if case .signalled(let signal) = outcome { notes.append("The editor was stopped by signal \(signal); its file was read back as it was.") }
        if case .exited(let status) = outcome, status != 0 { notes.append("The editor exited with status \(status); its file was read back as it was.") }
        return locked {
            do {
                let session = try session(id)
                let result = try session.finishEditor(reader: book.fieldReader, directory: settings.directory)
                revisions[id] = revision + 1
                return EditorAnswer(draft: result.draft, problems: result.problems.map(\.description),
                                    notes: notes + result.notes)
            } catch {
                return EditorAnswer(draft: nil, editorFailure: "\(error)")
            }
        }
    }

    /// Removes draft `id` from disk (aborted on purpose, or nothing written).
    ///
    /// - Throws: ``UIError`` when it cannot be removed.
    public func discard(_ id: String) throws {
        try locked {
            let session = try session(id)
            try session.remove()
            sessions[id] = nil
            revisions[id] = nil
        }
    }

    /// Gives up every open draft's lock, leaving them on disk to be offered back at the next start.
    public func releaseAll() {
        locked {
            for session in sessions.values { session.release() }
            sessions.removeAll()
            revisions.removeAll()
        }
    }

    // MARK: - Completion

    /// Completions of the last entry of an address field, best first.
    public func completeAddresses(_ field: String) -> [String] {
        book.complete(field: field, limit: 20)
    }

    /// Completions of a partly typed path.
    public func completePath(_ typed: String) -> [String] {
        AttachmentPaths.complete(typed, relativeTo: settings.directory, home: settings.home)
    }

    /// The files `text` names (a path or a glob pattern), to attach.
    ///
    /// - Throws: ``UIError`` saying why nothing can be attached.
    public func attachments(for text: String) throws -> [DraftAttachment] {
        do {
            // The type is guessed now from the file's first bytes, as the message builder would, so
            // that the review screen shows the type that is sent.
            return try AttachmentPaths.attachments(for: text, relativeTo: settings.directory, home: settings.home).map { attachment in
                guard attachment.contentType == nil, !attachment.isMessage, case .file(let path) = attachment.source,
                      let handle = FileHandle(forReadingAtPath: path) else { return attachment }
                defer { try? handle.close() }
                let head = (try? handle.read(upToCount: 8192)).map { [UInt8]($0) } ?? []
                var typed = attachment
                typed.contentType = MediaTypes.guess(fileName: attachment.name, content: head[...]).lowercased()
                return typed
            }
        } catch let error as ComposeError {
            throw UIError(error.description)
        }
    }

    // MARK: - Helpers

    func session(_ id: String) throws -> DraftSession {
        guard let session = sessions[id] else { throw UIError("the draft \(id) is not open any more") }
        return session
    }

    /// Takes draft `id` out of the open drafts (it is being sent or postponed).
    func take(_ id: String) -> DraftSession? {
        locked {
            revisions[id] = nil
            return sessions.removeValue(forKey: id)
        }
    }

    /// Puts back a draft taken out when sending or postponing failed.
    func putBack(_ session: DraftSession) {
        locked {
            sessions[session.id] = session
            revisions[session.id] = revisions[session.id] ?? 0
        }
    }

    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// What the UI keeps for composing in an account.
public struct ComposeContext: Sendable {
    /// The sender identities, `from` first.
    public var identities: [Address]
    /// Reads address fields, expanding aliases.
    public var reader: AddressFieldReader
    /// The editor file has the header block (`edit_headers`): `m` asks no To and Subject first.
    public var editHeaders: Bool

    /// A context from its parts.
    public init(identities: [Address], reader: AddressFieldReader = AddressFieldReader(), editHeaders: Bool = false) {
        self.identities = identities
        self.reader = reader
        self.editHeaders = editHeaders
    }
}
