import Foundation
import MailCore

/// A message being written: everything the composer, the editor file, the drafts on disk and the
/// final ``MessageBuilder`` need.
///
/// A draft is a plain value. It is saved to disk (``DraftRepository``) before the editor opens and
/// after it closes, so that a crash of the terminal never loses it.
public struct Draft: Sendable, Hashable, Codable {
    /// The account it is sent from (`[accounts.NAME]`).
    public var account: String
    /// The sender: one of the account's identities (or any address the user typed in From).
    public var from: Address
    /// Primary recipients.
    public var to: [Address]
    /// Copy recipients.
    public var cc: [Address]
    /// Blind recipients.
    public var bcc: [Address]
    /// Where replies should go; empty for none.
    public var replyTo: [Address]
    /// The subject.
    public var subject: String
    /// In-Reply-To ids (RFC 5322 §3.6.4).
    public var inReplyTo: [MessageID]
    /// References ids (RFC 5322 §3.6.4).
    public var references: [MessageID]
    /// The text the user writes, lines ending in LF.
    public var body: String
    /// Attachments in order.
    public var attachments: [DraftAttachment]
    /// Send the text as `format=flowed` (RFC 3676).
    public var flowed: Bool
    /// How the draft was started.
    public var kind: DraftKind
    /// The line of ``body`` (from 1) where the editor should put the cursor the first time.
    public var cursorLine: Int?
    /// The message this one answers, flagged `\Answered` once this one is sent.
    public var answering: MessageLocation?
    /// The copy of this draft in the account's Drafts folder (a resumed postponed message), removed
    /// once this one is sent or postponed again.
    public var postponedCopy: MessageLocation?
    /// The id of the outbox message this draft was taken from (edited from the outbox view): it is
    /// held there meanwhile, and removed once this one is queued or postponed.
    public var outboxEntry: String?

    /// A draft from its fields; most start empty.
    public init(account: String, from: Address, to: [Address] = [], cc: [Address] = [], bcc: [Address] = [],
                replyTo: [Address] = [], subject: String = "", inReplyTo: [MessageID] = [],
                references: [MessageID] = [], body: String = "", attachments: [DraftAttachment] = [],
                flowed: Bool = false, kind: DraftKind = .new, cursorLine: Int? = nil,
                answering: MessageLocation? = nil, postponedCopy: MessageLocation? = nil, outboxEntry: String? = nil) {
        self.account = account
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.subject = subject
        self.inReplyTo = inReplyTo
        self.references = references
        self.body = body
        self.attachments = attachments
        self.flowed = flowed
        self.kind = kind
        self.cursorLine = cursorLine
        self.answering = answering
        self.postponedCopy = postponedCopy
        self.outboxEntry = outboxEntry
    }

    /// Every recipient (To, Cc, Bcc) in order.
    public var recipients: [Address] { to + cc + bcc }

    /// True when the user has written nothing yet that would be lost by discarding it: no
    /// recipient, no subject, no attachment, and a body equal to `template` (what the draft
    /// started with).
    public func isUntouched(comparedTo template: Draft) -> Bool {
        var a = self
        var b = template
        a.cursorLine = nil
        b.cursorLine = nil
        return a == b
    }
}

/// How a draft was started; the composer's title and the status line name it.
public enum DraftKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A new message (`m`, `tern compose`, a `mailto:` link).
    case new
    /// A reply to the sender (`r`).
    case reply
    /// A reply to the sender and every recipient (`g`).
    case groupReply = "group-reply"
    /// A reply to the mailing list (`L`).
    case listReply = "list-reply"
    /// A forward with the text inline (`f`).
    case forward
    /// A forward with the original attached whole (`F`).
    case forwardAttached = "forward-attached"
    /// A draft or sent message edited as a new one (`e`).
    case editAsNew = "edit-as-new"
    /// A postponed message taken up again from the Drafts folder.
    case resumed
    /// A message taken back from the outbox to be changed (`e` in the outbox view).
    case fromOutbox = "from-outbox"

    /// `Reply`, `Forward`, ... for the composer's title.
    public var title: String {
        switch self {
        case .new: return "New message"
        case .reply: return "Reply"
        case .groupReply: return "Reply to all"
        case .listReply: return "Reply to list"
        case .forward: return "Forward"
        case .forwardAttached: return "Forward as attachment"
        case .editAsNew: return "Edit as new"
        case .resumed: return "Postponed message"
        case .fromOutbox: return "Message from the outbox"
        }
    }
}

/// Where a message is: its folder and its id there.
public struct MessageLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The folder.
    public var folder: MailboxPath
    /// The message's id in the folder.
    public var uid: UID

    /// A location from its parts.
    public init(folder: MailboxPath, uid: UID) {
        self.folder = folder
        self.uid = uid
    }

    /// `Folder/uid`.
    public var description: String { "\(folder) #\(uid)" }
}
