import Foundation
import Testing
@testable import MailCore

/// Expected values are seconds since 1970 in UTC.
@Test(arguments: [
    ("Mon, 2 Jan 2006 15:04:05 +0000", 1136214245),
    ("Mon, 2 Jan 2006 15:04:05 -0700", 1136239445),
    ("2 Jan 2006 15:04:05 +0100", 1136210645),
    ("Mon, 2 Jan 2006 15:04 GMT", 1136214240),
    ("Mon, 02 Jan 06 15:04:05 EST", 1136232245),
    ("Mon, 2 Jan 99 15:04:05 UT", 915289445),
    ("Mon, 2 Jan 106 15:04:05 +0000", 1136214245),
    ("Mon,  2 Jan 2006 15:04:05 +0000 (UTC)", 1136214245),
    ("Mon Jan  2 15:04:05 2006", 1136214245),
    ("2-Jan-2006 15:04:05 +0000", 1136214245),
    ("Monday, 2 January 2006 15:04:05 PDT", 1136239445),
    ("Mon, 2 Jan 2006 15:04:05 Z", 1136214245),
    ("Mon, 2 Jan 2006 15:04:05 A", 1136214245),
    ("Wed, 29 Feb 2012 00:00:00 +0000", 1330473600),
    ("Mon, 2 Jan 2006 15:04:60 +0000", 1136214299),
])
func datesParse(text: String, epoch: Int) throws {
    let d = try #require(MailDate.parse(text))
    #expect(Int(d.date.timeIntervalSince1970) == epoch)
}

@Test(arguments: [
    "", "garbage", "Mon, 32 Jan 2006 15:04:05 +0000", "Mon, 2 Foo 2006 15:04:05 +0000",
    "Wed, 29 Feb 2011 00:00:00 +0000", "Mon, 2 Jan 2006 25:04:05 +0000", "Mon, 2 Jan 2006 15:04:05 +9999",
    "2 Jan", "Jan 2006", String(repeating: "1 ", count: 10_000),
])
func unparseableDatesAreNil(text: String) {
    #expect(MailDate.parse(text) == nil)
}

@Test func formatting() throws {
    let d = MailDate(date: Date(timeIntervalSince1970: 1136214245), zoneOffset: -7 * 3600)
    #expect(d.rfc5322 == "Mon, 2 Jan 2006 08:04:05 -0700")
    #expect(MailDate.iso8601(d.date) == "2006-01-02T15:04:05Z")
    let back = try #require(MailDate.parse(d.rfc5322))
    #expect(back == d)
}

/// The byte-level reading of the common form gives what the lenient parse gives, and leaves every
/// other form to it.
@Test(arguments: [
    ("Mon, 2 Mar 2026 10:00:00 +0000", true), ("2 Mar 2026 10:00 -0730", true), ("Sun, 29 Feb 2004 23:59:60 +1400", true),
    ("  tue,  02 dec 1999 01:02:03 -0000 \r\n", true), ("Fri, 13 Nov 2026 07:08:09 +0100", true),
    ("Mon, 2 Mar 2026 10:00:00 +0000 (UTC)", false), ("Mon, 2 Mar 2026 10:00:00 GMT", false), ("Monday, 2 Mar 2026 10:00 +0000", false),
    ("2 Mar 26 10:00 +0000", false), ("Mar 2 2026 10:00 +0000", false), ("Mon, 31 Feb 2026 10:00 +0000", false),
    ("Mon, 2 Mar 2026 9:00 +0000", false), ("Mon, 2 Mar 2026 24:00 +0000", false), ("Mon, 2 Mar 2026 10:00 +2460", false),
    ("Xyz, 2 Mar 2026 10:00 +0000", false), ("2026-03-02T10:00:00Z", false), ("", false), ("Mon, 0 Mar 2026 10:00 +0000", false),
])
func commonFormMatchesTheLenientParse(text: String, common: Bool) {
    let fast = MailDate.parseCommonForm(text)
    #expect((fast != nil) == common)
    if let fast { #expect(fast == MailDate.parseLeniently(text)) }
    #expect(MailDate.parse(text) == (fast ?? MailDate.parseLeniently(text)))
}

/// A `Date` field is read from its raw bytes in the common form: generated values (folds, 8-bit
/// bytes, comments, broken forms) give what the string reading of the unfolded value gives.
@Test func dateFieldsReadFromBytesAsFromTheirValue() {
    var generator = GeneratedHeaders(seed: 5)
    let dates = ["Mon, 2 Mar 2026 10:00:00 +0100", "2 Mar 2026 10:00 -0730", " tue,  02 dec 1999 01:02:03 -0000 ",
                 "Sun, 29 Feb 2004 23:59:60 +1400", "Fri, 13 Nov 2026 07:08:09 +0100", "Sat, 1 Jan 2000 00:00 +0000",
                 "Wed, 31 Dec 2025 23:59:59 -1159", "Thu, 29 Oct 2026 01:51:46 +0530"]
    var common = 0
    for round in 0 ..< 20000 {
        var raw = Array(generator.pick(dates).utf8)
        if round % 2 == 0 {
            for _ in 0 ..< 1 + generator.next(2) {
                raw.insert(contentsOf: generator.pick(GeneratedHeaders.pieces + [Array("\r\n ".utf8), [0x20], [0x09]]),
                           at: generator.next(raw.count + 1))
            }
        }
        guard let field = HeaderSection(parsing: Array("Date:".utf8) + raw + Array("\r\n\r\n".utf8)).fields.first else { continue }
        let expected = MailDate.parse(field.value())
        #expect(field.mailDate == expected, "\(String(decoding: raw, as: UTF8.self).debugDescription)")
        if let fast = field.rawValue.withUnsafeBufferPointer({ MailDate.parseCommonForm(bytes: $0) }) {
            common += 1
            #expect(fast == MailDate.parseLeniently(field.value()), "\(String(decoding: raw, as: UTF8.self).debugDescription)")
        }
    }
    #expect(common > 8000)
}
