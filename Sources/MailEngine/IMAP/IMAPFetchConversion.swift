import Foundation
import IMAP
import MailCore
import MailStore

/// What a sync fetches for each message, and its conversion into a cache row.
enum IMAPFetchConversion {
    /// The header fields of a message-list row: those of an ENVELOPE (RFC 9051 §7.5.2), plus
    /// References for threading and Content-Type for the attachment guess.
    static let fields = ["DATE", "FROM", "SENDER", "REPLY-TO", "TO", "CC", "BCC", "SUBJECT", "MESSAGE-ID", "IN-REPLY-TO",
                         "REFERENCES", "CONTENT-TYPE"]
    static let section = SectionSpecifier.headerFields(fields)

    /// The items of a message-list row: UID, FLAGS, RFC822.SIZE and the header fields as they are
    /// (`BODY.PEEK[HEADER.FIELDS (...)]`), decoded here by MailCore like a Maildir file's header.
    ///
    /// Not ENVELOPE: the server would parse the same fields into its own structure first. Dovecot
    /// 2.3 on a 100,000-message Maildir folder, three connections at once, answered these items in
    /// 4.8 s with its cache empty and 1.7 s with it filled, against 6.5 s and 2.6 s for ENVELOPE
    /// plus References and Content-Type.
    ///
    /// No MODSEQ: a resync needs only the folder's HIGHESTMODSEQ, which SELECT reports (RFC 7162
    /// §3.1.2.1; the flags fetched after that SELECT are at least that new). Per message it is
    /// costly on Dovecot 2.3: a `UID FETCH 1:*` on that folder took 24 s with MODSEQ and 11 s
    /// without (one connection, empty server cache), 5.3 s and 3.5 s with the cache filled.
    ///
    /// No INTERNALDATE: a row sorts by its Date header, and the arrival date only stands in for a
    /// missing or unreadable one. The sync fetches it afterwards for those rows alone
    /// (``IMAPBackend/fillArrivalDates(of:box:on:)``). On Dovecot it costs a `stat` of every message
    /// file the server has not cached it for: whole headers of 103,600 messages on three
    /// connections, server cache empty, took 2.32 s without it and 2.76 s with it (FLAGS and
    /// RFC822.SIZE together cost about 0.15 s).
    static let items: [FetchAttribute] = [.uid, .flags, .rfc822Size, .body(section, peek: true)]

    /// The whole header section, `BODY.PEEK[HEADER]`: what ``HeaderFetch/whole`` asks for.
    static let wholeSection = SectionSpecifier.header

    /// The items of a message-list row with the whole header instead of the fields (see
    /// ``HeaderFetch``); ``cached(_:)`` keeps the fields of ``fields`` from it.
    static let wholeItems: [FetchAttribute] = [.uid, .flags, .rfc822Size, .body(wholeSection, peek: true)]

    /// The items for a way of fetching the header (``HeaderFetch/automatic`` starts with the fields).
    static func items(for mode: HeaderFetch) -> [FetchAttribute] {
        mode == .whole ? wholeItems : items
    }

    /// Keeps the fields of ``fields`` out of a whole header section.
    static let filter = HeaderFieldFilter(fields)

    /// The cache row of a fetched message; nil without a UID (never for a UID FETCH). A message
    /// whose header could not be read still gets a row (with what could be read, or an empty
    /// envelope), so the cache knows every UID. A server that sent an ENVELOPE instead of the
    /// header fields gets its ENVELOPE used.
    static func cached(_ message: FetchedMessage) -> CachedMessage? {
        guard let uid = message.uid else { return nil }
        var envelope = Envelope()
        var hasAttachments = false
        // The one section asked for (looked up by its key only when the server sent more): the
        // fields as they came, or the row's fields kept out of the whole header.
        var header: [UInt8]?
        if message.sections.count == 1, let only = message.sections.first {
            header = only.key.section == wholeSection ? filter.keep(only.value) : only.value
        } else if let fields = message.body(section) {
            header = fields
        } else if let whole = message.body(wholeSection) {
            header = filter.keep(whole)
        }
        if let header, !header.isEmpty {
            // The header section alone (no MIME parse of a whole message), and Content-Type read
            // from its bytes: parsing it whole (type and parameters) cost a first sync of 100,000
            // messages 0.8 s of its 3 s of header decoding, for an answer that needs only the
            // media type.
            let section = HeaderSection(parsing: header)
            envelope = Envelope(header: section)
            if let contentType = section.first("content-type") {
                hasAttachments = probablyHasAttachments(contentType: contentType.rawValue)
            }
        } else if let fetched = message.envelope {
            envelope = fetched.mailEnvelope()
        }
        return CachedMessage(uid: uid, envelope: envelope, flags: message.mailFlags ?? [], size: message.size ?? 0,
                             receivedDate: message.internalDate?.date, hasAttachments: hasAttachments,
                             hasAttachmentsIsExact: false, modSeq: message.modSeq)
    }

    /// The attachment guess from the top-level Content-Type (as the Maildir scan guesses from a
    /// message's start): `multipart/mixed` or a single part that is not text nor a message
    /// counts as having attachments. Opening the message replaces the guess.
    static func probablyHasAttachments(contentType: ArraySlice<UInt8>) -> Bool {
        // The media type read in place (white space and folds skipped, lower-cased as it goes),
        // without making a String of it: a first sync asks this of every message.
        var length = 0
        var slash = false
        var isMultipart = true, isMixed = true, isText = true, isMessage = true
        for byte in contentType {
            if byte == UInt8(ascii: ";") { break }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { continue }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower == UInt8(ascii: "/") { slash = true }
            isMultipart = isMultipart && (length >= Self.multipart.count || Self.multipart[length] == lower)
            isMixed = isMixed && length < Self.mixed.count && Self.mixed[length] == lower
            isText = isText && (length >= Self.text.count || Self.text[length] == lower)
            isMessage = isMessage && (length >= Self.message.count || Self.message[length] == lower)
            length += 1
        }
        if isMultipart && length >= Self.multipart.count { return isMixed && length == Self.mixed.count }
        if length == 0 || (isText && length >= Self.text.count) || (isMessage && length >= Self.message.count) { return false }
        return slash
    }

    private static let multipart = Array("multipart/".utf8)
    private static let mixed = Array("multipart/mixed".utf8)
    private static let text = Array("text/".utf8)
    private static let message = Array("message/".utf8)

}
