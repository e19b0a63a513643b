import Foundation
import MailCore

/// One message as the header cache holds it: what the message list shows and what sync and
/// threading need, without the body.
public struct CachedMessage: Sendable, Hashable {
    /// The message's id within its folder (IMAP UID, or the number the cache gave a Maildir file).
    public var uid: UID
    /// Subject, addresses, date and ids, decoded.
    public var envelope: Envelope
    /// Current flags.
    public var flags: Set<Flag>
    /// Size of the whole message in bytes (the file's size for Maildir, RFC822.SIZE for IMAP).
    public var size: Int
    /// When the message arrived (Maildir file time, IMAP INTERNALDATE).
    public var receivedDate: Date?
    /// True when the message has at least one attachment (see ``hasAttachmentsIsExact``).
    public var hasAttachments: Bool
    /// True when ``hasAttachments`` comes from parsing the whole message; false when it was guessed
    /// from the header section and the first bytes of the body (a large `multipart/mixed` message
    /// counts as having attachments until it is opened).
    public var hasAttachmentsIsExact: Bool
    /// The CONDSTORE modification sequence (RFC 7162), when the server gives one.
    public var modSeq: UInt64?
    /// For Maildir: the file's path relative to its folder, `cur/UNIQUE:2,FLAGS` or `new/UNIQUE`.
    public var maildirFile: String?

    /// A cached message from its fields.
    public init(uid: UID, envelope: Envelope, flags: Set<Flag>, size: Int, receivedDate: Date?, hasAttachments: Bool,
                hasAttachmentsIsExact: Bool = true, modSeq: UInt64? = nil, maildirFile: String? = nil) {
        self.uid = uid
        self.envelope = envelope
        self.flags = flags
        self.size = size
        self.receivedDate = receivedDate
        self.hasAttachments = hasAttachments
        self.hasAttachmentsIsExact = hasAttachmentsIsExact
        self.modSeq = modSeq
        self.maildirFile = maildirFile
    }

    /// The Maildir file's unique name (the part of ``maildirFile`` before `:`), if any.
    public var maildirUnique: String? {
        guard let file = maildirFile else { return nil }
        let name = file.split(separator: "/", maxSplits: 1).last.map(String.init) ?? file
        return name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
    }
}

/// The little a threading pass needs about one cached message.
public struct CachedThreadingRow: Sendable, Hashable {
    /// The message's uid in its folder.
    public var uid: UID
    /// Its Message-ID.
    public var messageID: MessageID?
    /// The ids of `In-Reply-To`.
    public var inReplyTo: [MessageID]
    /// The ids of `References`, oldest first.
    public var references: [MessageID]
    /// The subject as written (decoded).
    public var subject: String
    /// The sort date (Date header, else received date).
    public var date: Date?

    /// A row from its fields.
    public init(uid: UID, messageID: MessageID?, inReplyTo: [MessageID], references: [MessageID], subject: String, date: Date?) {
        self.uid = uid
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.subject = subject
        self.date = date
    }
}
