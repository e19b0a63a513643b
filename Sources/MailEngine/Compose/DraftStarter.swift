import Foundation
import MailCore
import TernConfig

/// Starts drafts: new messages, replies, forwards, messages edited as new, `mailto:` links.
///
/// The starter is pure: the caller loads the signature (``Signature/load(_:timeout:)``) and the
/// original message, so that every layout is tested without files or processes.
public struct DraftStarter: Sendable {
    /// The account the drafts are sent from.
    public var account: Account
    /// Layout choices.
    public var options: ComposeOptions
    /// The signature's text (empty for none).
    public var signature: String

    /// A starter for `account`.
    public init(account: Account, options: ComposeOptions = ComposeOptions(), signature: String = "") {
        self.account = account
        self.options = options
        self.signature = signature
    }

    /// Which recipients a reply goes to.
    public enum ReplyMode: Sendable, Hashable {
        /// The sender (Reply-To, else From).
        case sender
        /// The sender and every recipient.
        case all
        /// The mailing list (`List-Post`).
        case list
    }

    private var signatureLines: [String] { Signature.lines(signature, dashes: options.signatureDashes) }

    // MARK: - New

    /// A new, empty message (`m`, `tern compose`), with the signature.
    public func new(to: [Address] = [], cc: [Address] = [], bcc: [Address] = [], subject: String = "",
                    body: String? = nil, attachments: [DraftAttachment] = []) -> Draft {
        var draft = Draft(account: account.name, from: account.from, to: to, cc: cc, bcc: bcc, subject: subject,
                          attachments: attachments, flowed: options.flowed, kind: .new)
        var layout = DraftLayout.new(signature: signatureLines)
        if let body, !body.isEmpty { layout.above = body.bodyLines }
        (draft.body, draft.cursorLine) = layout.render()
        return draft
    }

    /// A new message filled in from a `mailto:` link.
    public func new(mailto url: MailtoURL) -> Draft {
        var draft = new(to: url.to, cc: url.cc, bcc: url.bcc, subject: url.subject ?? "", body: url.body)
        draft.inReplyTo = url.inReplyTo
        draft.references = url.references
        return draft
    }

    // MARK: - Replies

    /// A reply to `message` (`r`, `g`, `L`).
    ///
    /// The sender is the identity the original was addressed to (To, Cc, Delivered-To,
    /// X-Original-To), else the account's `from`. Recipients, subject and ids are
    /// ``ReplyBuilder/reply(to:from:identities:all:text:quotedText:)``'s; a list reply goes to the
    /// `List-Post` address only.
    ///
    /// - Parameters:
    ///   - message: the original.
    ///   - mode: who the reply goes to.
    ///   - location: where the original is, to flag it `\Answered` once the reply is sent.
    /// - Throws: ``ComposeError/noListPost`` or ``ComposeError/listPostingNotAllowed`` for a list
    ///   reply to a message without a usable `List-Post`.
    public func reply(to message: Message, mode: ReplyMode, location: MessageLocation? = nil) throws -> Draft {
        let identity = Self.identity(for: message.header, in: account)
        var listAddresses: [Address] = []
        if mode == .list {
            switch ListPost.parse(message.header) {
            case .addresses(let addresses): listAddresses = addresses
            case .notAllowed: throw ComposeError.listPostingNotAllowed
            case nil: throw ComposeError.noListPost
            }
        }
        let built = ReplyBuilder.reply(to: message, from: identity, identities: account.identities.map(\.address),
                                       all: mode == .all, quotedText: "")
        var draft = Draft(account: account.name, from: identity, to: built.to, cc: built.cc, subject: built.subject,
                          inReplyTo: built.inReplyTo, references: built.references, flowed: options.flowed,
                          answering: location)
        switch mode {
        case .sender: draft.kind = .reply
        case .all: draft.kind = .groupReply
        case .list:
            draft.kind = .listReply
            draft.to = listAddresses
            draft.cc = []
        }
        let text = QuotedText.of(message, width: options.quoteWidth)
        let quote = [ReplyBuilder.attribution(message.envelope, header: message.header)]
            + (text.isEmpty ? [] : ReplyBuilder.quote(text).bodyLines)
        let signature = options.signatureOnReplies ? signatureLines : []
        (draft.body, draft.cursorLine) = DraftLayout.reply(quote: quote, signature: signature, style: options.replyStyle).render()
        return draft
    }

    // MARK: - Forwards

