import Foundation

/// One message in an account's outbox and what is known about its sending: the envelope (Bcc
/// included, which the message bytes do not hold), where it stands, and the server's last words.
///
/// Stored as a small JSON file beside the message (see ``Outbox``); the message bytes stay in the
/// outbox Maildir. Dates are kept to the second.
public struct OutboxEntry: Sendable, Hashable, Codable {
    /// Where a message stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting to be sent: new, or after a temporary failure (4yz, a network error, a timeout);
        /// retried at ``OutboxEntry/nextAttempt``.
        case queued
        /// Refused for good (5yz, or a problem only the user can fix): kept with the server's
        /// words until the user edits, retries or deletes it.
        case failed
        /// The server accepted it (250 after DATA); only the Sent copy is still to be made. It is
        /// never submitted again.
        case sentCopyPending = "sent-copy-pending"
    }

    /// The entry's short id (8 hex digits), as `tern outbox` shows it.
    public var id: String
    /// The file name of the message in the outbox Maildir (`new/NAME`).
    public var messageFile: String
    /// The account (`[accounts.NAME]`).
    public var account: String
    /// The envelope sender (MAIL FROM).
    public var sender: String
    /// Every envelope recipient: To, Cc and Bcc.
    public var recipients: [String]
    /// The recipients among ``recipients`` that were Bcc (for the Bcc field of the Sent copy).
    public var bcc: [String]
    /// Send to the accepted recipients when some are refused (`tern send --partial`).
    public var allowPartial: Bool
    /// Where it stands.
    public var status: Status
    /// How many times submission was tried.
    public var attempts: Int
    /// When to try again (queued: submission; sent-copy-pending: the Sent copy); nil for now.
    public var nextAttempt: Date?
    /// What went wrong last, in the server's words (never a secret).
    public var lastError: String?
    /// Which step failed last (`connect`, `AUTH`, `RCPT TO`, `end of DATA`, `Sent copy`, ...).
    public var lastErrorStep: String?
    /// Extra information for the user (refused recipients of a partial send, why the Sent copy
    /// waits).
    public var note: String?
    /// When the message was queued (to the second).
    public var created: Date
    /// When the server accepted it, once it has.
    public var sentAt: Date?
    /// How many times the Sent copy was tried.
    public var sentCopyAttempts: Int
    /// The message's Subject (for listings).
    public var subject: String
    /// The message's Message-ID, without brackets, when it has one.
    public var messageID: String?
    /// The size of the message file in bytes.
    public var size: Int

    /// A new queued entry.
    public init(
        id: String, messageFile: String, account: String, sender: String, recipients: [String], bcc: [String] = [],
        allowPartial: Bool = false, subject: String = "", messageID: String? = nil, size: Int, created: Date = Date()
    ) {
        self.id = id
        self.messageFile = messageFile
        self.account = account
        self.sender = sender
        self.recipients = recipients
        self.bcc = bcc
        self.allowPartial = allowPartial
        self.status = .queued
        self.attempts = 0
        self.nextAttempt = nil
        self.lastError = nil
        self.lastErrorStep = nil
        self.note = nil
        // Whole seconds: the JSON file keeps dates to the second.
        self.created = Date(timeIntervalSince1970: created.timeIntervalSince1970.rounded(.down))
        self.sentAt = nil
        self.sentCopyAttempts = 0
        self.subject = subject
        self.messageID = messageID
        self.size = size
    }

    /// True when the entry should be tried at `now`: queued or sent-copy-pending and due.
    public func isDue(at now: Date) -> Bool {
        guard status != .failed else { return false }
        return (nextAttempt ?? .distantPast) <= now
    }
}

/// What a new outbox message needs besides its bytes.
public struct OutboxSubmission: Sendable, Hashable {
    /// The account.
    public var account: String
    /// The envelope sender.
    public var sender: String
    /// Every envelope recipient (To, Cc, Bcc).
    public var recipients: [String]
    /// The Bcc recipients among them.
    public var bcc: [String]
    /// Send to the accepted recipients when some are refused.
    public var allowPartial: Bool
    /// The Subject, for listings.
    public var subject: String
    /// The Message-ID without brackets, if any.
    public var messageID: String?

    /// A submission from its parts.
    public init(account: String, sender: String, recipients: [String], bcc: [String] = [], allowPartial: Bool = false,
                subject: String = "", messageID: String? = nil) {
        self.account = account
        self.sender = sender
        self.recipients = recipients
        self.bcc = bcc
        self.allowPartial = allowPartial
        self.subject = subject
        self.messageID = messageID
    }
}
