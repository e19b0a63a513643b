import MailCore
import MailEngine

/// How a message is started from the UI.
public enum ComposeStartKind: Hashable, Sendable {
    /// A new message to these recipients with this subject (`m`).
    case new(to: [Address], subject: String)
    /// A reply (`r`, `gr`, `L`) to the message.
    case reply(DraftStarter.ReplyMode)
    /// A forward of the message, its text inline (`f`) or the whole message attached (`F`).
    case forward(attached: Bool)
    /// The message edited as a new one (`e`); `resume` when it is a postponed draft whose copy in
    /// the Drafts folder goes once the new one is sent or postponed again.
    case editAsNew(resume: Bool)
}

/// A request to start a draft in an account, from a message or from nothing.
public struct ComposeStart: Hashable, Sendable {
    /// The account the draft is sent from.
    public var account: String
    /// What to start.
    public var kind: ComposeStartKind
    /// The message it starts from (replies, forwards, edit as new).
    public var source: MessageReference?

    /// A request from its parts.
    public init(account: String, kind: ComposeStartKind, source: MessageReference? = nil) {
        self.account = account
        self.kind = kind
        self.source = source
    }
}

/// A draft opened in the composer: its id on disk and the draft as saved.
public struct ComposeOpened: Hashable, Sendable {
    /// The draft's id on disk.
    public var id: String
    /// The draft as saved.
    public var draft: Draft
    /// Whether the editor should open at once (new drafts yes; recovered ones show the review
    /// screen first).
    public var openEditor: Bool
    /// What to tell the user (a signature that could not be read, a recovery note).
    public var notes: [String]

    /// An opened draft.
    public init(id: String, draft: Draft, openEditor: Bool, notes: [String] = []) {
        self.id = id
        self.draft = draft
        self.openEditor = openEditor
        self.notes = notes
    }
}

/// A draft left on disk by an earlier tern (or an aborted editor), offered back by `recall-postponed`.
public struct RecoverableEntry: Hashable, Sendable {
    /// The account.
    public var account: String
    /// The draft's id on disk.
    public var id: String
    /// `Subject (to bob@example.org)`.
    public var summary: String
}

/// How an editor run ended.
public struct EditorAnswer: Hashable, Sendable {
    /// The draft read back (saved), or nil when the file had problems (it reopens as it is).
    public var draft: Draft?
    /// The problems of the file, `line N: ...`.
    public var problems: [String]
    /// Notes on what was read (an attachment line that did not match, ...).
    public var notes: [String]
    /// The editor could not be started: why.
    public var editorFailure: String?
    /// No editor could be started at all: the built-in editor takes over.
    public var editorMissing = false

    /// An answer from its parts.
    public init(draft: Draft?, problems: [String] = [], notes: [String] = [], editorFailure: String? = nil) {
        self.draft = draft
        self.problems = problems
        self.notes = notes
        self.editorFailure = editorFailure
    }
}

/// What a run of the outbox did, for the status line and the log.
public struct OutboxReport: Hashable, Sendable {
    /// The account.
    public var account: String
    /// Messages the server took in this run.
    public var sent: Int
    /// What went wrong, one line each (the message stays in the outbox).
    public var errors: [String]
    /// What did not stop the message but should be known (no Sent copy yet, ...).
    public var warnings: [String]
    /// Entries still in the outbox afterwards.
    public var remaining: Int
}
