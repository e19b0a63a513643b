import MailCore

/// Reads NeoMutt alias files (the `alias` command of muttrc, as `$alias_file` writes it):
///
/// ```
/// alias bob Bob Example <bob@example.org>           # a comment
/// alias -group work ann "Ann, the boss" <ann@example.org>
/// alias team bob, ann, carol@example.org
/// ```
///
/// A line ending in a backslash continues on the next one; `#` starts a comment outside quotes;
/// lines that are empty or comments are skipped. Other muttrc commands (`set`, `source`, ...) are
/// skipped with a warning; `unalias KEY` removes an earlier alias. An address list that cannot be
/// read is reported with its line and the alias is skipped: the rest of the file still counts.
public enum AliasFileParser {
    /// The aliases of a file's text, in file order, and the problems found.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file's name, for problems.
    public static func parse(_ text: String, file: String) -> (aliases: [AliasEntry], problems: [AliasFileProblem]) {
        var aliases: [AliasEntry] = []
        var problems: [AliasFileProblem] = []
        var logical = ""
        var startLine = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if logical.isEmpty { startLine = lineNumber }
            if line.last == "\\" && !line.hasSuffix("\\\\") {
                logical += line.dropLast() + " "
                continue
            }
            logical += line
            defer { logical = "" }
            let trimmed = logical.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            var scanner = Scanner(trimmed)
            let command = scanner.word()
            switch command {
            case "alias":
                switch parseAlias(&scanner, file: file, line: startLine) {
                case .success(let entry):
                    aliases.removeAll { $0.key.lowercased() == entry.key.lowercased() }
                    aliases.append(entry)
                case .failure(let problem):
                    problems.append(problem)
                }
            case "unalias":
                while let key = scanner.word(), !key.isEmpty {
                    if key == "*" { aliases.removeAll() } else { aliases.removeAll { $0.key.lowercased() == key.lowercased() } }
                }
            default:
                problems.append(AliasFileProblem(file: file, line: startLine,
                    message: "skipped: only alias and unalias lines are read from an alias file (found \"\(TextSanitizer.headerText(String((command ?? "").prefix(20))))\")"))
            }
        }
        return (aliases, problems)
    }

    private static func parseAlias(_ scanner: inout Scanner, file: String, line: Int) -> Result<AliasEntry, AliasFileProblem> {
        func problem(_ message: String) -> Result<AliasEntry, AliasFileProblem> {
            .failure(AliasFileProblem(file: file, line: line, message: message))
        }
        var groups: [String] = []
        var key: String?
        while let word = scanner.word() {
            if word == "-group" {
                guard let group = scanner.word(), !group.isEmpty else { return problem("-group needs a group name; the alias was skipped") }
                groups.append(group)
            } else {
                key = word
                break
            }
        }
        guard let key, !key.isEmpty else { return problem("an alias line needs a key and an address, as in: alias bob Bob <bob@example.org>") }
        let (addressText, comment) = scanner.restAndComment()
        let trimmed = addressText.trimmingBlanks
        guard !trimmed.isEmpty else {
            return problem("the alias \"\(TextSanitizer.headerText(key))\" has no address; write: alias \(TextSanitizer.headerText(key)) Name <name@example.org>")
        }
        var members: [AliasEntry.Member] = []
        for piece in AddressFieldReader.split(trimmed) {
            let text = piece.trimmingBlanks
            if text.isEmpty { continue }
            if AddressFieldReader.isAliasWord(text) {
                members.append(.alias(text))
                continue
            }
            let items = AddressList.parse(text)
            let addresses = items.flatMap(\.addresses)
            guard !addresses.isEmpty, addresses.allSatisfy(\.isUsable) else {
                return problem("the alias \"\(TextSanitizer.headerText(key))\" has \"\(TextSanitizer.headerText(text))\", which is not an email address; the alias was skipped")
            }
            members += addresses.map { .address($0) }
        }
        guard !members.isEmpty else {
            return problem("the alias \"\(TextSanitizer.headerText(key))\" has no address; the alias was skipped")
        }
        return .success(AliasEntry(key: key, members: members, groups: groups, comment: comment, file: file, line: line))
    }

    /// Splits a muttrc line into words (with `"..."`, `'...'` and backslash escapes).
    struct Scanner {
        var text: Substring

        init(_ text: Substring) { self.text = text }

        mutating func skipSpace() {
            text = text.drop(while: { $0 == " " || $0 == "\t" })
        }

        /// The next word, unquoted; nil at the end of the line or at a comment.
        mutating func word() -> String? {
            skipSpace()
            guard let first = text.first, first != "#" else { return nil }
            var result = ""
            while let c = text.first, c != " " && c != "\t" {
                text = text.dropFirst()
                if c == "\\", let next = text.first {
                    result.append(next)
                    text = text.dropFirst()
                } else if c == "\"" || c == "'" {
                    while let q = text.first {
                        text = text.dropFirst()
                        if q == c { break }
                        if q == "\\" && c == "\"", let next = text.first {
                            result.append(next)
                            text = text.dropFirst()
                        } else {
                            result.append(q)
                        }
                    }
                } else {
                    result.append(c)
                }
            }
            return result
        }

        /// The rest of the line as written (quotes kept, for the address parser) and the comment
        /// after a `#` outside quotes, angle brackets and parentheses.
        mutating func restAndComment() -> (String, String?) {
            skipSpace()
            var inQuote = false
            var angle = 0
            var paren = 0
            var index = text.startIndex
            var escaped = false
            while index < text.endIndex {
                let c = text[index]
                if escaped {
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    inQuote.toggle()
                } else if !inQuote {
                    if c == "<" { angle += 1 } else if c == ">" { angle = max(0, angle - 1) }
                    else if c == "(" { paren += 1 } else if c == ")" { paren = max(0, paren - 1) }
                    else if c == "#" && angle == 0 && paren == 0 {
                        let comment = text[text.index(after: index)...].trimmingBlanks
                        return (String(text[..<index]), comment.isEmpty ? nil : comment)
                    }
                }
                index = text.index(after: index)
            }
            return (String(text), nil)
        }
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end.
    var trimmingBlanks: String {
        let scalars = Substring(self).drop(while: { $0 == " " || $0 == "\t" })
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let before = scalars.index(before: end)
            guard scalars[before] == " " || scalars[before] == "\t" else { break }
            end = before
        }
        return String(scalars[..<end])
    }
}
