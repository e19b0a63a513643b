import Foundation
import MailCore

/// A search over messages, from the small query language of the `/` prompt and `tern list --search`:
///
///     from:bob subject:"lunch plans" is:unread has:attachment after:2026-01-01 noodles
///
/// Terms are ANDed; `-term` negates one; `OR` between two terms makes an alternative. Free text matches
/// the subject, the addresses and names (and bodies where the backend can search them).
public indirect enum SearchQuery: Sendable, Hashable {
    /// Free text (subject, sender, recipients; body where supported).
    case text(String)
    case from(String)
    case to(String)
    case cc(String)
    case subject(String)
    /// Text in the body (server SEARCH or the local index).
    case body(String)
    case unread
    case flagged
    case answered
    case deleted
    case draft
    case hasAttachment
    /// Sent or received before this day (exclusive), local time.
    case before(Date)
    /// Sent or received on or after this day, local time.
    case after(Date)
    case larger(Int)
    case smaller(Int)
    case not(SearchQuery)
    case and([SearchQuery])
    case or(SearchQuery, SearchQuery)

    /// True when every term can be answered from cached headers and flags (no body text).
    public var isHeaderOnly: Bool {
        switch self {
        case .body: false
        case .not(let inner): inner.isHeaderOnly
        case .and(let terms): terms.allSatisfy(\.isHeaderOnly)
        case .or(let a, let b): a.isHeaderOnly && b.isHeaderOnly
        default: true
        }
    }
}

/// A query that could not be read, with the position of the problem.
public struct SearchQueryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was wrong.
    public let message: String
    /// Character offset in the query where the problem starts.
    public let offset: Int

    public var description: String { "search query, at character \(offset + 1): \(message)" }
}
