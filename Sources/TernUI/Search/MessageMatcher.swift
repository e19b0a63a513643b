import Foundation
import MailCore
import MailEngine

/// Evaluates a ``SearchQuery`` against a message summary from the cache: the header part of the
/// query language (`from:`, `to:`, `subject:`, `is:`, `has:`, dates, sizes, free text). Body terms
/// need the backend's search; a summary matches them only when its uid is in `bodyMatches`.
public struct MessageMatcher: Sendable {
    /// The query.
    public let query: SearchQuery
    /// The uids the backend found for the query's body terms (nil: the query has none).
    public let bodyMatches: Set<UID>?

    /// Creates a matcher.
    public init(query: SearchQuery, bodyMatches: Set<UID>? = nil) {
        self.query = query
        self.bodyMatches = bodyMatches
    }

    /// Whether `summary` matches.
    public func matches(_ summary: MailEngine.MessageSummary) -> Bool {
        evaluate(query, summary)
    }

    private func evaluate(_ query: SearchQuery, _ s: MailEngine.MessageSummary) -> Bool {
        let e = s.envelope
        switch query {
        case .text(let text):
            return contains(e.subject, text) || addresses(e.from + e.to + e.cc, text) || (bodyMatches?.contains(s.uid) ?? false)
        case .from(let text): return addresses(e.from + (e.sender.map { [$0] } ?? []), text)
        case .to(let text): return addresses(e.to + e.cc, text)
        case .cc(let text): return addresses(e.cc, text)
        case .subject(let text): return contains(e.subject, text)
        case .body: return bodyMatches?.contains(s.uid) ?? false
        case .unread: return !s.flags.contains(.seen)
        case .flagged: return s.flags.contains(.flagged)
        case .answered: return s.flags.contains(.answered)
        case .deleted: return s.flags.contains(.deleted)
        case .draft: return s.flags.contains(.draft)
        case .hasAttachment: return s.hasAttachments
        case .before(let day): return (s.sortDate ?? .distantPast) < day
        case .after(let day): return (s.sortDate ?? .distantPast) >= day
        case .larger(let size): return s.size > size
        case .smaller(let size): return s.size < size
        case .not(let inner): return !evaluate(inner, s)
        case .and(let terms): return terms.allSatisfy { evaluate($0, s) }
        case .or(let a, let b): return evaluate(a, s) || evaluate(b, s)
        }
    }

    private func contains(_ haystack: String?, _ needle: String) -> Bool {
        guard let haystack else { return needle.isEmpty }
        return haystack.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    private func addresses(_ list: [Address], _ needle: String) -> Bool {
        list.contains { contains($0.name, needle) || contains($0.address, needle) }
    }
}
