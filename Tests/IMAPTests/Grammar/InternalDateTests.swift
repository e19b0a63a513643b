import Foundation
@testable import IMAP
import Testing

@Suite struct InternalDateTests {
    @Test func convertsToAndFromDates() {
        let date = InternalDate(year: 1996, month: 7, day: 17, hour: 2, minute: 44, second: 25, zoneMinutes: -420)
        #expect(date.date == Date(timeIntervalSince1970: 837_596_665))
        #expect(date.description == "17-Jul-1996 02:44:25 -0700")
        #expect(InternalDate(date.date, zoneMinutes: -420) == date)
        #expect(InternalDate(Date(timeIntervalSince1970: 0)).description == "01-Jan-1970 00:00:00 +0000")
        #expect(InternalDate(Date(timeIntervalSince1970: -1)).description == "31-Dec-1969 23:59:59 +0000")
        #expect(InternalDate(Date(timeIntervalSince1970: 951_782_400), zoneMinutes: 330).description
            == "29-Feb-2000 05:30:00 +0530")
    }

    @Test(arguments: ["\" 7-Jul-1996 02:44:25 +0200\"", "\"7-jul-1996 02:44:25 +0200\"", "\"07-JUL-1996 02:44:25 +0200\""])
    func parsesDayForms(_ text: String) throws {
        let attributes = try parseFetchAttributes("* 1 FETCH (INTERNALDATE \(text))\r\n")
        #expect(attributes == [.internalDate(InternalDate(year: 1996, month: 7, day: 7, hour: 2, minute: 44, second: 25,
                                                         zoneMinutes: 120))])
    }

    @Test(arguments: ["\"17-Jux-1996 02:44:25 -0700\"", "\"17-Jul-96 02:44:25 -0700\"", "\"17-Jul-1996 25:44:25 -0700\"",
                      "\"17-Jul-1996 02:44:25 0700\"", "17-Jul-1996"])
    func rejectsBadDates(_ text: String) {
        #expect(throws: IMAPProtocolError.self) { try parseEvents("* 1 FETCH (INTERNALDATE \(text))\r\n") }
    }
}
