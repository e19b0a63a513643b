/// A file or message to attach to an outgoing message.
public struct OutgoingAttachment: Sendable, Hashable {
    /// What is attached.
    public enum Content: Sendable, Hashable {
        /// File bytes, sent base64.
        case file([UInt8])
        /// A whole message (forward as attachment), sent as `message/rfc822`, 7bit or 8bit.
        case message([UInt8])
    }

    /// The file name shown to the recipient (any Unicode; RFC 2231-encoded when not ASCII).
    public var filename: String
    /// The content.
    public var content: Content
    /// The MIME type; guessed from the name and the bytes when nil.
    public var contentType: String?
    /// `inline` instead of `attachment`.
    public var inline: Bool
    /// A Content-ID (without brackets) for inline images referenced from HTML.
    public var contentID: String?

    /// An attachment.
    public init(filename: String, content: Content, contentType: String? = nil, inline: Bool = false, contentID: String? = nil) {
        self.filename = filename
        self.content = content
        self.contentType = contentType
        self.inline = inline
        self.contentID = contentID
    }

    /// A file attachment from bytes.
    public static func file(_ name: String, _ data: [UInt8], contentType: String? = nil) -> OutgoingAttachment {
        OutgoingAttachment(filename: name, content: .file(data), contentType: contentType)
    }

    /// The MIME type that will be written.
    public var resolvedType: String {
        switch content {
        case .message: return "message/rfc822"
        case .file(let data): return (contentType ?? MediaTypes.guess(fileName: filename, content: data.prefix(8192))).lowercased()
        }
    }
}

/// A built message: the bytes to send or store and what the SMTP envelope needs.
public struct BuiltMessage: Sendable {
    /// The message, CRLF line ends.
    public let bytes: [UInt8]
    /// The Message-ID written.
    public let messageID: MessageID
    /// The envelope sender (`MAIL FROM`), the From address in ASCII form.
    public let envelopeSender: String
    /// Every recipient for `RCPT TO` (To, Cc and Bcc; Bcc is not in the message), duplicates
    /// removed, in ASCII form.
    public let envelopeRecipients: [String]
    /// True when the message has non-ASCII addresses or headers and needs SMTPUTF8 (RFC 6531)
    /// for its non-ASCII local parts.
    public let needsSMTPUTF8: Bool
}
