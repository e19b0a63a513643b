import Foundation

extension SearchQuery {
    /// Parses the query language (see `SearchQuery`).
    /// - Parameters:
    ///   - text: The query as typed.
    ///   - calendar: The calendar and time zone for `before:`/`after:` days (the user's by default).
    /// - Throws: `SearchQueryError` for an unknown `key:`, a bad date or size, an unclosed quote.
    public static func parse(_ text: String, calendar: Calendar = .current) throws -> SearchQuery {
        var tokens = try tokenize(text)
        var terms: [SearchQuery] = []
        var pendingOr = false
        while !tokens.isEmpty {
            let token = tokens.removeFirst()
            if token.word == "OR" && !token.quoted {
                if terms.isEmpty || tokens.isEmpty {
                    throw SearchQueryError(message: "OR needs a term on each side", offset: token.offset)
                }
                pendingOr = true
                continue
            }
            let term = try parseTerm(token, calendar: calendar)
            if pendingOr, let previous = terms.popLast() {
                terms.append(.or(previous, term))
                pendingOr = false
            } else {
                terms.append(term)
            }
        }
        if terms.count == 1 { return terms[0] }
        return .and(terms)
    }

    private struct Token {
        var word: String
        var quoted: Bool
        var offset: Int
        /// Characters of `word` before the first quote (a `key:` must be among them).
        var unquotedPrefix: Int
    }

    private static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            let start = i
            var word = ""
            var quoted = false
            var unquotedPrefix: Int?
            while i < chars.count, !chars[i].isWhitespace {
                if chars[i] == "\"" {
                    if unquotedPrefix == nil { unquotedPrefix = word.count }
                    quoted = true
                    i += 1
                    while i < chars.count, chars[i] != "\"" { word.append(chars[i]); i += 1 }
                    if i == chars.count { throw SearchQueryError(message: "a quote is not closed; add a \"", offset: start) }
                    i += 1
                } else {
                    word.append(chars[i])
                    i += 1
                }
            }
            tokens.append(Token(word: word, quoted: quoted, offset: start, unquotedPrefix: unquotedPrefix ?? word.count))
        }
        return tokens
    }

    private static func parseTerm(_ token: Token, calendar: Calendar) throws -> SearchQuery {
        var word = token.word
        var negated = false
        if word.hasPrefix("-") && word.count > 1 && !token.quoted {
            negated = true
            word.removeFirst()
        }
        let term: SearchQuery
        let prefixLimit = token.unquotedPrefix - (negated ? 1 : 0)
        if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
           word.distance(from: word.startIndex, to: colon) < prefixLimit {
            let key = word[..<colon].lowercased()
            let value = String(word[word.index(after: colon)...])
            term = try keyed(key, value, token: token, calendar: calendar)
        } else {
            term = .text(word)
        }
        return negated ? .not(term) : term
    }

    private static func keyed(_ key: String, _ value: String, token: Token, calendar: Calendar) throws -> SearchQuery {
        func need() throws -> String {
            if value.isEmpty { throw SearchQueryError(message: "\(key): needs a value, e.g. \(key):bob", offset: token.offset) }
            return value
        }
        switch key {
        case "from": return .from(try need())
        case "to": return .to(try need())
        case "cc": return .cc(try need())
        case "subject", "s": return .subject(try need())
        case "body", "b": return .body(try need())
        case "is":
            switch value.lowercased() {
            case "unread", "new": return .unread
            case "read", "seen": return .not(.unread)
            case "flagged", "starred": return .flagged
            case "answered", "replied": return .answered
            case "deleted": return .deleted
            case "draft": return .draft
            default:
                throw SearchQueryError(message: "unknown is:\(value); use is:unread, is:read, is:flagged, is:answered, is:deleted or is:draft",
                                       offset: token.offset)
            }
        case "has":
            guard ["attachment", "attachments"].contains(value.lowercased()) else {
                throw SearchQueryError(message: "unknown has:\(value); use has:attachment", offset: token.offset)
            }
            return .hasAttachment
        case "before", "after":
            guard let day = parseDay(value, calendar: calendar) else {
                throw SearchQueryError(message: "\(key): needs a date as YYYY-MM-DD, e.g. \(key):2026-01-31", offset: token.offset)
            }
            return key == "before" ? .before(day) : .after(day)
        case "larger", "smaller":
            guard let size = parseSize(value) else {
                throw SearchQueryError(message: "\(key): needs a size such as 500k or 2M", offset: token.offset)
            }
            return key == "larger" ? .larger(size) : .smaller(size)
        default:
            throw SearchQueryError(
                message: "unknown search key \"\(key):\"; use from:, to:, cc:, subject:, body:, is:, has:, before:, after:, larger:, smaller: (or quote the text)",
                offset: token.offset)
        }
    }

    static func parseDay(_ text: String, calendar: Calendar) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1 ... 12).contains(m), (1 ... 31).contains(d), parts[0].count == 4 else { return nil }
        return calendar.date(from: DateComponents(year: y, month: m, day: d))
    }

    static func parseSize(_ text: String) -> Int? {
        let lower = text.lowercased()
        var multiplier = 1
        var digits = Substring(lower)
        if let last = lower.last, "kmg".contains(last) {
            multiplier = last == "k" ? 1024 : last == "m" ? 1024 * 1024 : 1024 * 1024 * 1024
            digits = digits.dropLast()
        }
        guard let value = Int(digits), value >= 0 else { return nil }
        return value * multiplier
    }
}
