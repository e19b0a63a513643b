import Foundation
import IMAP
import MailCore
import MailStore

/// What a sync fetches for each message, and its conversion into a cache row.
enum IMAPFetchConversion {
    /// Header fields fetched besides ENVELOPE: References for threading (ENVELOPE has only
    /// In-Reply-To) and Content-Type for the attachment guess (cheaper than BODYSTRUCTURE).
    static let extraFields = ["REFERENCES", "CONTENT-TYPE"]
    static let extraSection = SectionSpecifier.headerFields(extraFields)

    /// The items of a message-list row: UID, FLAGS, RFC822.SIZE, INTERNALDATE, ENVELOPE, the
    /// extra header fields, and MODSEQ when the server keeps mod-sequences.
    static func items(modSeq: Bool) -> [FetchAttribute] {
        FetchAttribute.envelopeItems + [.body(extraSection, peek: true)] + (modSeq ? [.modSeq] : [])
    }

    /// The cache row of a fetched message; nil without a UID (never for a UID FETCH). A message
    /// whose ENVELOPE could not be read still gets a row (with an empty envelope), so the cache
    /// knows every UID.
    static func cached(_ message: FetchedMessage) -> CachedMessage? {
        guard let uid = message.uid else { return nil }
        var envelope = message.envelope?.mailEnvelope() ?? Envelope()
        var hasAttachments = false
        if let header = message.body(extraSection), !header.isEmpty {
            let fields = HeaderFieldScan(header)
            if let references = fields.value("references") {
                envelope.references = MessageIDList.parse(String(decoding: references, as: UTF8.self))
            }
            if let type = fields.value("content-type") { hasAttachments = probablyHasAttachments(contentType: type) }
        }
        return CachedMessage(uid: uid, envelope: envelope, flags: message.mailFlags ?? [], size: message.size ?? 0,
                             receivedDate: message.internalDate?.date, hasAttachments: hasAttachments,
                             hasAttachmentsIsExact: false, modSeq: message.modSeq)
    }

    /// The attachment guess from the top-level Content-Type (as the Maildir scan guesses from a
    /// message's start): `multipart/mixed` or a single part that is not text nor a message
    /// counts as having attachments. Opening the message replaces the guess.
    static func probablyHasAttachments(contentType: ArraySlice<UInt8>) -> Bool {
        var mime: [UInt8] = []
        for byte in contentType {
            if byte == UInt8(ascii: ";") { break }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { continue }
            mime.append(byte | 0x20)
        }
        let text = String(decoding: mime, as: UTF8.self)
        if text.hasPrefix("multipart/") { return text == "multipart/mixed" }
        if text.isEmpty || text.hasPrefix("text/") || text.hasPrefix("message/") { return false }
        return text.contains("/")
    }
}

/// The unfolded values of the fields of a small header section (the answer to
/// `BODY.PEEK[HEADER.FIELDS (...)]`), found by a single pass over the bytes.
struct HeaderFieldScan {
    private var fields: [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []

    init(_ bytes: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            var end = index
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(bytes[start ..< end])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        var current: (name: ArraySlice<UInt8>, value: [UInt8])?
        for line in lines {
            if line.isEmpty { break }
            if let first = line.first, first == 0x20 || first == 0x09 {
                current?.value.append(0x20)
                current?.value.append(contentsOf: line.drop { $0 == 0x20 || $0 == 0x09 })
                continue
            }
            if let done = current { fields.append((done.name, done.value[...])) }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                current = nil
                continue
            }
            current = (line[line.startIndex ..< colon], Array(line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }))
        }
        if let done = current { fields.append((done.name, done.value[...])) }
    }

    /// The value of the first field called `name` (lower case), if any.
    func value(_ name: String) -> ArraySlice<UInt8>? {
        let wanted = Array(name.utf8)
        return fields.first { field in
            field.name.count == wanted.count && zip(field.name, wanted).allSatisfy { ($0 | 0x20) == $1 }
        }?.value
    }
}
