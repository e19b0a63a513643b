import Foundation

/// A `Date` header value (RFC 5322 §3.3 and the obsolete forms of §4.3): the instant and the
/// zone offset the sender wrote.
public struct MailDate: Sendable, Hashable, Codable {
    /// The instant.
    public var date: Date
    /// The sender's offset from UTC in seconds (east positive); 0 when the zone was unknown.
    public var zoneOffset: Int

    /// A date from its parts.
    public init(date: Date, zoneOffset: Int) {
        self.date = date
        self.zoneOffset = zoneOffset
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let dayNames = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// Named zones: RFC 5322's obsolete names plus common ones that real mail uses. Offsets in minutes.
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "met": 60, "mest": 120,
        "bst": 60, "eet": 120, "eest": 180, "wet": 0, "west": 60, "jst": 540, "kst": 540, "hkt": 480,
        "sgt": 480, "ist": 330, "msk": 180, "aest": 600, "aedt": 660, "acst": 570, "awst": 480,
        "nzst": 720, "nzdt": 780, "hst": -600, "akst": -540, "akdt": -480, "ast": -240, "adt": -180,
        "nst": -210, "ndt": -150,
    ]

    /// Parses a date, leniently: optional day name, `day month year` or `month day year` order,
    /// named or numeric zones, missing seconds, two-digit years (< 50 is 20xx, else 19xx),
    /// three-digit years (+1900), dashes between the parts, and comments.
    ///
    /// - Parameter text: The unfolded field value.
    /// - Returns: The date, or nil when no valid date can be read (never "now").
    public static func parse(_ text: String) -> MailDate? {
        if let date = parseCommonForm(text) { return date }
        return parseLeniently(text)
    }

    /// The form nearly every message uses, `[Day, ]D Mon YYYY HH:MM[:SS] +ZZZZ` (RFC 5322 §3.3),
    /// read on bytes; nil for anything else, which ``parseLeniently(_:)`` then reads. Gives what
    /// the lenient parse gives for this form (a header cache reads 100,000 dates at a time).
    static func parseCommonForm(_ text: String) -> MailDate? {
        parseCommonForm(bytes: text.utf8)
    }

    /// ``parseCommonForm(_:)`` of UTF-8 bytes. It accepts ASCII only, so whatever it reads from a
    /// field's raw bytes reads the same from the decoded value.
    static func parseCommonForm<Bytes: Sequence<UInt8>>(bytes: Bytes) -> MailDate? {
        var utf8 = bytes.makeIterator()
        var byte = utf8.next()
        func skipSpaces() { while byte == 0x20 || byte == 0x09 { byte = utf8.next() } }
        func digits(_ minCount: Int, _ maxCount: Int) -> Int? {
            var value = 0, count = 0
            while let b = byte, b >= 0x30, b <= 0x39, count < maxCount {
                value = value * 10 + Int(b - 0x30)
                count += 1
                byte = utf8.next()
            }
            return count >= minCount ? value : nil
        }
        // Three letters, lowered, packed into one number (see `packed`).
        func letters() -> UInt32? {
            var word: UInt32 = 0
            var shift: UInt32 = 0
            while shift < 24 {
                guard let b = byte, (b | 0x20) >= 0x61, (b | 0x20) <= 0x7A else { return nil }
                word |= UInt32(b | 0x20) << shift
                byte = utf8.next()
                shift += 8
            }
            return word
        }
        skipSpaces()
        if let b = byte, (b | 0x20) >= 0x61, (b | 0x20) <= 0x7A {
            guard let name = letters(), packedWeekdays.contains(name), byte == UInt8(ascii: ",") else { return nil }
            byte = utf8.next()
            skipSpaces()
        }
        guard let day = digits(1, 2), day >= 1, byte == 0x20 else { return nil }
        skipSpaces()
        guard let name = letters(), let month = packedMonths.firstIndex(of: name), byte == 0x20 else { return nil }
        skipSpaces()
        guard let year = digits(4, 4), year >= 1000, byte == 0x20 else { return nil }
        skipSpaces()
        guard let hour = digits(2, 2), hour < 24, byte == UInt8(ascii: ":") else { return nil }
        byte = utf8.next()
        guard let minute = digits(2, 2), minute < 60 else { return nil }
        var second = 0
        if byte == UInt8(ascii: ":") {
            byte = utf8.next()
            guard let value = digits(2, 2), value <= 60 else { return nil }
            second = min(value, 59)
        }
        guard byte == 0x20 else { return nil }
        skipSpaces()
        guard let sign = byte, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        byte = utf8.next()
        guard let zone = digits(4, 4), zone % 100 < 60, zone / 100 < 24 else { return nil }
        while byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { byte = utf8.next() }
        guard byte == nil, day <= daysIn(month: month + 1, year: year) else { return nil }
        let minutes = (zone / 100) * 60 + zone % 100
        let offset = (sign == UInt8(ascii: "-") ? -minutes : minutes) * 60
        let seconds = daysFromCivil(year, month + 1, day) * 86400 + hour * 3600 + minute * 60 + second - offset
        return MailDate(date: Date(timeIntervalSince1970: TimeInterval(seconds)), zoneOffset: offset)
    }

    /// A three-letter lower-case name as one number: its bytes, the first lowest.
    private static func packed(_ name: String) -> UInt32 {
        name.utf8.prefix(3).enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }

