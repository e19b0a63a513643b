import Foundation
import MailCore

/// What the viewer shows of a message, before it is laid out for a width: header blocks, text
/// parts, one-line markers for the other parts, embedded messages and notes, in document order.
///
/// Building it decodes the text parts only (never an attachment's bytes), so a 20 MB message with
/// ten attachments costs the parse and its few text parts.
public struct ReaderContent: Sendable {
    /// The blocks in document order.
    public var blocks: [ReaderBlock]
    /// The representation chosen in `multipart/alternative`.
    public var preference: BodyPreference
    /// True when some `multipart/alternative` offers both plain text and HTML (toggling shows the other).
    public var hasOtherAlternative: Bool

    /// The content of `message`.
    ///
    /// - Parameters:
    ///   - message: the parsed message.
    ///   - preferHTML: show the HTML alternative of `multipart/alternative` rather than plain text.
    public init(message: Message, preferHTML: Bool) {
        var builder = ReaderContentBuilder(preference: preferHTML ? .html : .plainText)
        builder.build(message)
        blocks = builder.blocks
        preference = builder.preference
        hasOtherAlternative = builder.hasOtherAlternative
    }

    /// The blocks of the text parts.
    public var textParts: [ReaderPartText] {
        blocks.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }
}

/// One block of ``ReaderContent``.
public enum ReaderBlock: Sendable {
    /// The header of the message (depth 0) or of an embedded message (depth 1 and more).
    case header(ReaderHeader)
    /// A text part.
    case text(ReaderPartText)
    /// A part that is not shown as text: `[2] report.pdf application/pdf 240 KB`.
    case marker(ReaderPartMarker)
    /// The start of an embedded `message/rfc822` part (its marker line).
    case embeddedStart(ReaderPartMarker)
    /// The end of an embedded message.
    case embeddedEnd(number: String, depth: Int)
    /// Something the reader should know: a malformed part, a broken charset.
    case note(String, depth: Int)
}

/// The header fields of a message, decoded and sanitised for display.
public struct ReaderHeader: Sendable {
    /// 0 for the message, 1 and more for embedded messages.
    public var depth: Int
    /// `From`.
    public var from: String
    /// `To`.
    public var to: String
    /// `Cc`.
    public var cc: String
    /// The `Date` field's time, nil when missing or unreadable.
    public var date: Date?
    /// The `Date` field as written, when it could not be read.
    public var rawDate: String?
    /// `Subject`.
    public var subject: String
    /// Every field, in order: name and decoded value.
    public var allFields: [(name: String, value: String)]

    /// The header of a part's header section.
    init(_ header: HeaderSection, depth: Int) {
        self.depth = depth
        let envelope = Envelope(header: header)
        func addresses(_ list: [Address]) -> String {
            ReaderText.clean(list.map(\.description).joined(separator: ", "))
        }
        from = addresses(envelope.from)
        to = addresses(envelope.to)
        cc = addresses(envelope.cc)
        date = envelope.date
        rawDate = envelope.date == nil ? header.text("Date").map { ReaderText.clean($0) } : nil
        subject = ReaderText.clean(envelope.subject ?? "")
        allFields = header.fields.map { (ReaderText.clean($0.name), ReaderText.clean($0.text())) }
    }
}

/// A part shown as text.
public struct ReaderPartText: Sendable {
    /// How the text is laid out.
    public enum Kind: Sendable, Hashable {
        /// Plain text: lines kept, long ones wrapped.
        case plain
        /// `format=flowed` (RFC 3676): paragraphs reflowed to the width.
        case flowed(delSp: Bool)
        /// HTML, rendered to text for the width.
        case html
    }

    /// The IMAP section number (`1`, `2.1`).
    public var number: String
    /// `type/subtype`.
    public var mimeType: String
    /// How to lay it out.
    public var kind: Kind
    /// The decoded text as UTF-8 (LF line ends; no control characters but LF and TAB; invalid
    /// sequences are replaced when read as a `String`).
    public var bytes: [UInt8]
    /// The decoded text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// 0 for the message, 1 and more inside embedded messages.
    public var depth: Int
}

/// A part shown as one line.
public struct ReaderPartMarker: Sendable, Hashable {
    /// The IMAP section number.
    public var number: String
    /// The file name (sanitised), or nil.
    public var filename: String?
    /// `type/subtype`.
    public var mimeType: String
    /// The decoded size, estimated from the encoded one (exact for 7bit, 8bit and binary).
    public var size: Int
    /// The `charset` parameter, if any.
    public var charset: String?
    /// 0 for the message, 1 and more inside embedded messages.
    public var depth: Int
    /// The subject of an embedded message.
    public var subject: String?

    /// `[2] report.pdf application/pdf 240 KB`.
    public var text: String {
        var parts = ["[\(number)]"]
        if let filename { parts.append(filename) }
        if let subject, !subject.isEmpty { parts.append("\"\(subject)\"") }
        parts.append(mimeType)
        parts.append(ReaderText.size(size))
        if let charset, mimeType.hasPrefix("text/") { parts.append("charset=\(charset)") }
        return parts.joined(separator: " ")
    }
}
