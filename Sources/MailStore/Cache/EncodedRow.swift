import Foundation
import MailCore

/// A message row with its values already encoded as the `message` table stores them: numbers,
/// and the text columns one after the other in a single byte buffer.
///
/// A sync makes these on its fetching tasks, so the one cache writer only binds bytes
/// (``CacheWriter/insertFetched(_:in:)-(EncodedRow)``), and a row waiting for the writer holds
/// two buffers instead of an ``Envelope``'s arrays and strings (a first sync of 100,000
/// messages keeps thousands waiting).
public struct EncodedRow: Sendable {
    /// The text columns, in the buffer's order.
    enum Text: Int, CaseIterable {
        case keywords, subject, sortSubject, sortFrom, from, to, cc, bcc, replyTo, sender, messageID, inReplyTo, references,
             maildirUnique, maildirFile
    }

    /// The row's uid (``CachedMessage/uid``).
    public let uid: UID
    let flagBits: Int64
    let modSeq: Int64?
    let size: Int64
    let received: Double?
    let date: Double?
    let sortDate: Double
    let hasAttachments: Bool
    let hasAttachmentsIsExact: Bool
    /// The text columns' UTF-8, concatenated.
    private let text: [UInt8]
    /// Where each text column ends in ``text``, by ``Text`` case; negative for NULL.
    private let ends: [Int32]

    /// The row of `message` (its own uid).
    public init(_ message: CachedMessage) {
        self.init(message, uid: message.uid)
    }

    /// The row of `message` under `uid`.
    public init(_ m: CachedMessage, uid: UID) {
        self.uid = uid
        let (bits, keywords) = CacheCoding.encode(m.flags)
        let e = m.envelope
        flagBits = bits
        modSeq = m.modSeq.map { Int64(bitPattern: $0) }
        size = Int64(m.size)
        received = m.receivedDate?.timeIntervalSince1970
        date = e.date?.timeIntervalSince1970
        sortDate = date ?? received ?? 0
        hasAttachments = m.hasAttachments
        hasAttachmentsIsExact = m.hasAttachmentsIsExact
        let values: [String?] = [
            keywords, e.subject ?? "", CacheCoding.sortSubject(e.subject), CacheCoding.sortFrom(e.from),
            CacheCoding.encode(e.from), CacheCoding.encode(e.to), CacheCoding.encode(e.cc), CacheCoding.encode(e.bcc),
            CacheCoding.encode(e.replyTo), CacheCoding.encode(e.sender.map { [$0] } ?? []), e.messageID?.value,
            CacheCoding.encode(e.inReplyTo), CacheCoding.encode(e.references),
            RowInserter.unique(ofFile: m.maildirFile).map(String.init), m.maildirFile,
        ]
        var text: [UInt8] = []
        text.reserveCapacity(values.reduce(0) { $0 + ($1?.utf8.count ?? 0) })
        var ends: [Int32] = []
        ends.reserveCapacity(values.count)
        for value in values {
            if let value {
                text.append(contentsOf: value.utf8)
                ends.append(Int32(clamping: text.count))
            } else {
                ends.append(-1)
            }
        }
        self.text = text
        self.ends = ends
    }

    /// True when the row counts as unread (no `\Seen`).
    var isUnread: Bool { flagBits & 1 == 0 }

    /// Calls `body` with the bytes of a text column, or nil for NULL.
    func withText<R>(_ column: Text, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        let index = column.rawValue
        let end = Int(ends[index])
        guard end >= 0 else { return try body(nil) }
        var start = 0
        var previous = index - 1
        while previous >= 0 {
            if ends[previous] >= 0 {
                start = Int(ends[previous])
                break
            }
            previous -= 1
        }
        return try text.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start ..< end])) }
    }

    /// A text column as a string, or nil for NULL.
    func string(_ column: Text) -> String? {
        withText(column) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The message the row stands for, as the cache reads it back (see
    /// ``CacheWriter/message(from:)``).
    public var cachedMessage: CachedMessage {
        let subject = string(.subject) ?? ""
        let sender = CacheCoding.decodeAddresses(string(.sender) ?? "")
        let envelope = Envelope(
            subject: subject.isEmpty ? nil : subject,
            from: CacheCoding.decodeAddresses(string(.from) ?? ""), sender: sender.first,
            replyTo: CacheCoding.decodeAddresses(string(.replyTo) ?? ""),
            to: CacheCoding.decodeAddresses(string(.to) ?? ""), cc: CacheCoding.decodeAddresses(string(.cc) ?? ""),
            bcc: CacheCoding.decodeAddresses(string(.bcc) ?? ""),
            date: date.map(Date.init(timeIntervalSince1970:)),
            messageID: string(.messageID).map(MessageID.init),
            inReplyTo: CacheCoding.decodeIDs(string(.inReplyTo)), references: CacheCoding.decodeIDs(string(.references)))
        return CachedMessage(
            uid: uid, envelope: envelope, flags: CacheCoding.decodeFlags(bits: flagBits, keywords: string(.keywords)),
            size: Int(size), receivedDate: received.map(Date.init(timeIntervalSince1970:)),
            hasAttachments: hasAttachments, hasAttachmentsIsExact: hasAttachmentsIsExact,
            modSeq: modSeq.map { UInt64(bitPattern: $0) }, maildirFile: string(.maildirFile))
    }
}
