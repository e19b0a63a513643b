import Foundation
import MailCore
import MailStore

extension SearchQuery {
    /// The query as a header-cache condition. Header words, flags, dates and sizes map to the
    /// cache's indexes; `body:` terms need the uids whose bodies match, from `bodyMatches` (a term
    /// missing there matches nothing).
    /// - Parameter bodyMatches: For each `body:` text, the uids whose body contains it.
    public func cacheFilter(bodyMatches: [String: Set<UID>] = [:]) -> CacheFilter {
        switch self {
        case .text(let words): .text(words)
        case .from(let words): .field(.from, words)
        case .to(let words): .field(.to, words)
        case .cc(let words): .field(.cc, words)
        case .subject(let words): .field(.subject, words)
        case .body(let words): .uids(bodyMatches[words] ?? [])
        case .unread: .not(.flag(.seen))
        case .flagged: .flag(.flagged)
        case .answered: .flag(.answered)
        case .deleted: .flag(.deleted)
        case .draft: .flag(.draft)
        case .hasAttachment: .hasAttachments
        case .before(let day): .dateBefore(day)
        case .after(let day): .dateOnOrAfter(day)
        case .larger(let size): .larger(size)
        case .smaller(let size): .smaller(size)
        case .not(let inner): .not(inner.cacheFilter(bodyMatches: bodyMatches))
        case .and(let terms): .and(terms.map { $0.cacheFilter(bodyMatches: bodyMatches) })
        case .or(let a, let b): .or([a.cacheFilter(bodyMatches: bodyMatches), b.cacheFilter(bodyMatches: bodyMatches)])
        }
    }

    /// The texts of every `body:` term, each once.
    public var bodyTerms: [String] {
        var seen = Set<String>()
        var out: [String] = []
        func walk(_ q: SearchQuery) {
            switch q {
            case .body(let words): if seen.insert(words).inserted { out.append(words) }
            case .not(let inner): walk(inner)
            case .and(let terms): terms.forEach(walk)
            case .or(let a, let b): walk(a); walk(b)
            default: break
            }
        }
        walk(self)
        return out
    }

    /// A header-only condition that every match of the query also meets, to narrow the messages
    /// whose bodies must be read: the header-only terms of a top-level AND (all messages otherwise).
    public var headerPrefilter: CacheFilter {
        switch self {
        case .and(let terms):
            let usable = terms.filter(\.isHeaderOnly)
            return usable.isEmpty ? .all : .and(usable.map { $0.cacheFilter() })
        default:
            return isHeaderOnly ? cacheFilter() : .all
        }
    }
}
