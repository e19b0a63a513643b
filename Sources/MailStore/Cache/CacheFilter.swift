import Foundation
import MailCore

/// A condition on cached messages, answered by SQLite: header words through the FTS5 index,
/// flags, dates, sizes and explicit uid sets. MailEngine translates its search language into this.
public indirect enum CacheFilter: Sendable, Hashable {
    /// Every message.
    case all
    /// No message.
    case none
    /// Words in the subject, the authors or the recipients (names and addresses). Each word
    /// matches a word of the field that starts with it, ignoring case and diacritics.
    case text(String)
    /// Words in a header field (see ``text(_:)``).
    case field(Field, String)
    /// Messages with this flag.
    case flag(Flag)
    /// Messages the cache thinks have attachments.
    case hasAttachments
    /// The sort date (Date header, else received date) is before this moment.
    case dateBefore(Date)
    /// The sort date is at or after this moment.
    case dateOnOrAfter(Date)
    /// Larger than this many bytes.
    case larger(Int)
    /// Smaller than this many bytes.
    case smaller(Int)
    /// Messages with one of these uids.
    case uids(Set<UID>)
    /// The condition does not hold.
    case not(CacheFilter)
    /// Every condition holds (true when empty).
    case and([CacheFilter])
    /// At least one condition holds (false when empty).
    case or([CacheFilter])

    /// The header fields in the full-text index.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case subject
        case from = "addr_from"
        case to = "addr_to"
        case cc = "addr_cc"
    }
}
