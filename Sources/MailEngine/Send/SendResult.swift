import Foundation
import MailStore

/// What the send pipeline did with one outbox entry.
public struct SendResult: Sendable {
    /// What happened.
    public enum Outcome: Sendable {
        /// The server accepted the message now; the Sent copy went as ``SentCopyOutcome`` says.
        case sent(SubmissionReceipt, sentCopy: SentCopyOutcome)
        /// The message had been sent before; its Sent copy was tried again.
        case sentCopyRetried(SentCopyOutcome)
        /// Not sent for now; it stays queued and is tried again at the date (never for a
        /// problem only the user can fix: then the date is nil and `tern outbox flush` retries).
        case willRetry(SendFailure, at: Date?)
        /// Refused for good; kept as failed until the user edits, retries or deletes it.
        case failed(SendFailure)
        /// Left alone (not due, failed earlier, gone, or the session broke before its turn).
        case skipped(String)
    }

    /// The entry as it is now on disk (or as it was last, when it was removed).
    public var entry: OutboxEntry
    /// What happened.
    public var outcome: Outcome

    /// True when the server accepted the message in this run.
    public var wasAccepted: Bool {
        if case .sent = outcome { return true }
        return false
    }
}

/// What became of a Sent copy.
public enum SentCopyOutcome: Sendable, Hashable {
    /// Stored; the message left the outbox.
    case stored
    /// It cannot be made yet (the reason); the message stays in the outbox, marked sent.
    case waiting(String)
    /// It failed (the reason); it is tried again at the date. The message is never sent again.
    case failed(String, retryAt: Date)
}