    /// A forward of `message`: its text inline under a `Forwarded message` block with its
    /// attachments attached again (`f`), or the whole message attached as `message/rfc822` (`F`).
    ///
    /// - Parameter location: where the original is, to flag it `$Forwarded` once this is sent.
    public func forward(_ message: Message, attached: Bool, location: MessageLocation? = nil) -> Draft {
        let identity = Self.identity(for: message.header, in: account)
        let built: MessageBuilder
        var forwarded: [String] = []
        if attached {
            built = ReplyBuilder.forwardAsAttachment(message, from: identity)
        } else {
            built = ReplyBuilder.forwardInline(message, from: identity, quotedText: QuotedText.of(message, width: options.quoteWidth))
            forwarded = built.text.bodyLines
        }
        var draft = Draft(account: account.name, from: identity, subject: built.subject, flowed: options.flowed,
                          kind: attached ? .forwardAttached : .forward, answering: location)
        draft.attachments = built.attachments.map(Self.draftAttachment)
        let signature = options.signatureOnForwards ? signatureLines : []
        (draft.body, draft.cursorLine) = DraftLayout.forward(forwarded: forwarded, signature: signature).render()
        return draft
    }

    // MARK: - Edit as new, resume

    /// A draft from a message as it stands (`e` on a sent message or a draft): its sender (when
    /// it is one of the account's identities), recipients, subject, ids, text and attachments; a
    /// new Message-ID and Date are made at sending.
    ///
    /// - Parameters:
    ///   - message: the message.
    ///   - postponed: where the message is when it is a postponed draft being resumed; it is then
    ///     removed from there once the new one is sent or postponed.
    public func editAsNew(_ message: Message, postponed: MessageLocation? = nil) -> Draft {
        let header = message.header
        let envelope = message.envelope
        // The sender is the identity the message was from; a message from someone else (edited as
        // new rather than forwarded) is sent as the identity it was addressed to, never as them.
        let from = envelope.from.lazy.compactMap { address in
            account.identities.first(where: { $0.address.isSameMailbox(as: address) })?.address
        }.first ?? Self.identity(for: header, in: account)
        var draft = Draft(account: account.name, from: from,
                          to: envelope.to.filter(\.isUsable), cc: envelope.cc.filter(\.isUsable),
                          bcc: envelope.bcc.filter(\.isUsable), replyTo: envelope.replyTo.filter(\.isUsable),
                          subject: envelope.subject ?? "", inReplyTo: header.inReplyTo, references: header.references,
                          kind: postponed == nil ? .editAsNew : .resumed, postponedCopy: postponed)
        let textParts = message.bodyParts(preferring: .plainText)
        if let first = textParts.first, first.part.contentType.subtype == "plain" {
            draft.flowed = first.part.contentType[parameter: "format"]?.lowercased() == "flowed"
        }
        var body = QuotedText.of(message, width: options.quoteWidth)
        if !body.isEmpty { body += "\n" }
        draft.body = body
        draft.cursorLine = 1
        draft.attachments = message.attachments(preferring: .plainText).map { numbered in
            let part = numbered.part
            let name = part.filename ?? SafeFileName.make(nil, mimeType: part.contentType.mimeType)
            if part.embeddedMessage != nil {
                return DraftAttachment.bytes(Array(part.rawBody), name: name, isMessage: true)
            }
            return DraftAttachment.bytes(part.decodedBody(), name: name, contentType: part.contentType.mimeType)
        }
        return draft
    }

    /// A message taken back from the outbox (``OutboxQueue/holdForEditing(_:)``) as a draft: its
    /// headers, text and attachments as they were queued, its From kept as written, and the Bcc
    /// recipients the outbox kept (the message itself carries none).
    ///
    /// - Parameters:
    ///   - message: the queued message.
    ///   - bcc: the entry's Bcc recipients.
    ///   - entry: the outbox entry's id, removed once the new draft is queued or postponed.
    public func fromOutbox(_ message: Message, bcc: [String], entry: String) -> Draft {
        var draft = editAsNew(message)
        if let from = message.envelope.from.first(where: \.isUsable) { draft.from = from }
        var seen = Set(draft.bcc.map { $0.address.lowercased() })
        for address in bcc.compactMap(Address.parse) where address.isUsable && seen.insert(address.address.lowercased()).inserted {
            draft.bcc.append(address)
        }
        draft.kind = .fromOutbox
        draft.outboxEntry = entry
        return draft
    }

    // MARK: - Helpers

    /// The identity a reply or forward of a message with `header` is sent as: the first identity
    /// among the message's To, Cc, Delivered-To and X-Original-To, else the account's `from`.
    public static func identity(for header: HeaderSection, in account: Account) -> Address {
        let addressed = header.addresses("To") + header.addresses("Cc")
            + header.all("Delivered-To").compactMap { Address.parse($0.value()) }
            + header.all("X-Original-To").compactMap { Address.parse($0.value()) }
        for address in addressed where address.isUsable {
            if let identity = account.identities.first(where: { $0.address.isSameMailbox(as: address) }) {
                return identity.address
            }
        }
        return account.from
    }

    static func draftAttachment(_ attachment: OutgoingAttachment) -> DraftAttachment {
        switch attachment.content {
        case .file(let data):
            return .bytes(data, name: attachment.filename, contentType: attachment.contentType)
        case .message(let data):
            return .bytes(data, name: attachment.filename, isMessage: true)
        }
    }
}
