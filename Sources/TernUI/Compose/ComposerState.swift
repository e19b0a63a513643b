import MailCore
import MailEngine
import TerminalKit

/// The review screen of one draft: the draft as the composer has it, what it started as, and the
/// selected attachment.
public struct ComposerState: Sendable {
    /// The draft's id on disk.
    public var id: String
    /// The draft.
    public var draft: Draft
    /// The draft as it was started, to tell whether anything was written.
    public var template: Draft
    /// Bumped at every change; saves carry it so that a late one never undoes a newer one.
    public var revision = 0
    /// The selected attachment, if any.
    public var selected: Int?
    /// The editor has run at least once.
    public var edited = false
    /// Sending or postponing runs: the screen waits (the text says which).
    public var busy: String?
    /// The problems of the editor file, shown on the screen until the next edit.
    public var problems: [String] = []
    /// The built-in editor, open when no external editor could be started.
    public var builtIn: BuiltInEditorState?

    /// The review screen of a draft just opened.
    public init(id: String, draft: Draft) {
        self.id = id
        self.draft = draft
        self.template = draft
        self.selected = draft.attachments.isEmpty ? nil : 0
    }

    /// Whether the user wrote anything that discarding would lose.
    public var isUntouched: Bool { draft.isUntouched(comparedTo: template) && problems.isEmpty }

    /// Changes the draft, bumps the revision and keeps the selection in range.
    mutating func change(_ body: (inout Draft) -> Void) {
        body(&draft)
        revision += 1
        let count = draft.attachments.count
        if count == 0 {
            selected = nil
        } else {
            selected = min(max(selected ?? 0, 0), count - 1)
        }
    }
}

/// The composer's state that outlives one draft: what each account composes with, the drafts left
/// on disk by an earlier tern, and what waits in the outboxes.
public struct ComposeState: Sendable {
    /// Set up (``ComposeEffect/setUp`` answered).
    public var isReady = false
    /// Each account's identities and alias reader.
    public var contexts: [String: ComposeContext] = [:]
    /// Drafts found on disk, offered by `recall-postponed`.
    public var recoverable: [RecoverableEntry] = []
    /// `m` asked for To: what was typed, while it asks for Subject.
    public var pendingTo: [Address]?
    /// The account `m` composes in.
    public var pendingAccount: String?
    /// Accounts whose outbox is being sent.
    public var sending: Set<String> = []
    /// A draft to open at start (`tern compose`); tern ends once it is sent, postponed or aborted.
    public var initialDraft: Draft? {
        didSet { quitWhenDone = initialDraft != nil || quitWhenDone }
    }
    /// End tern when the last review screen closes (and its message is sent).
    public var quitWhenDone = false

    /// Creates the empty state.
    public init() {}
}
