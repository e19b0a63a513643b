import MailCore

/// One row of the attachment screen: a part of the message, with what a person needs to pick it.
public struct AttachmentRow: Sendable, Hashable {
    /// The IMAP section number (`2`, `3.1`).
    public var number: String
    /// How deep it is in the tree (0 for top-level parts), for indenting.
    public var depth: Int
    /// `type/subtype`.
    public var mimeType: String
    /// The decoded size (estimated for base64 from the encoded length).
    public var size: Int
    /// The file name (sanitised), or nil.
    public var filename: String?
    /// The `charset` parameter (sanitised), or nil.
    public var charset: String?
    /// True for a multipart container (it has no bytes of its own to save or open).
    public var isContainer: Bool
    /// True for a part the viewer shows as text.
    public var isShownAsText: Bool
    /// The subject of an embedded message.
    public var subject: String?

    /// The name a saved file gets before it is made safe: the file name, else the embedded
    /// message's subject with `.eml`, else nil (a generated name).
    public var proposedName: String? {
        if let filename { return filename }
        if let subject, !subject.isEmpty { return subject + ".eml" }
        return nil
    }
}

/// The parts of a message for the attachment screen (`v`): every part of the tree in order.
public enum ReaderAttachments {
    /// Every part of `message`: multipart containers included (marked), embedded messages as one
    /// row followed by their own parts.
    ///
    /// - Parameter preferHTML: which alternative the viewer shows (to mark the part shown as text).
    public static func rows(of message: Message, preferHTML: Bool) -> [AttachmentRow] {
        let shown = Set(message.bodyParts(preferring: preferHTML ? .html : .plainText).map(\.number))
        var rows: [AttachmentRow] = []
        for (number, part) in message.numberedParts {
            var row = AttachmentRow(
                number: number, depth: number.split(separator: ".").count - 1, mimeType: part.contentType.mimeType,
                size: part.isLeaf ? ReaderText.decodedSize(part) : part.rawBody.count,
                filename: part.filename.map { ReaderText.clean($0) }, charset: part.charset.map { ReaderText.clean($0) },
                isContainer: part.contentType.isMultipart && !part.parts.isEmpty,
                isShownAsText: shown.contains(number), subject: nil)
            if let inner = part.embeddedMessage {
                row.subject = inner.header.text("Subject").map { ReaderText.clean($0) }
                row.isContainer = false
            }
            rows.append(row)
        }
        return rows
    }

    /// The bytes to save or open for a row: the decoded body of a leaf, the whole embedded message
    /// of a `message/rfc822` part; nil for a container or an unknown number.
    public static func bytes(of number: String, in message: Message) -> [UInt8]? {
        guard let part = message.part(number: number) else { return nil }
        if part.embeddedMessage != nil { return Array(part.rawBody) }
        guard part.isLeaf else { return nil }
        return part.decodedBody()
    }

    /// The `Content-Type` parameters of a part (names in lower case), for mailcap.
    public static func parameters(of number: String, in message: Message) -> [String: String] {
        guard let part = message.part(number: number) else { return [:] }
        var result: [String: String] = [:]
        for p in part.contentType.parameters where result[p.name] == nil { result[p.name] = p.value }
        return result
    }
}
