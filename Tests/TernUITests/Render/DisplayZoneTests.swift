import Foundation
import Testing
@testable import TernUI

@Suite struct DisplayZoneTests {
    // 2026-01-15 12:00 UTC (winter) and 2026-07-15 12:00 UTC (summer), and the epoch.
    static let dates = [Date(timeIntervalSince1970: 1_768_478_400), Date(timeIntervalSince1970: 1_784_116_800),
                        Date(timeIntervalSince1970: 0)]

    @Test(arguments: dates)
    func systemZoneAgreesWithFoundation(date: Date) {
        // Both read the same TZ variable or /etc/localtime.
        #expect(DisplayZone.system.secondsFromGMT(for: date) == TimeZone.current.secondsFromGMT(for: date))
    }

    @Test(arguments: [("Europe/Berlin", 0, 3600), ("Europe/Berlin", 1, 7200), ("America/St_Johns", 0, -12600),
                      ("Asia/Kolkata", 1, 19800)] as [(String, Int, Int)])
    func givenZoneUsesItsOffsets(identifier: String, date: Int, expected: Int) throws {
        let zone = DisplayZone.zone(try #require(TimeZone(identifier: identifier)))
        #expect(zone.secondsFromGMT(for: Self.dates[date]) == expected)
    }

    @Test(arguments: [Double.nan, .infinity, 1e300])
    func datesOutOfRangeDoNotCrash(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(DisplayZone.system.secondsFromGMT(for: date) == 0)
        #expect(DisplayZone.system.brokenDown(date) == nil)
        #expect(ReaderText.date(date, zone: .system) == "?")
        #expect(DateText(format: "%Y").strftime("%Y", date) == "?")
    }

    @Test(arguments: [
        ("UTC", 0, "Thu, 15 Jan 2026 12:00:00 +0000"), ("Europe/Berlin", 1, "Wed, 15 Jul 2026 14:00:00 +0200"),
        ("America/St_Johns", 0, "Thu, 15 Jan 2026 08:30:00 -0330"), ("Asia/Kolkata", 1, "Wed, 15 Jul 2026 17:30:00 +0530"),
        ("Asia/Kathmandu", 0, "Thu, 15 Jan 2026 17:45:00 +0545"), ("UTC", 2, "Thu, 1 Jan 1970 00:00:00 +0000"),
    ] as [(String, Int, String)])
    func readerDatesAreRFC5322WithEnglishNames(identifier: String, date: Int, expected: String) throws {
        let zone = DisplayZone.zone(try #require(TimeZone(identifier: identifier)))
        #expect(ReaderText.date(Self.dates[date], zone: zone) == expected)
    }
}
