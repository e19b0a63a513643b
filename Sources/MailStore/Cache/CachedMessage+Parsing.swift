import Foundation
import MailCore

extension CachedMessage {
    /// The cache entry of a message from the start of its file (see `MessageFileReader`).
    ///
    /// When the chunk is the whole message, it is parsed whole and ``hasAttachments`` is exact
    /// (MailCore's attachment rules). Otherwise only what was read is parsed: attachments seen in
    /// those bytes count; beyond them the top-level type decides: a `multipart/mixed` message
    /// (also inside `multipart/signed`) or a single non-text part counts as having attachments,
    /// anything else as not. Opening the message later corrects the guess.
    /// - Parameters:
    ///   - chunk: The bytes read.
    ///   - uid: The uid to give the entry (ignored by `CacheWriter.insertNew`).
    ///   - flags: The message's flags (from its Maildir name).
    ///   - maildirFile: Its path in the folder, `cur/NAME:2,S` or `new/NAME`.
    ///
    /// The header section is parsed first, alone; the rest is parsed only when the top-level type
    /// has parts (`multipart/*`, an embedded message). A single-part message's attachment answer
    /// depends on its header only, so most messages never have their body parsed.
    public init(chunk: HeaderChunk, uid: UID = UID(0), flags: Set<Flag>, maildirFile: String?) {
        let message = Self.parse(chunk)
        let complete = chunk.isComplete
        let seen = !message.attachments().isEmpty
        self.init(uid: uid, envelope: message.envelope, flags: flags, size: chunk.fileSize, receivedDate: chunk.modified,
                  hasAttachments: seen || (!complete && Self.probablyHasAttachments(message.root)),
                  hasAttachmentsIsExact: complete, maildirFile: maildirFile)
    }

    /// The cache entry of a whole message (an append, or a file opened in full).
    public init(bytes: [UInt8], uid: UID = UID(0), flags: Set<Flag>, receivedDate: Date?, maildirFile: String?) {
        let message = Message(bytes: bytes)
        self.init(uid: uid, envelope: message.envelope, flags: flags, size: bytes.count, receivedDate: receivedDate,
                  hasAttachments: !message.attachments().isEmpty, hasAttachmentsIsExact: true, maildirFile: maildirFile)
    }

    /// The message of a chunk: its header section alone when the top-level part is a leaf
    /// (whose attachment answer depends on its header only), else the whole chunk.
    static func parse(_ chunk: HeaderChunk) -> Message {
        guard let end = chunk.bodyStart, end < chunk.bytes.count else { return Message(bytes: chunk.bytes) }
        let head = Message(bytes: Array(chunk.bytes[..<end]))
        let type = head.root.contentType
        if type.isMultipart || type.isEmbeddedMessage || !head.root.isLeaf { return Message(bytes: chunk.bytes) }
        return head
    }

    /// The guess for the unread rest of a message, from its top-level structure.
    static func probablyHasAttachments(_ root: MIMEPart) -> Bool {
        let type = root.contentType
        if type.isMultipart {
            switch type.subtype {
            case "mixed": return true
            case "signed": return root.parts.first.map { $0.contentType.mimeType == "multipart/mixed" } ?? false
            default: return false
            }
        }
        return !type.isText && !type.isEmbeddedMessage
    }
}
