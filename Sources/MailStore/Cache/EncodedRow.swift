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
    /// Where each text column ends in ``text``, by ``Text`` case; negative for NULL. In line
    /// (one allocation less per row): there are fewer columns than lanes.
    private let ends: SIMD16<Int32>

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
        // The columns' bytes written straight into the buffer, in ``Text`` order, as
        // ``CacheCoding`` encodes them (without making each column's string first).
        var writer = ColumnWriter(capacity: (e.subject?.utf8.count ?? 0) * 2 + 64 * (e.from.count + e.to.count + e.cc.count)
                                  + 48 * (1 + e.inReplyTo.count + e.references.count))
        writer.append(keywords)
        writer.append(e.subject ?? "")
        writer.append(CacheCoding.sortSubject(e.subject))
        writer.append(CacheCoding.sortFrom(e.from))
        writer.append(addresses: e.from)
        writer.append(addresses: e.to)
        writer.append(addresses: e.cc)
        writer.append(addresses: e.bcc)
        writer.append(addresses: e.replyTo)
        if let sender = e.sender { writer.append(addresses: CollectionOfOne(sender)) } else { writer.append(addresses: []) }
        writer.append(e.messageID?.value)
        writer.append(ids: e.inReplyTo)
        writer.append(ids: e.references)
        writer.append(RowInserter.unique(ofFile: m.maildirFile).map(String.init))
        writer.append(m.maildirFile)
        self.text = writer.text
        self.ends = writer.ends
    }

    /// Writes text columns one after the other into one buffer, recording where each ends.
    private struct ColumnWriter {
        var text: [UInt8] = []
        var ends = SIMD16<Int32>(repeating: -1)
        /// The column written next.
        private var column = 0

        init(capacity: Int) {
            text.reserveCapacity(capacity)
        }

        /// Ends the current column.
        private mutating func close() {
            ends[column] = Int32(clamping: text.count)
            column += 1
        }

        /// Ends the current column as NULL.
        private mutating func null() {
            ends[column] = -1
            column += 1
        }

        /// A column holding `value`, or NULL.
        mutating func append(_ value: String?) {
            guard let value else { return null() }
            text.append(contentsOf: value.utf8)
            close()
        }

        /// ``CacheCoding/encode(_:)-([Address])``: `name U+001F address`, joined by U+001E, the
        /// separators within the text replaced by U+FFFD.
        mutating func append(addresses: some Collection<Address>) {
            var first = true
            for address in addresses {
                if !first { text.append(0x1E) }
                first = false
                if let name = address.name { appendReplacingSeparators(name) }
                text.append(0x1F)
                appendReplacingSeparators(address.address)
            }
            close()
        }

        /// ``CacheCoding/encode(_:)-([MessageID])``: the ids that are not empty and hold no
        /// space, joined by spaces; NULL when there is none.
        mutating func append(ids: [MessageID]) {
            var first = true
            for id in ids {
                var value = id.value
                value.withUTF8 { utf8 in
                    if utf8.isEmpty || utf8.contains(0x20) { return }
                    if !first { text.append(0x20) }
                    first = false
                    text.append(contentsOf: utf8)
                }
            }
            if first { null() } else { close() }
        }

        /// Appends `value`'s UTF-8, with U+001E and U+001F (the bytes 1E and 1F, which occur in
        /// UTF-8 only as those characters) replaced by U+FFFD.
        private mutating func appendReplacingSeparators(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                guard utf8.contains(where: { $0 == 0x1E || $0 == 0x1F }) else { return text.append(contentsOf: utf8) }
                for byte in utf8 {
                    if byte == 0x1E || byte == 0x1F {
                        text.append(0xEF)
                        text.append(0xBF)
                        text.append(0xBD)
                    } else {
                        text.append(byte)
                    }
                }
            }
        }
    }

    /// True when the row counts as unread (no `\Seen`).
    var isUnread: Bool { flagBits & 1 == 0 }

    /// Calls `body` with the bytes of a text column, or nil for NULL.
    func withText<R>(_ column: Text, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard let range = range(of: column) else { return try body(nil) }
        return try text.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with a function giving each text column's bytes (nil for NULL), all valid
    /// until `body` returns: the cache writer binds them without SQLite copying each one.
    func withTextColumns<R>(_ body: ((Text) -> UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        try text.withUnsafeBytes { all in
            try body { column in range(of: column).map { UnsafeRawBufferPointer(rebasing: all[$0]) } }
        }
    }

    /// Where `column` lies in ``text``; nil when it is NULL.
    private func range(of column: Text) -> Range<Int>? {
        let index = column.rawValue
        let end = Int(ends[index])
        guard end >= 0 else { return nil }
        var start = 0
        var previous = index - 1
        while previous >= 0 {
            if ends[previous] >= 0 {
                start = Int(ends[previous])
                break
            }
            previous -= 1
        }
        return start ..< end
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
