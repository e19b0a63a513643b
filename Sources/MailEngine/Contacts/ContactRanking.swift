import Foundation

/// Orders address-book matches for completion and `tern contacts QUERY`.
///
/// A query matches a contact in one of four ways, best first:
/// 1. it is the contact's alias key exactly;
/// 2. a prefix of the alias key, the nickname, a word of the name, or the address;
/// 3. a prefix of a part of the address (`smith` in `john.smith@`, the domain);
/// 4. a substring of any of them.
/// Within each class the most used (``Contact/frecency``) comes first, then contacts from an alias
/// file or an import, then by name. Matching ignores case and accents (`emile` finds `Émile`).
public enum ContactRanking {
    /// How well `query` matches `contact`, 0 (exact alias) to 3 (substring), or nil for no match.
    public static func matchClass(_ query: String, _ contact: Contact) -> Int? {
        let q = fold(query)
        if q.isEmpty { return 3 }
        let key = contact.aliasKey.map(fold)
        if key == q { return 0 }
        let name = fold(contact.address.name ?? "")
        let nickname = fold(contact.nickname ?? "")
        let address = fold(contact.address.address)
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "\"" || $0 == "'" || $0 == "(" })
        if key?.hasPrefix(q) == true || (!nickname.isEmpty && nickname.hasPrefix(q)) || address.hasPrefix(q)
            || name.hasPrefix(q) || words.contains(where: { $0.hasPrefix(q) }) {
            return 1
        }
        let addressParts = address.split(whereSeparator: { $0 == "." || $0 == "@" || $0 == "_" || $0 == "-" || $0 == "+" })
        if addressParts.contains(where: { $0.hasPrefix(q) }) { return 2 }
        if name.contains(q) || address.contains(q) || nickname.contains(q) || key?.contains(q) == true { return 3 }
        return nil
    }

    /// The contacts matching `query`, best first, at most `limit`.
    public static func rank(_ contacts: [Contact], query: String, limit: Int? = nil) -> [Contact] {
        var scored: [(Int, Contact)] = []
        for contact in contacts {
            if let c = matchClass(query, contact) { scored.append((c, contact)) }
        }
        scored.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1.frecency != b.1.frecency { return a.1.frecency > b.1.frecency }
            let sa = a.1.sources.first ?? .harvested, sb = b.1.sources.first ?? .harvested
            if sa != sb { return sa < sb }
            let na = fold(a.1.address.name ?? a.1.address.address), nb = fold(b.1.address.name ?? b.1.address.address)
            if na != nb { return na < nb }
            return a.1.address.comparisonKey < b.1.address.comparisonKey
        }
        let ranked = scored.map(\.1)
        if let limit { return Array(ranked.prefix(limit)) }
        return ranked
    }

    /// Lower case without accents, for matching.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}