    private static let packedMonths = months.map(packed)
    private static let packedWeekdays = weekdays.map(packed)

    /// The lenient parse of ``parse(_:)``.
    static func parseLeniently(_ text: String) -> MailDate? {
        // Remove comments such as "(UTC)" and split on white space and commas.
        var cleaned = ""
        var depth = 0
        for ch in text.unicodeScalars.prefix(200) {
            if ch == "(" { depth += 1; continue }
            if ch == ")" { depth = max(0, depth - 1); cleaned.append(" "); continue }
            if depth == 0 { cleaned.unicodeScalars.append(ch) }
        }
        var tokens: [Substring] = []
        for raw in cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }) {
            // "2-Jan-2006" → "2" "Jan" "2006"; ISO dates handled below.
            // Byte tests: `contains("-")` on a Substring goes through Foundation's string search,
            // which made this parse a tenth of a Maildir scan.
            if raw.utf8.contains(UInt8(ascii: "-")), raw.contains(where: { $0.isLetter }), !raw.hasPrefix("-") {
                tokens.append(contentsOf: raw.split(separator: "-"))
            } else if raw.utf8.contains(UInt8(ascii: ":")), let signIndex = raw.firstIndex(where: { $0 == "+" || $0 == "-" }) {
                tokens.append(raw[..<signIndex])
                tokens.append(raw[signIndex...])
            } else {
                tokens.append(raw)
            }
        }
        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var sawTime = false
        var offsetMinutes: Int?
        for token in tokens {
            let lower = token.lowercased()
            if token.utf8.contains(UInt8(ascii: ":")) {
                guard !sawTime else { continue }
                let parts = token.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 2, parts.count <= 3, let h = Int(parts[0]), let m = Int(parts[1]),
                      h >= 0, h < 24, m >= 0, m < 60 else { return nil }
                var s = 0
                if parts.count == 3 {
                    guard let v = Int(parts[2].prefix { $0.isNumber }), v >= 0, v <= 60 else { return nil }
                    s = min(v, 59)
                }
                hour = h; minute = m; second = s
                sawTime = true
            } else if (token.first == "+" || token.first == "-"), token.count == 5,
                      let v = Int(token.dropFirst()), token.dropFirst().allSatisfy({ $0.isNumber }) {
                let minutes = (v / 100) * 60 + v % 100
                guard v % 100 < 60, v / 100 < 24 else { return nil }
                offsetMinutes = token.first == "-" ? -minutes : minutes
            } else if token.allSatisfy({ $0.isASCII && $0.isLetter }) {
                let p = String(lower.prefix(3))
                if month == nil, lower.count >= 3, let m = months.firstIndex(of: p),
                   lower.count == 3 || monthFullNameMatches(lower, m) {
                    month = m + 1
                } else if weekdays.contains(p) {
                    continue
                } else if let z = zones[lower] {
                    if offsetMinutes == nil { offsetMinutes = z }
                } else if lower.count == 1 {
                    if offsetMinutes == nil { offsetMinutes = 0 }  // military zones: -0000 (RFC 5322 §4.3)
                } else {
                    continue
                }
            } else if token.allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard token.count <= 4, let v = Int(token) else { return nil }
                if day == nil, token.count <= 2, v >= 1, v <= 31 {
                    day = v
                    continue
                }
                if year == nil {
                    year = token.count == 2 ? (v < 50 ? 2000 + v : 1900 + v) : (token.count == 3 ? 1900 + v : v)
                } else {
                    return nil
                }
            } else if let iso = isoDate(token) {
                (year, month, day) = (iso.0, iso.1, iso.2)
            }
        }
        guard let d = day, let m = month, let y = year, y >= 1000, y <= 9999, d <= daysIn(month: m, year: y) else {
            return nil
        }
        let offset = (offsetMinutes ?? 0) * 60
        let days = daysFromCivil(y, m, d)
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset
        return MailDate(date: Date(timeIntervalSince1970: TimeInterval(seconds)), zoneOffset: offset)
    }

    private static func monthFullNameMatches(_ lower: String, _ m: Int) -> Bool {
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"]
        return full[m] == lower || (m == 8 && lower == "sept")
    }

    private static func isoDate(_ token: Substring) -> (Int, Int, Int)? {
        let parts = token.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
              let d = Int(parts[2].prefix(2)), m >= 1, m <= 12, d >= 1 else { return nil }
        return (y, m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// The RFC 5322 form, e.g. `Mon, 2 Jan 2006 15:04:05 +0100`.
    public var rfc5322: String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zoneOffset
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secs = local - days * 86400
        let (y, m, d) = Self.civilFromDays(days)
        let weekday = Self.dayNames[((days % 7) + 7) % 7]
        let sign = zoneOffset < 0 ? "-" : "+"
        let off = abs(zoneOffset) / 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekday), \(d) \(Self.monthNames[m - 1]) \(y) \(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60)) "
            + "\(sign)\(two(off / 60))\(two(off % 60))"
    }

    /// ISO 8601 in UTC with seconds, e.g. `2006-01-02T14:04:05Z` (the JSON form).
    public static func iso8601(_ date: Date) -> String {
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let secs = t - days * 86400
        let (y, m, d) = civilFromDays(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(y)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))Z"
    }
}
