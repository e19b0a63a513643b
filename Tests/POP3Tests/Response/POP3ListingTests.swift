import POP3
import Testing

@Suite struct POP3ListingTests {
    @Test(arguments: [
        ("2 320", POP3MaildropStatus(messageCount: 2, totalSize: 320)),
        ("0 0", POP3MaildropStatus(messageCount: 0, totalSize: 0)),
        ("5 1024 extra text", POP3MaildropStatus(messageCount: 5, totalSize: 1024)),
    ])
    func parsesSTAT(text: String, expected: POP3MaildropStatus) {
        #expect(POP3MaildropStatus(parsing: Array(text.utf8)[...]) == expected)
    }

    @Test(arguments: ["", "2", "a b", "2  320", "-1 5", "2 320x", "99999999999999999999 1"])
    func rejectsMalformedSTAT(text: String) {
        #expect(POP3MaildropStatus(parsing: Array(text.utf8)[...]) == nil)
    }

    @Test(arguments: [
        ("1 120", POP3ListEntry(messageNumber: 1, size: 120)),
        ("7 0", POP3ListEntry(messageNumber: 7, size: 0)),
        ("3 200 octets", POP3ListEntry(messageNumber: 3, size: 200)),
    ])
    func parsesScanListings(line: String, expected: POP3ListEntry) {
        #expect(POP3ListEntry(parsing: Array(line.utf8)[...]) == expected)
    }

    @Test(arguments: ["", "1", "0 120", "x 1", "1 -5", "1 12a", " 1 2"])
    func rejectsMalformedScanListings(line: String) {
        #expect(POP3ListEntry(parsing: Array(line.utf8)[...]) == nil)
    }
}
