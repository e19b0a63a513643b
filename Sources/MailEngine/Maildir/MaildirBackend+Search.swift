import Foundation
import MailCore
import MailStore

extension MaildirBackend {
    /// Messages matching `query`: header terms from the cache, `body:` terms by reading the files
    /// that pass the header-only part of the query.
    public func search(_ query: SearchQuery, in folder: MailboxPath) async throws -> [UID] {
        let path = try resolve(folder).path
        return try cache.uids(in: path, filter: try await cacheFilter(query, in: path))
    }

    /// The cache condition for a query, reading message bodies for its `body:` terms (off the
    /// cooperative pool: it reads files).
    func cacheFilter(_ query: SearchQuery?, in path: MailboxPath) async throws -> CacheFilter? {
        guard let query else { return nil }
        let terms = query.bodyTerms
        guard !terms.isEmpty else { return query.cacheFilter() }
        let maildir = try store.maildir(for: path)
        let cache = self.cache
        let reader = self.reader
        let matches = try await Self.offPool { () -> [String: Set<UID>] in
            var matches: [String: Set<UID>] = [:]
            for term in terms { matches[term] = [] }
            let candidates = try cache.uids(in: path, filter: query.headerPrefilter)
            for chunk in stride(from: 0, to: candidates.count, by: 500) {
                let batch = Array(candidates[chunk ..< min(chunk + 500, candidates.count)])
                for cached in try cache.messages(batch, in: path) {
                    guard let file = cached.maildirFile,
                          let bytes = try? reader.readAll(maildir.directory.path + "/" + file) else { continue }
                    for term in BodyMatcher.matches(bytes, terms: terms) { matches[term, default: []].insert(cached.uid) }
                }
            }
            return matches
        }
        return query.cacheFilter(bodyMatches: matches)
    }
}
