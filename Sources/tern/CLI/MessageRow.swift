import Foundation
import MailCore
import MailEngine

/// One message of `tern list --json`: `{"uid", "date", "from": [{"name", "address"}], "subject",
/// "flags", "size", "has_attachments", "message_id"}`.
struct MessageRow: Encodable {
    var uid: UInt32
    var date: String?
    var from: [Mailbox]
    var subject: String?
    var flags: [String]
    var size: Int
    var hasAttachments: Bool
    var messageID: String?

    init(_ summary: MailEngine.MessageSummary) {
        uid = summary.uid.value
        date = summary.sortDate.map(MailDate.iso8601)
        from = summary.envelope.from.filter { !$0.address.isEmpty }.map { Mailbox(name: $0.name, address: $0.address) }
        subject = summary.envelope.subject
        flags = summary.flags.sorted().map(\.name)
        size = summary.size
        hasAttachments = summary.hasAttachments
        messageID = summary.envelope.messageID?.value
    }

    /// `{"name", "address"}`, name null when there is none.
    struct Mailbox: Encodable {
        var name: String?
        var address: String

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(address, forKey: .address)
        }

        enum CodingKeys: String, CodingKey { case name, address }
    }

    enum CodingKeys: String, CodingKey {
        case uid, date, from, subject, flags, size, hasAttachments = "has_attachments", messageID = "message_id"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(uid, forKey: .uid)
        try c.encode(date, forKey: .date)
        try c.encode(from, forKey: .from)
        try c.encode(subject, forKey: .subject)
        try c.encode(flags, forKey: .flags)
        try c.encode(size, forKey: .size)
        try c.encode(hasAttachments, forKey: .hasAttachments)
        try c.encode(messageID, forKey: .messageID)
    }
}

/// The human table of `tern list` and `tern --demo`: uid, flags, date, sender, subject, aligned
/// and cut to `width` columns.
struct MessageTable {
    /// The table's width in columns.
    let width: Int
    /// The account's own addresses: for messages from them the recipient is shown (`To: bob`).
    let ownAddresses: Set<String>
    /// "Now", for the date column.
    let now: Date
    /// The local time of `now`.
    private let today: LocalTime

    /// A table of `width` columns; dates are shown in the local time zone (`TZ`).
    init(width: Int, ownAddresses: Set<String> = [], now: Date = Date()) {
        self.width = width
        self.ownAddresses = ownAddresses
        self.now = now
        self.today = LocalTime(now)
    }

    /// The flag column: N unread, ! flagged, r answered, D deleted, d draft, @ attachment.
    static func flagColumn(_ s: MailEngine.MessageSummary) -> String {
        var out = s.flags.contains(.seen) ? " " : "N"
        out += s.flags.contains(.flagged) ? "!" : " "
        out += s.flags.contains(.deleted) ? "D" : s.flags.contains(.draft) ? "d" : s.flags.contains(.answered) ? "r" : " "
        out += s.hasAttachments ? "@" : " "
        return out
    }

    /// `14:05` today, `Mar 02` this year, `2025-03-02` before.
    func dateColumn(_ date: Date?) -> String {
        guard let date else { return "" }
        let local = LocalTime(date)
        if local.year == today.year, local.month == today.month, local.day == today.day {
            return LocalTime.twoDigits(local.hour) + ":" + LocalTime.twoDigits(local.minute)
        }
        if local.year == today.year { return LocalTime.monthNames[local.month] + " " + LocalTime.twoDigits(local.day) }
        return String(local.year) + "-" + LocalTime.twoDigits(local.month + 1) + "-" + LocalTime.twoDigits(local.day)
    }

    /// The sender to show, or `To: recipient` for the account's own messages.
    func who(_ s: MailEngine.MessageSummary) -> String {
        let from = s.envelope.from.first
        if let from, ownAddresses.contains(from.comparisonKey), let to = s.envelope.to.first {
            return "To: " + (to.name ?? to.address)
        }
        guard let from else { return "" }
        return from.name ?? from.address
    }

    /// The rows, one line each.
    func render(_ summaries: [MailEngine.MessageSummary]) -> [String] {
        let uidWidth = max(3, summaries.map { String($0.uid.value).count }.max() ?? 0)
        let dateWidth = 10
        let fixed = uidWidth + 1 + 4 + 1 + dateWidth + 2
        let remaining = max(10, width - fixed)
        let fromWidth = min(24, max(8, remaining * 3 / 10))
        let subjectWidth = max(4, remaining - fromWidth - 2)
        return summaries.map { s in
            let uid = String(s.uid.value)
            let date = dateColumn(s.sortDate)
            let line = String(repeating: " ", count: uidWidth - uid.count) + uid + " " + Self.flagColumn(s) + " "
                + DisplayWidth.fit(date, dateWidth) + "  "
                + DisplayWidth.fit(TextSanitizer.headerText(who(s)), fromWidth) + "  "
                + DisplayWidth.fit(TextSanitizer.headerText(s.envelope.subject ?? "(no subject)"), subjectWidth, pad: false)
            return line
        }
    }
}

/// A moment in the local time zone, from the C library (`localtime_r`): the date column needs
/// no calendar or formatter, whose first use loads ICU (several MB of a short `tern list`).
struct LocalTime {
    let year: Int
    /// 0 for January.
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        tzset()
        localtime_r(&seconds, &fields)
        year = Int(fields.tm_year) + 1900
        month = min(11, max(0, Int(fields.tm_mon)))
        day = Int(fields.tm_mday)
        hour = Int(fields.tm_hour)
        minute = Int(fields.tm_min)
    }

    /// `n` with a leading zero below 10.
    static func twoDigits(_ n: Int) -> String {
        n < 10 && n >= 0 ? "0" + String(n) : String(n)
    }
}
