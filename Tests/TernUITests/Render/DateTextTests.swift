import Foundation
import Testing
@testable import TernUI

@Suite struct DateTextTests {
    let dates = DateText(format: "%Y-%m-%d %H:%M", timeZone: TimeZone(identifier: "UTC")!)
    // Monday 2026-09-21 20:26:40 UTC.
    let now = Date(timeIntervalSince1970: 1_790_022_400)

    @Test(arguments: [
        (10.0, "just now"), (125, "2 min ago"), (3599, "59 min ago"), (3 * 3600, "17:26"),
        (20 * 3600, "00:26"), (24 * 3600, "Sun 20:26"), (6 * 86400, "Tue 20:26"),
        (8 * 86400, "2026-09-13 20:26"), (-3600, "2026-09-21 21:26"),
    ] as [(Double, String)])
    func relativeForRecentMail(ago: Double, expected: String) {
        #expect(dates.string(now.addingTimeInterval(-ago), now: now) == expected)
    }

    @Test func timeZoneShiftsTheDay() {
        let tokyo = DateText(format: "%Y-%m-%d", timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        // 20:26 UTC is 05:26 the next day in Tokyo; 22 hours earlier is the previous day there.
        #expect(tokyo.string(now.addingTimeInterval(-22 * 3600), now: now) == "Mon 07:26")
    }

    @Test func columnWidthFollowsTheFormat() {
        #expect(DateText(format: "%Y-%m-%d %H:%M").columnWidth == 16)
        #expect(DateText(format: "%d/%m").columnWidth == 10)
    }
}
