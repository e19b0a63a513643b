import Foundation
import GRDB
import MailCore

/// Row encoding and decoding shared by the reader and the writer.
extension CacheWriter {
    static let mailboxColumns = "id, path, uidvalidity, uidnext, highestmodseq, new_mtime, cur_mtime, complete"

    static let messageColumns = """
        uid, flags, keywords, modseq, size, received, date, subject, addr_from, addr_to, addr_cc, addr_bcc, \
        addr_reply_to, addr_sender, message_id, in_reply_to, refs, has_attachments, has_attachments_exact, maildir_file
        """

    static let insertColumns = """
        mailbox_id, uid, flags, keywords, modseq, size, received, date, sort_date, subject, sort_subject, sort_from, \
        addr_from, addr_to, addr_cc, addr_bcc, addr_reply_to, addr_sender, message_id, in_reply_to, refs, \
        has_attachments, has_attachments_exact, maildir_unique, maildir_file
        """

    static let upsertAssignments = insertColumns.split(separator: ",")
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .filter { $0 != "mailbox_id" && $0 != "uid" }
        .map { "\($0) = excluded.\($0)" }
        .joined(separator: ", ")

    static let insertPlaceholders = Array(repeating: "?", count: 25).joined(separator: ", ")

    static func mailbox(_ path: MailboxPath, db: Database) throws -> CacheMailbox? {
        let statement = try db.cachedStatement(sql: "SELECT \(mailboxColumns) FROM mailbox WHERE path = ?")
        return try Row.fetchOne(statement, arguments: [CacheCoding.encode(path)]).map(mailbox(from:))
    }

    static func mailbox(from row: Row) -> CacheMailbox {
        let newTime: Int64? = row[5]
        let curTime: Int64? = row[6]
        let times = MaildirDirectoryTimes(new: newTime, cur: curTime)
        let modseq: Int64? = row[4]
        return CacheMailbox(id: row[0], path: CacheCoding.decodePath(row[1]),
                            uidValidity: UInt32(truncatingIfNeeded: row[2] as Int64),
                            uidNext: UInt32(truncatingIfNeeded: row[3] as Int64),
                            highestModSeq: modseq.map { UInt64(bitPattern: $0) }, directoryTimes: times,
                            isComplete: row[7])
    }

    static func message(from row: Row) -> CachedMessage {
        let uid: Int64 = row[0]
        let received: Double? = row[5]
        let date: Double? = row[6]
        let modseq: Int64? = row[3]
        let subject: String = row[7]
        let messageID: String? = row[14]
        let sender = CacheCoding.decodeAddresses(row[13])
        let envelope = Envelope(
            subject: subject.isEmpty ? nil : subject,
            from: CacheCoding.decodeAddresses(row[8]), sender: sender.first,
            replyTo: CacheCoding.decodeAddresses(row[12]),
            to: CacheCoding.decodeAddresses(row[9]), cc: CacheCoding.decodeAddresses(row[10]),
            bcc: CacheCoding.decodeAddresses(row[11]),
            date: date.map(Date.init(timeIntervalSince1970:)),
            messageID: messageID.map(MessageID.init),
            inReplyTo: CacheCoding.decodeIDs(row[15]), references: CacheCoding.decodeIDs(row[16]))
        return CachedMessage(
            uid: UID(UInt32(truncatingIfNeeded: uid)), envelope: envelope,
            flags: CacheCoding.decodeFlags(bits: row[1], keywords: row[2]),
            size: row[4], receivedDate: received.map(Date.init(timeIntervalSince1970:)),
            hasAttachments: row[17], hasAttachmentsIsExact: row[18],
            modSeq: modseq.map { UInt64(bitPattern: $0) }, maildirFile: row[19])
    }

    static func arguments(_ m: CachedMessage, uid: UID, mailbox: CacheMailbox) -> StatementArguments {
        let (bits, keywords) = CacheCoding.encode(m.flags)
        let e = m.envelope
        let sortDate = e.date?.timeIntervalSince1970 ?? m.receivedDate?.timeIntervalSince1970 ?? 0
        func value(_ text: String?) -> DatabaseValue { text?.databaseValue ?? .null }
        func value(_ number: Double?) -> DatabaseValue { number?.databaseValue ?? .null }
        // Homogeneous [DatabaseValue]: cheaper to bind than an array of existentials (a first scan
        // inserts 100,000 rows).
        let values: [DatabaseValue] = [
            mailbox.id.databaseValue, Int64(uid.value).databaseValue, bits.databaseValue, value(keywords),
            m.modSeq.map { Int64(bitPattern: $0).databaseValue } ?? .null, m.size.databaseValue,
            value(m.receivedDate?.timeIntervalSince1970), value(e.date?.timeIntervalSince1970), sortDate.databaseValue,
            (e.subject ?? "").databaseValue, CacheCoding.sortSubject(e.subject).databaseValue,
            CacheCoding.sortFrom(e.from).databaseValue,
            CacheCoding.encode(e.from).databaseValue, CacheCoding.encode(e.to).databaseValue,
            CacheCoding.encode(e.cc).databaseValue, CacheCoding.encode(e.bcc).databaseValue,
            CacheCoding.encode(e.replyTo).databaseValue, CacheCoding.encode(e.sender.map { [$0] } ?? []).databaseValue,
            value(e.messageID?.value), value(CacheCoding.encode(e.inReplyTo)), value(CacheCoding.encode(e.references)),
            m.hasAttachments.databaseValue, m.hasAttachmentsIsExact.databaseValue, value(m.maildirUnique), value(m.maildirFile),
        ]
        return StatementArguments(values)
    }
}
