import Foundation
import MailCore
import MailEngine

/// A message of a ``FakeMailBackend``: its summary, and its text (rendered to bytes on demand, so a
/// folder of 100,000 fake messages is quick to make).
public struct FakeMessage: Sendable {
    /// What the list shows.
    public var summary: MailEngine.MessageSummary
    /// The body text.
    public var body: String
    /// The message exactly as stored, for messages appended or made from bytes (``bytes`` returns
    /// it as it is); nil for messages made from fields.
    public var raw: [UInt8]?

    /// A message from its summary and body.
    public init(summary: MailEngine.MessageSummary, body: String) {
        self.summary = summary
        self.body = body
    }

    /// A message made from a few fields.
    public init(uid: UInt32, from: String, to: String = "Alice <alice@example.test>", subject: String, date: Date,
                flags: Set<Flag> = [], size: Int? = nil, attachments: Bool = false, messageID: String? = nil,
                inReplyTo: String? = nil, references: [String] = [], body: String = "Hello.\n") {
        let fromAddress = Address.parse(from) ?? Address(address: from)
        let toAddress = Address.parse(to) ?? Address(address: to)
        self.init(uid: uid, from: fromAddress, to: toAddress, subject: subject, date: date, flags: flags, size: size,
                  attachments: attachments, messageID: messageID, inReplyTo: inReplyTo, references: references, body: body)
    }

    /// A message made from a few fields, the addresses already parsed.
    public init(uid: UInt32, from: Address, to: Address, subject: String, date: Date, flags: Set<Flag> = [], size: Int? = nil,
                attachments: Bool = false, messageID: String? = nil, inReplyTo: String? = nil, references: [String] = [],
                body: String = "Hello.\n") {
        let id = messageID ?? "m\(uid)@fake.example"
        let envelope = Envelope(subject: subject, from: [from], to: [to], date: date, messageID: MessageID(id),
                                inReplyTo: inReplyTo.map { [MessageID($0)] } ?? [], references: references.map(MessageID.init))
        self.body = body
        summary = MailEngine.MessageSummary(uid: UID(uid), envelope: envelope, flags: flags, size: size ?? 400 + body.utf8.count,
                                            hasAttachments: attachments, receivedDate: date)
    }

    /// A message from its bytes (as an APPEND stores it), with `uid`, `flags` and `date`.
    public init(raw: [UInt8], uid: UInt32, flags: Set<Flag>, date: Date) {
        let envelope = Message(bytes: raw).envelope
        self.body = ""
        self.raw = raw
        summary = MailEngine.MessageSummary(uid: UID(uid), envelope: envelope, flags: flags, size: raw.count,
                                            hasAttachments: false, receivedDate: date)
    }

    /// The whole message: ``raw`` when it was made from bytes, else a plain-text RFC 5322 message
    /// with the summary's fields.
    public var bytes: [UInt8] {
        if let raw { return raw }
        let e = summary.envelope
        var text = "From: \(e.from.map(\.description).joined(separator: ", "))\r\n"
        text += "To: \(e.to.map(\.description).joined(separator: ", "))\r\n"
        text += "Subject: \(e.subject ?? "")\r\n"
        if let date = e.date { text += "Date: \(MailDate(date: date, zoneOffset: 0).rfc5322)\r\n" }
        if let id = e.messageID { text += "Message-ID: \(id.bracketed)\r\n" }
        if let parent = e.inReplyTo.first { text += "In-Reply-To: \(parent.bracketed)\r\n" }
        if !e.references.isEmpty { text += "References: \(e.references.map(\.bracketed).joined(separator: " "))\r\n" }
        text += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        text += body.replacingOccurrences(of: "\n", with: "\r\n")
        return Array(text.utf8)
    }

    /// `count` generated messages, one a minute back from `newest`: senders, subjects and flags
    /// cycle so that every row differs (every 7th unread, every 11th flagged, every 13th with an
    /// attachment).
    public static func generated(count: Int, newest: Date = Date(timeIntervalSince1970: 1_790_000_000), firstUID: UInt32 = 1) -> [FakeMessage] {
        let people = [("Ann Archer", "ann"), ("Bob Baker", "bob"), ("Chloé Durand", "chloe"), ("Dmitri Ivanov", "dmitri"),
                      ("Eve Evans", "eve"), ("陳大文", "chen")].map { Address(name: $0.0, address: "\($0.1)@example.test") }
        let alice = Address(name: "Alice", address: "alice@example.test")
        let topics = ["Quarterly report", "Lunch on Friday?", "Build broken on main", "Invoice 2231", "Trip to Lisbon",
                      "会議の資料", "Re: release notes", "Weekly sync"]
        var result: [FakeMessage] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            var flags: Set<Flag> = [.seen]
            if i % 7 == 3 { flags.remove(.seen) }
            if i % 11 == 5 { flags.insert(.flagged) }
            if i % 17 == 2 { flags.insert(.answered) }
            result.append(FakeMessage(uid: firstUID + UInt32(i), from: people[i % people.count], to: alice,
                                      subject: topics[i % topics.count] + " #" + String(i + 1),
                                      date: newest.addingTimeInterval(-60 * Double(count - 1 - i)), flags: flags,
                                      size: 1500 + (i * 37) % 90_000, attachments: i % 13 == 4,
                                      body: "Message number \(i + 1).\n\n> quoted line\n-- \nsig\n"))
        }
        return result
    }
}
