/// Sizes and counts as the UI writes them.
public enum NumberText {
    /// A byte count in at most 4 characters: `512`, `1.2K`, `34K`, `2.1M`, `12M`, `1.5G`.
    public static func size(_ bytes: Int) -> String {
        let n = max(0, bytes)
        if n < 1000 { return String(n) }
        let units: [(Double, String)] = [(1024, "K"), (1024 * 1024, "M"), (1024 * 1024 * 1024, "G")]
        for (unit, suffix) in units {
            let value = Double(n) / unit
            if value < 9.95 { return String(format: "%.1f%@", value, suffix) }
            if value < 999.5 { return "\(Int(value.rounded()))\(suffix)" }
        }
        return "\(n / (1024 * 1024 * 1024))G"
    }

    /// A count with thousands separators: `100,000`.
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }
}
