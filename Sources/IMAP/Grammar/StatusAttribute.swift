/// An item to ask for in STATUS (RFC 9051 §6.3.11, RFC 7162, RFC 8438).
///
/// ```
/// C: A4 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY HIGHESTMODSEQ)
/// ```
public enum StatusAttribute: String, Hashable, Sendable, CaseIterable {
    /// `MESSAGES`: the number of messages.
    case messages = "MESSAGES"
    /// `RECENT` (IMAP4rev1 only).
    case recent = "RECENT"
    /// `UIDNEXT`.
    case uidNext = "UIDNEXT"
    /// `UIDVALIDITY`.
    case uidValidity = "UIDVALIDITY"
    /// `UNSEEN`: the number of messages without `\Seen`.
    case unseen = "UNSEEN"
    /// `DELETED`: the number of messages with `\Deleted` (IMAP4rev2).
    case deleted = "DELETED"
    /// `SIZE`: the total size in bytes (RFC 8438).
    case size = "SIZE"
    /// `HIGHESTMODSEQ` (RFC 7162).
    case highestModSeq = "HIGHESTMODSEQ"
    /// `APPENDLIMIT` (RFC 7889).
    case appendLimit = "APPENDLIMIT"

    /// The items a folder list needs: MESSAGES, UNSEEN, UIDNEXT, UIDVALIDITY.
    public static let counts: [StatusAttribute] = [.messages, .unseen, .uidNext, .uidValidity]
}

// MARK: - Encoding

extension CommandBuffer {
    // status-att-list = status-att *(SP status-att)   inside "(" ")"
    /// Writes `(ITEM ITEM ...)`.
    mutating func write(statusAttributes: [StatusAttribute]) {
        write("(")
        for (position, attribute) in statusAttributes.enumerated() {
            if position > 0 { writeSpace() }
            write(bytes: Array(attribute.rawValue.utf8))
        }
        write(")")
    }
}
