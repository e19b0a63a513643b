import Foundation
import MailCore
@testable import MailStore

/// Builders of cached messages and message files for the cache tests.
enum CacheFixtures {
    /// A cached message with the given fields (uid 0 unless given).
    static func message(uid: UInt32 = 0, subject: String, from: String = "Ann <ann@example.org>", to: String = "bob@example.org",
                        date: Date?, flags: Set<Flag> = [], size: Int = 1000, attachments: Bool = false,
                        file: String? = nil) -> CachedMessage {
        let envelope = Envelope(subject: subject, from: Address.parseList(from), to: Address.parseList(to), date: date,
                                messageID: MessageID("\(subject.hashValue)@example.org"))
        return CachedMessage(uid: UID(uid), envelope: envelope, flags: flags, size: size, receivedDate: date,
                             hasAttachments: attachments, maildirFile: file)
    }

    /// The bytes of a simple message file.
    static func file(subject: String, from: String = "Ann <ann@example.org>", date: String = "Mon, 2 Mar 2026 10:00:00 +0000",
                     messageID: String? = nil, body: String = "Hello.\r\n", extraHeaders: String = "") -> [UInt8] {
        var text = "From: \(from)\r\nTo: Bob <bob@example.org>\r\nSubject: \(subject)\r\nDate: \(date)\r\n"
        text += "Message-ID: <\(messageID ?? UUID().uuidString + "@example.org")>\r\n\(extraHeaders)\r\n\(body)"
        return Array(text.utf8)
    }

    /// A date `days` days after 2026-01-01.
    static func day(_ days: Double) -> Date {
        Date(timeIntervalSince1970: 1_767_225_600 + days * 86_400)
    }
}
