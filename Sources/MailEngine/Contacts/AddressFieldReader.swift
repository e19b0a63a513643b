import MailCore

/// Reads what the user typed in an address field (To, Cc, Bcc, Reply-To, From, `tern send --to`):
/// addresses and alias keys separated by commas, aliases expanded (``AliasBook``).
///
/// `bob, Ann <ann@example.org>, "Doe, John" <jd@example.org>, team` gives four entries; `bob`
/// and `team` are looked up as aliases. A word that is neither an alias nor an address is an
/// error that names it, never a guess.
public struct AddressFieldReader: Sendable {
    /// The aliases that may be used.
    public var aliases: AliasBook

    /// A reader with `aliases` (none by default).
    public init(aliases: AliasBook = AliasBook()) {
        self.aliases = aliases
    }

    /// The addresses of a field's text, in order, without duplicates.
    ///
    /// - Parameters:
    ///   - text: what the user typed.
    ///   - field: the field's name, for errors (`To`, `--cc`).
    /// - Throws: ``AddressFieldError`` listing every entry that is neither an address nor an
    ///   alias, and alias loops.
    public func read(_ text: String, field: String) throws -> [Address] {
        var result: [Address] = []
        var seen = Set<String>()
        var bad: [String] = []
        func add(_ address: Address) {
            if seen.insert(address.comparisonKey).inserted { result.append(address) }
        }
        for piece in Self.split(text) {
            let entry = piece.trimmingBlanks
            if entry.isEmpty { continue }
            if Self.isAliasWord(entry) {
                if aliases.contains(entry) {
                    do {
                        try aliases.expand(entry).forEach(add)
                    } catch let error as AliasBook.ExpansionError {
                        throw AddressFieldError(field: field, entries: [], detail: error.description)
                    }
                } else {
                    bad.append(entry)
                }
                continue
            }
            let addresses = AddressList.parse(entry).flatMap(\.addresses)
            if addresses.isEmpty || !addresses.allSatisfy(\.isUsable) {
                bad.append(entry)
            } else {
                addresses.forEach(add)
            }
        }
        if !bad.isEmpty { throw AddressFieldError(field: field, entries: bad, detail: nil) }
        return result
    }

    /// True for an entry that can only be an alias key: one word without `@`, `<`, quotes or
    /// spaces.
    public static func isAliasWord(_ text: String) -> Bool {
        !text.isEmpty && !text.contains { $0 == "@" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == " " || $0 == "\t" || $0 == ":" || $0 == "(" }
    }

    /// Splits an address field at the commas that separate entries: not inside quotes, angle
    /// brackets, parentheses (comments) or a group (`name: a, b;`).
    public static func split(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        var inQuote = false
        var escaped = false
        var angle = 0
        var paren = 0
        var inGroup = false
        while index < text.endIndex {
            let c = text[index]
            if escaped {
                escaped = false
            } else if c == "\\" && (inQuote || paren > 0) {
                escaped = true
            } else if inQuote {
                if c == "\"" { inQuote = false }
            } else if paren > 0 {
                if c == "(" { paren += 1 } else if c == ")" { paren -= 1 }
            } else {
                switch c {
                case "\"": inQuote = true
                case "(": paren += 1
                case "<": angle += 1
                case ">": angle = max(0, angle - 1)
                case ":" where angle == 0: inGroup = true
                case ";" where angle == 0 && inGroup:
                    inGroup = false
                case "," where angle == 0 && !inGroup:
                    pieces.append(text[start..<index])
                    start = text.index(after: index)
                default: break
                }
            }
            index = text.index(after: index)
        }
        pieces.append(text[start...])
        return pieces
    }
}

/// Entries of an address field that are neither addresses nor aliases.
public struct AddressFieldError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field (`To`, `--cc`).
    public var field: String
    /// The entries that could not be read, as typed.
    public var entries: [String]
    /// Another explanation (an alias loop), if any.
    public var detail: String?

    /// An error from its fields.
    public init(field: String, entries: [String], detail: String?) {
        self.field = field
        self.entries = entries
        self.detail = detail
    }

    public var description: String {
        if let detail { return "\(field): \(detail)" }
        let shown = entries.map { "\"\(TextSanitizer.headerText($0))\"" }.joined(separator: ", ")
        let verb = entries.count == 1 ? "is neither an email address nor a known alias" : "are neither email addresses nor known aliases"
        return "\(field): \(shown) \(verb); write name@example.org or Name <name@example.org>, or add an alias to an alias file."
    }
}
