import Foundation
import MailCore
import MailEngine

/// The system flags the message list shows, in one byte (a list of 100,000 rows keeps no sets).
public struct RowFlags: OptionSet, Hashable, Sendable {
    /// The bits.
    public let rawValue: UInt8
    /// Creates flags from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `\Seen`.
    public static let seen = RowFlags(rawValue: 1 << 0)
    /// `\Answered`.
    public static let answered = RowFlags(rawValue: 1 << 1)
    /// `\Flagged`.
    public static let flagged = RowFlags(rawValue: 1 << 2)
    /// `\Deleted`.
    public static let deleted = RowFlags(rawValue: 1 << 3)
    /// `\Draft`.
    public static let draft = RowFlags(rawValue: 1 << 4)
    /// `$Forwarded`.
    public static let forwarded = RowFlags(rawValue: 1 << 5)

    private static let pairs: [(Flag, RowFlags)] = [
        (.seen, .seen), (.answered, .answered), (.flagged, .flagged), (.deleted, .deleted),
        (.draft, .draft), (.forwarded, .forwarded),
    ]

    /// The system flags of `flags` (keywords are left out).
    public init(_ flags: Set<Flag>) {
        var bits: RowFlags = []
        for (flag, bit) in Self.pairs where flags.contains(flag) { bits.insert(bit) }
        self = bits
    }

    /// The flags as MailCore flags.
    public var flags: Set<Flag> {
        Set(Self.pairs.filter { contains($0.1) }.map(\.0))
    }

    /// These flags after a change made to a message.
    public func applying(_ change: FlagChange) -> RowFlags {
        switch change {
        case .add(let added): return union(RowFlags(added))
        case .remove(let removed): return subtracting(RowFlags(removed))
        case .replace(let all): return RowFlags(all)
        }
    }
}

/// What one line of the message list shows of a message: small, so that pages of rows stay cheap.
public struct MessageRow: Hashable, Sendable {
    /// The message's id in its folder.
    public var uid: UID
    /// Its flags.
    public var flags: RowFlags
    /// The Date header, else the arrival time.
    public var date: Date?
    /// The sender's name, else address.
    public var from: String
    /// The first recipient's name, else address (shown instead of the sender in Sent and Drafts).
    public var to: String
    /// The subject (empty when none).
    public var subject: String
    /// Size in bytes.
    public var size: Int
    /// Whether the message has attachments.
    public var hasAttachments: Bool

    /// Creates a row.
    public init(uid: UID, flags: RowFlags, date: Date?, from: String, to: String, subject: String, size: Int,
                hasAttachments: Bool) {
        self.uid = uid
        self.flags = flags
        self.date = date
        self.from = from
        self.to = to
        self.subject = subject
        self.size = size
        self.hasAttachments = hasAttachments
    }

    /// The row of a backend summary.
    public init(_ summary: MailEngine.MessageSummary) {
        self.init(uid: summary.uid, flags: RowFlags(summary.flags), date: summary.sortDate,
                  from: Self.display(summary.envelope.from.first ?? summary.envelope.sender),
                  to: Self.display(summary.envelope.to.first ?? summary.envelope.cc.first),
                  subject: summary.envelope.subject ?? "", size: summary.size, hasAttachments: summary.hasAttachments)
    }

    /// A person as the list names them: the display name, else the address.
    static func display(_ address: Address?) -> String {
        guard let address else { return "" }
        if let name = address.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        return address.address
    }

    /// Whether the message is unread.
    public var isUnread: Bool { !flags.contains(.seen) }
}
