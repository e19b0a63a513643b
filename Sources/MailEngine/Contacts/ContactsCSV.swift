import MailCore
import MailStore

/// Contacts from a CSV export with a header row. The columns are recognised by name:
///
/// - Google Contacts: `Name` (or `First Name`, `Middle Name`, `Last Name`), `Nickname`,
///   `E-mail 1 - Value`, `E-mail 2 - Value`, ... (a value may hold several addresses joined by ` ::: `);
/// - Outlook: `First Name`, `Middle Name`, `Last Name`, `E-mail Address`, `E-mail 2 Address`,
///   `E-mail 3 Address`, `E-mail Display Name`;
/// - Thunderbird: `Display Name`, `First Name`, `Last Name`, `Nickname`, `Primary Email`,
///   `Secondary Email`;
/// - anything else with an `email`/`e-mail`/`mail` column and a `name` column.
///
/// The separator is a comma, or a semicolon or tab when the header row uses one (European
/// spreadsheet exports).
enum ContactsCSV {
    static func read(_ text: String) throws -> ContactImport.Result {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = [";", "\t"].first { s in firstLine.filter { $0 == s }.count > firstLine.filter { $0 == "," }.count } ?? ","
        var rows = CSVReader.rows(text, separator: separator)
        guard !rows.isEmpty else { throw ContactImport.Failure(message: "The file is empty: there are no contacts to import.") }
        let header = rows.removeFirst().map { $0.trimmingBlanks.lowercased() }
        let emailColumns = header.indices.filter { isEmailColumn(header[$0]) }
        guard !emailColumns.isEmpty else {
            throw ContactImport.Failure(message: "The first row of the CSV file has no e-mail column (looked for names such as "
                + "\"E-mail Address\", \"E-mail 1 - Value\", \"Primary Email\" or \"Email\"); export the contacts with a header row.")
        }
        func column(_ names: String...) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        let full = column("name", "display name", "full name", "fn")
        let emailDisplay = column("e-mail display name")
        let first = column("first name", "given name")
        let middle = column("middle name", "additional name")
        let last = column("last name", "family name", "surname")
        let nick = column("nickname", "nick name")

        var records: [ContactRecord] = []
        var skipped: [String] = []
        for (index, row) in rows.enumerated() {
            func value(_ i: Int?) -> String {
                guard let i, i < row.count else { return "" }
                return row[i].trimmingBlanks
            }
            var name = value(full)
            if name.isEmpty {
                name = [value(first), value(middle), value(last)].filter { !$0.isEmpty }.joined(separator: " ")
            }
            if name.isEmpty {
                // Outlook writes "Name (address)".
                name = value(emailDisplay)
                if name.hasSuffix(")"), let open = name.lastIndex(of: "(") { name = name[..<open].trimmingBlanks }
            }
            let nickname = value(nick)
            var found = 0
            var written = 0
            var seen = Set<String>()
            for c in emailColumns {
                for piece in value(c).components(separatedBy: ":::") {
                    let text = piece.trimmingBlanks
                    if text.isEmpty { continue }
                    written += 1
                    guard let parsed = Address.parse(text) ?? Address.parse("<\(text)>") else {
                        skipped.append("row \(index + 2): \"\(TextSanitizer.headerText(String(text.prefix(60))))\" is not an email address")
                        continue
                    }
                    guard seen.insert(parsed.comparisonKey).inserted else { continue }
                    let display = name.isEmpty ? parsed.name : TextSanitizer.headerText(name)
                    records.append(ContactRecord(address: Address(name: display, address: parsed.address),
                                                 nickname: nickname.isEmpty ? nil : TextSanitizer.headerText(nickname)))
                    found += 1
                }
            }
            if written == 0 && !name.isEmpty {
                skipped.append("row \(index + 2): \(TextSanitizer.headerText(name)) has no email address")
            }
        }
        return ContactImport.Result(records: records, skipped: skipped)
    }

    static func isEmailColumn(_ name: String) -> Bool {
        if name.contains("type") || name.contains("label") || name.contains("display") { return false }
        let compact = name.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        return compact.contains("email") || compact == "mail" || compact.hasSuffix("mailaddress")
    }
}
