import Foundation
import MailCore

/// Turns a draft into a message: the ``MessageBuilder`` for it (attachment files read now), the
/// message to send, or the message to keep in the Drafts folder when it is postponed.
public enum DraftMessage {
    /// The builder for `draft`, with every attachment's bytes.
    ///
    /// - Parameter extraHeaders: more fields (`User-Agent`, ...).
    /// - Throws: ``ComposeError/attachmentUnreadable(name:path:reason:)`` when an attached file
    ///   cannot be read.
    public static func builder(for draft: Draft, extraHeaders: [(name: String, value: String)] = []) throws -> MessageBuilder {
        var builder = MessageBuilder(from: draft.from)
        builder.to = draft.to
        builder.cc = draft.cc
        builder.bcc = draft.bcc
        builder.replyTo = draft.replyTo
        builder.subject = draft.subject
        builder.inReplyTo = draft.inReplyTo
        builder.references = draft.references
        builder.text = draft.body
        builder.formatFlowed = draft.flowed
        builder.extraHeaders = extraHeaders
        builder.attachments = try draft.attachments.map { try $0.outgoing() }
        return builder
    }

    /// The message to send.
    ///
    /// - Throws: ``ComposeError`` when an attachment cannot be read or the message cannot be
    ///   built (an invalid address, no recipient, a control character in a field).
    public static func build(_ draft: Draft, extraHeaders: [(name: String, value: String)] = []) throws -> (builder: MessageBuilder, message: BuiltMessage) {
        let builder = try builder(for: draft, extraHeaders: extraHeaders)
        do {
            return (builder, try builder.build())
        } catch let error as BuildError {
            throw ComposeError.build(error)
        }
    }

    /// The message to keep in the Drafts folder: like the one to send but with Bcc written and no
    /// recipient needed. Taken up again with ``DraftStarter/editAsNew(_:postponed:)``.
    ///
    /// - Throws: ``ComposeError`` as ``build(_:extraHeaders:)`` does (except for no recipients).
    public static func postponed(_ draft: Draft) throws -> [UInt8] {
        var builder = try builder(for: draft)
        builder.isDraft = true
        do {
            return try builder.build().bytes
        } catch let error as BuildError {
            throw ComposeError.build(error)
        }
    }
}
