import Foundation
import GRDB
import MailCore

extension CacheFilter {
    /// True when the filter's SQL reads the full-text index (a text condition with a letter or a
    /// digit): the rows it does not hold yet must be added first (``HeaderCache/indexPendingText()``).
    var usesFullText: Bool {
        switch self {
        case .text(let words): return Self.ftsQuery(column: nil, words) != nil
        case .field(let field, let words): return Self.ftsQuery(column: field, words) != nil
        case .not(let inner): return inner.usesFullText
        case .and(let terms), .or(let terms): return terms.contains { $0.usesFullText }
        default: return false
        }
    }

    /// The filter as an SQL condition on the `message` table, with its arguments.
    func sql() -> (String, [any DatabaseValueConvertible]) {
        var arguments: [any DatabaseValueConvertible] = []
        let text = compile(into: &arguments)
        return (text, arguments)
    }

    private func compile(into arguments: inout [any DatabaseValueConvertible]) -> String {
        switch self {
        case .all:
            return "1"
        case .none:
            return "0"
        case .text(let words):
            return Self.match(column: nil, words, into: &arguments)
        case .field(let field, let words):
            return Self.match(column: field, words, into: &arguments)
        case .flag(let flag):
            if let bit = CacheCoding.bit(flag) { return "(flags & \(bit)) != 0" }
            guard case .keyword(let name) = flag else { return "0" }
            arguments.append(Self.likeEscaped(name))
            return "(' ' || IFNULL(keywords, '') || ' ') LIKE '% ' || ? || ' %' ESCAPE '\\'"
        case .hasAttachments:
            return "has_attachments = 1"
        case .dateBefore(let date):
            arguments.append(date.timeIntervalSince1970)
            return "sort_date < ?"
        case .dateOnOrAfter(let date):
            arguments.append(date.timeIntervalSince1970)
            return "sort_date >= ?"
        case .larger(let size):
            arguments.append(size)
            return "size > ?"
        case .smaller(let size):
            arguments.append(size)
            return "size < ?"
        case .uids(let uids):
            if uids.isEmpty { return "0" }
            arguments.append("[" + uids.map { String($0.value) }.joined(separator: ",") + "]")
            return "uid IN (SELECT value FROM json_each(?))"
        case .not(.flag(let flag)) where CacheCoding.bit(flag) != nil:
            // Written as the partial index `message_unseen` is, so that "unread" uses it.
            return "flags & \(CacheCoding.bit(flag) ?? 0) = 0"
        case .not(let inner):
            return "NOT (\(inner.compile(into: &arguments)))"
        case .and(let terms):
            if terms.isEmpty { return "1" }
            return "(" + terms.map { $0.compile(into: &arguments) }.joined(separator: " AND ") + ")"
        case .or(let terms):
            if terms.isEmpty { return "0" }
            return "(" + terms.map { $0.compile(into: &arguments) }.joined(separator: " OR ") + ")"
        }
    }

    /// A full-text condition: every word of `words` must start a word of the column (or of any
    /// indexed column). Words are quoted for FTS5, so no query syntax leaks through; text without
    /// any letter or digit falls back to a plain substring test.
    private static func match(column: Field?, _ words: String, into arguments: inout [any DatabaseValueConvertible]) -> String {
        let query = ftsQuery(column: column, words)
        guard let query else {
            let columns = column.map { [$0.rawValue] } ?? Field.allCases.map(\.rawValue)
            let pattern = "%" + likeEscaped(words) + "%"
            let tests = columns.map { column -> String in
                arguments.append(pattern)
                return "\(column) LIKE ? ESCAPE '\\'"
            }
            return "(" + tests.joined(separator: " OR ") + ")"
        }
        arguments.append(query)
        return "id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)"
    }

    /// The FTS5 query for `words`: each word as a quoted prefix phrase, optionally limited to one
    /// column; nil when `words` holds no letter or digit.
    static func ftsQuery(column: Field?, _ words: String) -> String? {
        let tokens = words.split(whereSeparator: { $0.isWhitespace }).filter { token in
            token.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
        }
        guard !tokens.isEmpty else { return nil }
        let phrases = tokens.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }
        let body = phrases.joined(separator: " AND ")
        guard let column else { return body }
        return "{\(column.rawValue)} : (\(body))"
    }

    private static func likeEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
