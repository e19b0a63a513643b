import Foundation

/// A date and time with its zone as IMAP writes it: INTERNALDATE, APPEND's date, SEARCH's
/// dates (RFC 9051 §9 `date-time`).
///
/// ```
/// S: * 4 FETCH (INTERNALDATE "17-Jul-1996 02:44:25 -0700")
/// ```
public struct InternalDate: Hashable, Sendable, CustomStringConvertible {
    // Stored compactly (12 bytes): a FETCH event carrying a date is copied several times on its
    // way from the parser to the caller.
    private var storedYear: Int32
    private var storedMonth: UInt8
    private var storedDay: UInt8
    private var storedHour: UInt8
    private var storedMinute: UInt8
    private var storedSecond: UInt8
    private var storedZone: Int16

    /// The year (four digits).
    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }
    /// The month, 1-12.
    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = UInt8(clamping: newValue) }
    }
    /// The day of the month, 1-31.
    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = UInt8(clamping: newValue) }
    }
    /// The hour, 0-23.
    public var hour: Int {
        get { Int(storedHour) }
        set { storedHour = UInt8(clamping: newValue) }
    }
    /// The minute, 0-59.
    public var minute: Int {
        get { Int(storedMinute) }
        set { storedMinute = UInt8(clamping: newValue) }
    }
    /// The second, 0-60.
    public var second: Int {
        get { Int(storedSecond) }
        set { storedSecond = UInt8(clamping: newValue) }
    }
    /// The zone's offset from UTC in minutes, east positive.
    public var zoneMinutes: Int {
        get { Int(storedZone) }
        set { storedZone = Int16(clamping: newValue) }
    }

    /// A date from its fields (out-of-range values are clamped to what the fields can hold).
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, zoneMinutes: Int) {
        storedYear = Int32(clamping: year)
        storedMonth = UInt8(clamping: month)
        storedDay = UInt8(clamping: day)
        storedHour = UInt8(clamping: hour)
        storedMinute = UInt8(clamping: minute)
        storedSecond = UInt8(clamping: second)
        storedZone = Int16(clamping: zoneMinutes)
    }

    /// The fields of `date` in the zone `zoneMinutes` east of UTC.
    public init(_ date: Date, zoneMinutes: Int = 0) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zoneMinutes * 60
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        self.init(year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
                  second: secondOfDay % 60, zoneMinutes: zoneMinutes)
    }

    /// The instant.
    public var date: Date {
        let days = Self.days(fromCivil: year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - zoneMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The wire form without quotes, `17-Jul-1996 02:44:25 -0700`.
    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let sign = zoneMinutes < 0 ? "-" : "+"
        let zone = abs(zoneMinutes)
        let month = (1...12).contains(month) ? Self.monthNames[month - 1] : "Jan"
        return "\(two(day))-\(month)-\(year) \(two(hour)):\(two(minute)):\(two(second)) \(sign)\(two(zone / 60))\(two(zone % 60))"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day count since 1970-01-01.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension GrammarParser {
    // date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
    // date-day-fixed = (SP DIGIT) / 2DIGIT
    // time = 2DIGIT ":" 2DIGIT ":" 2DIGIT
    // zone = ("+" / "-") 4DIGIT
    /// A quoted date-time; a one-digit day without its space is accepted too.
    mutating func parseDateTime() throws(ParseFailure) -> InternalDate {
        let start = index
        try expect(ASCII.quote, "a quoted date-time")
        while consume(ASCII.space) {}
        let day = try digits(1...2)
        try expect(ASCII.minus, "\"-\" in a date")
        let month = try parseMonth()
        try expect(ASCII.minus, "\"-\" in a date")
        let year = try digits(4...4)
        try expect(ASCII.space, "a space in a date-time")
        let hour = try digits(2...2)
        try expect(ASCII.colon, "\":\" in a time")
        let minute = try digits(2...2)
        try expect(ASCII.colon, "\":\" in a time")
        let second = try digits(2...2)
        try expect(ASCII.space, "a space before the zone")
        let negative: Bool
        if consume(ASCII.minus) { negative = true } else {
            try expect(ASCII.plus, "\"+\" or \"-\" before the zone")
            negative = false
        }
        let zone = try digits(4...4)
        try expect(ASCII.quote, "the closing quote of a date-time")
        guard (1...31).contains(day), hour < 24, minute < 60, second <= 60, zone % 100 < 60 else {
            index = start
            throw failure("a valid date-time")
        }
        let zoneMinutes = (zone / 100 * 60 + zone % 100) * (negative ? -1 : 1)
        return InternalDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                            zoneMinutes: zoneMinutes)
    }

    /// `Jan` ... `Dec` in any case, as 1 ... 12.
    private mutating func parseMonth() throws(ParseFailure) -> Int {
        guard index + 3 <= end else { throw failure("a month name") }
        let key = UInt32(ASCII.upper(bytes[index])) << 16 | UInt32(ASCII.upper(bytes[index + 1])) << 8
            | UInt32(ASCII.upper(bytes[index + 2]))
        let month: Int
        switch key {
        case 0x4A414E: month = 1   // JAN
        case 0x464542: month = 2   // FEB
        case 0x4D4152: month = 3   // MAR
        case 0x415052: month = 4   // APR
        case 0x4D4159: month = 5   // MAY
        case 0x4A554E: month = 6   // JUN
        case 0x4A554C: month = 7   // JUL
        case 0x415547: month = 8   // AUG
        case 0x534550: month = 9   // SEP
        case 0x4F4354: month = 10  // OCT
        case 0x4E4F56: month = 11  // NOV
        case 0x444543: month = 12  // DEC
        default: throw failure("a month name")
        }
        index += 3
        return month
    }

    /// A number of `count` digits.
    private mutating func digits(_ count: ClosedRange<Int>) throws(ParseFailure) -> Int {
        var value = 0
        var read = 0
        while read < count.upperBound, index < end, ASCII.isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] - ASCII.zero)
            index += 1
            read += 1
        }
        guard read >= count.lowerBound else { throw failure("\(count.lowerBound) digits") }
        return value
    }
}

// MARK: - Encoding

extension CommandBuffer {
    // date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
    /// Writes a quoted date-time.
    mutating func write(dateTime: InternalDate) {
        write("\"")
        write(bytes: Array(dateTime.description.utf8))
        write("\"")
    }

    // date = date-text / DQUOTE date-text DQUOTE ; date-text = date-day "-" date-month "-" date-year
    /// Writes a SEARCH date (`1-Feb-2024`) for the day `date` falls on in UTC.
    mutating func write(searchDate date: Date) {
        let fields = InternalDate(date)
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][fields.month - 1]
        write(bytes: Array("\(fields.day)-\(month)-\(fields.year)".utf8))
    }
}
