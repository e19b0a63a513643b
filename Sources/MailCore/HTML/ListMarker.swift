/// Numbers of ordered list items in the styles of `<ol type>`.
enum ListMarker {
    /// `value` in `style`: `1` decimal, `a`/`A` letters (`z` is followed by `aa`), `i`/`I` roman
    /// numerals (1-3999; other values fall back to decimal, as do letters for values below 1).
    static func ordinal(_ value: Int, style: Character) -> String {
        switch style {
        case "a", "A":
            guard value >= 1 else { return String(value) }
            var n = value
            var letters: [Character] = []
            while n > 0 {
                n -= 1
                letters.append(Character(Unicode.Scalar(UInt8(97 + n % 26))))
                n /= 26
            }
            let text = String(letters.reversed())
            return style == "A" ? text.uppercased() : text
        case "i", "I":
            guard value >= 1 && value < 4000 else { return String(value) }
            let text = roman(value)
            return style == "I" ? text.uppercased() : text
        default:
            return String(value)
        }
    }

    private static func roman(_ value: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var n = value
        var out = ""
        for (amount, letters) in table {
            while n >= amount {
                out += letters
                n -= amount
            }
        }
        return out
    }
}
