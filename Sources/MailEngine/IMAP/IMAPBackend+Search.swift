import Foundation
import IMAP
import MailCore
import MailStore
import Transport

/// Search: header words, flags, dates and sizes from the cache (FTS5); `body:` terms from the
/// server's `UID SEARCH BODY` (RFC 9051 §6.4.4), one per distinct term.
extension IMAPBackend {
    /// Messages of the folder matching `query`, ascending by UID.
    public func search(_ query: SearchQuery, in folder: MailboxPath) async throws -> [UID] {
        let filter = try await cacheFilter(query, in: folder)
        return try cache.uids(in: cachePath(folder), filter: filter)
    }

    /// The cache condition for a query; its `body:` terms are asked of the server (only those
    /// need the network).
    func cacheFilter(_ query: SearchQuery?, in folder: MailboxPath) async throws -> CacheFilter? {
        guard let query else { return nil }
        let terms = query.bodyTerms
        guard !terms.isEmpty else { return query.cacheFilter() }
        let (path, name) = try await resolve(folder)
        let matches = try await withConnection { connection -> [String: Set<UID>] in
            try await self.selectForChange(connection, path, name)
            var matches: [String: Set<UID>] = [:]
            for term in terms { matches[term] = Set(try await connection.search(.body(term)).uids) }
            return matches
        }
        return query.cacheFilter(bodyMatches: matches)
    }
}
