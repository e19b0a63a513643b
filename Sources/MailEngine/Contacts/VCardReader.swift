import Foundation
import MailCore
import MailStore

/// Contacts from vCard files (RFC 6350, vCard 3.0 RFC 2426, and 2.1): every `EMAIL` of every
/// card with the card's `FN` (else its `N`) and `NICKNAME`.
///
/// Folded lines (a line starting with a space or tab continues the previous one) are unfolded;
/// property groups (`item1.EMAIL`) and parameters (`TYPE=work`, `PREF=1`) are understood;
/// `\,` `\;` `\n` escapes are undone; vCard 2.1 `ENCODING=QUOTED-PRINTABLE` values (with `=` soft
/// line breaks) and `CHARSET=` are decoded.
enum VCardReader {
    static func read(_ text: String) throws -> ContactImport.Result {
        let lines = unfold(text)
        var records: [ContactRecord] = []
        var skipped: [String] = []
        var inCard = false
        var cardNumber = 0
        var fn = ""
        var structured = ""
        var nickname = ""
        var emails: [String] = []
        for line in lines {
            guard let colon = propertyColon(line) else { continue }
            let head = line[..<colon]
            var value = String(line[line.index(after: colon)...])
            var parameters = head.split(separator: ";").map(String.init)
            guard !parameters.isEmpty else { continue }
            var name = parameters.removeFirst().uppercased()
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            let params = parameters.map { $0.uppercased() }
            if params.contains("ENCODING=QUOTED-PRINTABLE") || params.contains("QUOTED-PRINTABLE") {
                let charset = params.first { $0.hasPrefix("CHARSET=") }.map { String($0.dropFirst(8)) } ?? "UTF-8"
                value = CharsetDecoder.decode(QuotedPrintable.decode(Array(value.utf8)), charset: charset)
            }
            switch name {
            case "BEGIN" where value.uppercased() == "VCARD":
                inCard = true
                cardNumber += 1
                fn = ""; structured = ""; nickname = ""; emails = []
            case "END" where value.uppercased() == "VCARD":
                guard inCard else { continue }
                inCard = false
                var display = unescape(fn)
                if display.isEmpty { display = nameFromN(structured) }
                if emails.isEmpty {
                    skipped.append("card \(cardNumber)\(display.isEmpty ? "" : " (\(TextSanitizer.headerText(display)))") has no email address")
                }
                var seen = Set<String>()
                for email in emails {
                    let text = unescape(email).trimmingBlanks
                    guard let parsed = Address.parse("<\(text)>") ?? Address.parse(text) else {
                        skipped.append("card \(cardNumber): \"\(TextSanitizer.headerText(String(text.prefix(60))))\" is not an email address")
                        continue
                    }
                    guard seen.insert(parsed.comparisonKey).inserted else { continue }
                    let nick = unescape(nickname).split(separator: ",").first.map { TextSanitizer.headerText(String($0)).trimmingBlanks }
                    records.append(ContactRecord(address: Address(name: display.isEmpty ? nil : TextSanitizer.headerText(display), address: parsed.address),
                                                 nickname: nick?.isEmpty == false ? nick : nil))
                }
            case "FN" where inCard: fn = value
            case "N" where inCard: structured = value
            case "NICKNAME" where inCard: nickname = value
            case "EMAIL" where inCard:
                // vCard 4 may write a mailto: URI.
                emails.append(value.lowercased().hasPrefix("mailto:") ? String(value.dropFirst(7)) : value)
            default: break
            }
        }
        if cardNumber == 0 {
            throw ContactImport.Failure(message: "The file has no vCard (no BEGIN:VCARD line); is it a vCard (.vcf) file?")
        }
        return ContactImport.Result(records: records, skipped: skipped)
    }

    /// The logical lines: CRLF or LF ends, folded continuations joined (RFC 6350 §3.2), and
    /// vCard 2.1 quoted-printable soft line breaks (`=` at the end) joined.
    static func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        var qpContinues = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = Substring(raw)
            if line.last == "\r" { line = line.dropLast() }
            if qpContinues, !lines.isEmpty {
                lines[lines.count - 1].removeLast()  // the "="
                lines[lines.count - 1] += line
            } else if (line.first == " " || line.first == "\t"), !lines.isEmpty {
                lines[lines.count - 1] += line.dropFirst()
            } else {
                lines.append(String(line))
            }
            let current = lines.last ?? ""
            qpContinues = current.hasSuffix("=") && current.uppercased().contains("QUOTED-PRINTABLE")
        }
        return lines
    }

    /// The colon that ends the property name and parameters (not one inside a quoted parameter).
    static func propertyColon(_ line: String) -> String.Index? {
        var inQuote = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\"" { inQuote.toggle() } else if c == ":" && !inQuote { return i }
            i = line.index(after: i)
        }
        return nil
    }

    /// `N:Family;Given;Additional;Prefix;Suffix` as `Prefix Given Additional Family Suffix`.
    static func nameFromN(_ value: String) -> String {
        let parts = splitUnescaped(value, on: ";").map(unescape)
        func part(_ i: Int) -> String { i < parts.count ? parts[i].trimmingBlanks : "" }
        return [part(3), part(1), part(2), part(0), part(4)].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func splitUnescaped(_ value: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for c in value {
            if escaped { current.append("\\"); current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == separator { parts.append(current); current = ""; continue }
            current.append(c)
        }
        parts.append(current)
        return parts
    }

    /// Undoes `\\`, `\,`, `\;`, `\:` and `\n` escapes.
    static func unescape(_ value: String) -> String {
        var out = ""
        var escaped = false
        for c in value {
            if escaped {
                out.append(c == "n" || c == "N" ? " " : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
