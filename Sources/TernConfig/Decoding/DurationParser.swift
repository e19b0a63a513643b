/// Parses durations written as seconds (`300`) or with units (`"90s"`, `"5m"`, `"1h30m"`, `"2d"`).
enum DurationParser {
    /// The number of seconds `text` means, or nil if it is not a duration.
    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces.lowercased()
        guard !trimmed.isEmpty else { return nil }
        if let plain = Int(trimmed), plain >= 0 { return plain }
        var total = 0
        var number = ""
        for character in trimmed {
            if character.isASCII && character.isNumber {
                number.append(character)
                continue
            }
            let unit: Int
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86400
            case " ": continue
            default: return nil
            }
            guard let value = Int(number), value <= 1_000_000 else { return nil }
            total += value * unit
            number = ""
        }
        return number.isEmpty ? total : nil
    }
}
