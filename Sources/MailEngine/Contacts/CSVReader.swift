/// Reads CSV (RFC 4180): fields separated by commas (or another separator), quoted fields with
/// `""` for a quote and line breaks inside, CRLF or LF line ends, a UTF-8 byte order mark ignored.
/// Lenient where exports are sloppy: a quote inside an unquoted field is kept as text.
struct CSVReader {
    /// The rows, each a list of fields; blank lines are skipped.
    static func rows(_ text: String, separator: Character = ",") -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var chars = Substring(text)
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var iterator = chars.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRow() {
            row.append(field)
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
            field = ""
            fieldStarted = false
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.append("\"") } else { inQuotes = false; pending = after }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case separator:
                row.append(field)
                field = ""
                fieldStarted = false
            case "\r\n", "\n", "\r":
                endRow()
            default:
                field.append(c)
                fieldStarted = true
            }
        }
        if fieldStarted || !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }
}
