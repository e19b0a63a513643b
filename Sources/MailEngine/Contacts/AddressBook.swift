import Foundation
import MailCore
import MailStore

/// The address book: aliases, imported contacts, addresses harvested from mail and the
/// `query_command`, merged by address, searched and ranked for completion.
///
/// The aliases are read once when it is made; the store and the query command are asked at each
/// search. Call it off the UI thread: the store reads SQLite, the query command runs a program.
public struct AddressBook: Sendable {
    /// The aliases of the alias files.
    public var aliases: AliasBook
    /// Imported and harvested contacts, or nil when there is no database.
    public var store: ContactStore?
    /// The external query program, if configured.
    public var query: QueryCommand?

    /// An address book from its sources.
    public init(aliases: AliasBook = AliasBook(), store: ContactStore? = nil, query: QueryCommand? = nil) {
        self.aliases = aliases
        self.store = store
        self.query = query
    }

    /// The default database path: `$XDG_DATA_HOME/tern/contacts.sqlite`.
    public static func defaultStorePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var base = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        if base == nil {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return (base! as NSString).appendingPathComponent("tern/contacts.sqlite")
    }

    /// A reader of address fields with this book's aliases.
    public var fieldReader: AddressFieldReader { AddressFieldReader(aliases: aliases) }

    /// The result of a search.
    public struct SearchResult: Sendable {
        /// The matches, best first.
        public var contacts: [Contact]
        /// Sources that failed (the query command), to show without failing the search.
        public var problems: [String]
    }

    /// The contacts matching `text`, best first (see ``ContactRanking``); every contact for an
    /// empty text.
    ///
    /// - Parameters:
    ///   - text: what was typed.
    ///   - limit: the most results wanted.
    ///   - useQueryCommand: ask `query_command` too (off for completion as one types, when the
    ///     program is slow).
    public func search(_ text: String, limit: Int? = nil, useQueryCommand: Bool = true, now: Date = Date()) -> SearchResult {
        var merged: [String: Contact] = [:]
        var order: [String] = []
        var problems: [String] = []
        func add(_ contact: Contact) {
            let key = contact.isGroup ? "alias:" + (contact.aliasKey ?? "").lowercased() : contact.address.comparisonKey
            guard var existing = merged[key] else {
                merged[key] = contact
                order.append(key)
                return
            }
            // The better source names the person; use counts add up.
            if let source = contact.sources.first, let best = existing.sources.first, source < best {
                if contact.address.name != nil { existing.address = contact.address }
            } else if existing.address.name == nil {
                existing.address.name = contact.address.name
            }
            existing.aliasKey = existing.aliasKey ?? contact.aliasKey
            existing.nickname = existing.nickname ?? contact.nickname
            existing.note = existing.note ?? contact.note
            existing.sources = Array(Set(existing.sources + contact.sources)).sorted()
            existing.frecency += contact.frecency
            existing.useCount += contact.useCount
            existing.lastUsed = [existing.lastUsed, contact.lastUsed].compactMap { $0 }.max()
            merged[key] = existing
        }
        for entry in aliases.entries {
            guard let members = try? aliases.expand(entry.key), let first = members.first else { continue }
            add(Contact(address: first, aliasKey: entry.key, members: members.count > 1 ? members : [], sources: [.alias],
                        note: entry.comment))
        }
        if let store {
            do {
                // The substring search in SQL narrows (folded the same way); the ranking decides.
                for stored in try store.search(text) {
                    var sources: [Contact.Source] = []
                    if stored.imported { sources.append(.imported) }
                    if stored.useCount > 0 { sources.append(.harvested) }
                    add(Contact(address: stored.address, nickname: stored.nickname, sources: sources.isEmpty ? [.imported] : sources,
                                frecency: stored.frecency(at: now), useCount: stored.useCount, lastUsed: stored.lastUsed))
                }
            } catch {
                problems.append("\(error)")
            }
        }
        if let query, useQueryCommand, !text.isEmpty {
            do {
                for match in try query.run(text) {
                    add(Contact(address: match.address, sources: [.query], note: match.other))
                }
            } catch {
                problems.append("\(error)")
            }
        }
        let contacts = order.compactMap { merged[$0] }
        // Query results matched by the program's own rules are kept even if the text is not in them.
        var ranked = ContactRanking.rank(contacts, query: text)
        let rankedKeys = Set(ranked.map { $0.address.comparisonKey })
        ranked += contacts.filter { $0.sources == [.query] && !rankedKeys.contains($0.address.comparisonKey) }
        if let limit { ranked = Array(ranked.prefix(limit)) }
        return SearchResult(contacts: ranked, problems: problems)
    }

    /// Completions for the entry being typed at the end of an address field: the field with that
    /// entry replaced by each match (`Bob <bob@example.org>`, or a group alias's key).
    ///
    /// - Parameters:
    ///   - field: the whole field as typed; the last comma-separated entry is completed.
    ///   - limit: the most completions.
    /// - Returns: the completed fields, best first; empty when the entry is empty or nothing matches.
    public func complete(field: String, limit: Int = 20, useQueryCommand: Bool = true) -> [String] {
        let pieces = AddressFieldReader.split(field)
        guard let last = pieces.last else { return [] }
        let entry = last.trimmingBlanks
        guard !entry.isEmpty else { return [] }
        let head = field[..<last.startIndex]
        let prefix = head.isEmpty ? "" : String(head) + (head.hasSuffix(" ") ? "" : " ")
        return search(entry, limit: limit, useQueryCommand: useQueryCommand).contacts.map { prefix + $0.completion }
    }
}
