/// Something wrong in a mailcap file: where and what. The entry is skipped; the rest of the file
/// is still read.
public struct MailcapDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where.
    public var source: MailcapSource
    /// What, for a person.
    public var message: String

    /// A diagnostic.
    public init(source: MailcapSource, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}

/// Reads mailcap files (RFC 1524 §3).
///
/// ```
/// Mailcap-File = *Mailcap-Line
/// Mailcap-Line = Comment / Mailcap-Entry
/// Comment = NEWLINE / "#" *CHAR NEWLINE
/// Mailcap-Entry = typefield ; view-command [";" 1#field] NEWLINE
/// typefield = propertype / implicit-wild
/// field = flag / namedfield
/// namedfield = fieldname "=" 1*mtext
/// flag = "needsterminal" / "copiousoutput" / x-token
/// ```
///
/// A backslash at the end of a line continues the entry on the next line; elsewhere a backslash
/// keeps the next character from ending a field (`\;`), and stays in the field for
/// ``MailcapExpansion`` to remove (as mutt does). Field names and flags are case-insensitive.
public enum MailcapParser {
    /// The entries of `text` and what was wrong with the lines skipped.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: its path, for ``MailcapSource``.
    public static func parse(_ text: String, file: String) -> (entries: [MailcapEntry], diagnostics: [MailcapDiagnostic]) {
        var entries: [MailcapEntry] = []
        var diagnostics: [MailcapDiagnostic] = []
        for (line, logical) in logicalLines(text) {
            let trimmed = logical.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let source = MailcapSource(file: file, line: line)
            switch entry(String(trimmed), source: source) {
            case .success(let e): entries.append(e)
            case .failure(let d): diagnostics.append(d)
            }
        }
        return (entries, diagnostics)
    }

    /// The logical lines of `text` (continuations joined), each with the number of its first line.
    static func logicalLines(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var current = ""
        var start = 1
        var number = 0
        var continuing = false
        // "\r\n" is one Character in Swift: split at both.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if !continuing { start = number }
            // A line ending in an odd number of backslashes continues.
            let trailing = line.reversed().prefix { $0 == "\\" }.count
            if trailing % 2 == 1 {
                current += line.dropLast()
                continuing = true
                continue
            }
            current += line
            result.append((start, current))
            current = ""
            continuing = false
        }
        if continuing, !current.isEmpty { result.append((start, current)) }
        return result
    }

    /// The fields of an entry: split at `;` not preceded by a backslash, backslashes kept.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                current.append(c)
                escaped = true
            } else if c == ";" {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: [" ", "\t"]) }
    }

    static func entry(_ line: String, source: MailcapSource) -> Result<MailcapEntry, MailcapDiagnostic> {
        let parts = fields(line)
        guard parts.count >= 2 else {
            return .failure(MailcapDiagnostic(source: source, message: "an entry needs a content type and a view command separated by ';'"))
        }
        let typeField = parts[0].lowercased()
        let type: String, subtype: String
        if let slash = typeField.firstIndex(of: "/") {
            type = String(typeField[..<slash])
            subtype = String(typeField[typeField.index(after: slash)...])
        } else {
            type = typeField
            subtype = "*"
        }
        func isToken(_ s: String) -> Bool {
            s == "*" || (!s.isEmpty && s.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value < 0x7F && !"()<>@,;:\\\"/[]?=*".unicodeScalars.contains($0)
            })
        }
        guard isToken(type), isToken(subtype) else {
            return .failure(MailcapDiagnostic(source: source, message: "\"\(parts[0])\" is not a content type (write type/subtype, type/* or type)"))
        }
        let command = parts[1]
        guard !command.isEmpty else {
            return .failure(MailcapDiagnostic(source: source, message: "the view command for \(parts[0]) is empty"))
        }
        var entry = MailcapEntry(type: type, subtype: subtype, viewCommand: command, source: source)
        for field in parts.dropFirst(2) where !field.isEmpty {
            if let eq = field.firstIndex(of: "=") {
                let name = field[..<eq].trimmingCharacters(in: [" ", "\t"]).lowercased()
                let value = field[field.index(after: eq)...].trimmingCharacters(in: [" ", "\t"])
                switch name {
                case "test": entry.test = value
                case "nametemplate": entry.nameTemplate = value
                case "description": entry.description = value
                default: entry.otherFields[name] = value
                }
            } else {
                switch field.lowercased() {
                case "needsterminal": entry.needsTerminal = true
                case "copiousoutput": entry.copiousOutput = true
                default: break  // other flags (x-token) are allowed and ignored
                }
            }
        }
        return .success(entry)
    }
}
