import MailCore
import MailEngine

/// A request of the composer to the world (an ``Effect/compose(_:)``).
public enum ComposeEffect: Hashable, Sendable {
    /// Learn the accounts' identities and aliases, the drafts left on disk and the outboxes.
    case setUp
    /// Start a draft.
    case start(ComposeStart)
    /// Take up a draft left on disk.
    case resume(RecoverableEntry)
    /// Open the composer on a draft made elsewhere (`tern compose`), saving it on disk first.
    case begin(Draft)
    /// Run the editor on the draft (on the UI thread, the terminal given back).
    case edit(id: String, Draft, revision: Int)
    /// Save the draft on disk.
    case save(id: String, Draft, revision: Int)
    /// Put the message in the outbox, then send it.
    case send(id: String, Draft)
    /// Store the message in the Drafts folder.
    case postpone(id: String, Draft)
    /// Delete the draft from disk.
    case discard(id: String)
    /// Attach the files a path or pattern names.
    case attach(id: String, text: String)
    /// Complete an address field or a path at the prompt.
    case complete(ComposeCompletion, text: String)
    /// Resend a message unchanged to the addresses typed.
    case bounce(MessageReference, to: String)
    /// Send what waits in an account's outbox (`dueOnly`: only what is due for a retry, as at start).
    case flush(account: String, dueOnly: Bool = false)
    /// List every account's outbox (the outbox view).
    case listOutbox
    /// Make an outbox message due now, then send the account's outbox.
    case retryOutbox(account: String, id: String)
    /// Delete an outbox message without sending it.
    case deleteOutbox(account: String, id: String)
    /// Take an outbox message back into the composer (held in the outbox meanwhile).
    case editOutbox(account: String, id: String)

    /// Whether it needs the terminal (the editor runs in the foreground).
    public var usesTerminal: Bool {
        if case .edit = self { return true }
        return false
    }
}

/// What is completed at a composer prompt.
public enum ComposeCompletion: Hashable, Sendable {
    /// An address field, from the address book.
    case address
    /// A file path.
    case path
}

/// An answer to a ``ComposeEffect`` (an ``AppMessage/compose(_:)``).
public enum ComposeAnswer: Sendable {
    /// The accounts' compose contexts, the drafts left on disk, the outbox counts and problems.
    case ready(contexts: [String: ComposeContext], recoverable: [RecoverableEntry], outbox: [String: Int], problems: [String])
    /// A draft was started or resumed (or why not).
    case opened(Result<ComposeOpened, UIError>)
    /// The editor ended.
    case edited(id: String, revision: Int, EditorAnswer)
    /// Saving failed (the composer says so; the previous save stays on disk).
    case saveFailed(id: String, UIError)
    /// The message is in the outbox (the warnings), or why not.
    case queued(id: String, account: String, Result<[String], UIError>)
    /// The message is in the Drafts folder, or why not.
    case postponed(id: String, Result<(folder: MailboxPath, warnings: [String]), UIError>)
    /// The draft was removed from disk, or why not.
    case discarded(id: String, Result<Void, UIError>)
    /// Files to attach, or why not.
    case attached(id: String, Result<[DraftAttachment], UIError>)
    /// Completions for `text`.
    case completions(ComposeCompletion, text: String, [String])
    /// The bounced message is queued, or why not.
    case bounced(account: String, Result<Void, UIError>)
    /// The outbox ran.
    case flushed(OutboxReport)
    /// The outboxes' messages, for the outbox view.
    case outboxListed(OutboxListingAnswer)
    /// An outbox message was made due (then the outbox is sent), or why not.
    case outboxRetried(account: String, Result<Void, UIError>)
    /// An outbox message was deleted, or why not.
    case outboxDeleted(account: String, Result<Void, UIError>)
}
