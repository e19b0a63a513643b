/// Makes text from a config file safe to quote in a message printed to a terminal.
enum DisplayText {
    /// Quotes `text` in double quotes, escaping control characters, quotes, backslashes and
    /// bidirectional overrides so that nothing from the file can drive the terminal.
    /// Very long text is shortened with an ellipsis.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "..."
                break
            }
            count += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
                let isBidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                    || value == 0x200E || value == 0x200F || value == 0x061C
                if isControl || isBidi {
                    out += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
