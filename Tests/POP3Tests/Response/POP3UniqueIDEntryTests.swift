import POP3
import Testing

@Suite struct POP3UniqueIDEntryTests {
    @Test(arguments: [
        ("1 whqtswO00WBw418f9t5JxYwZ", 1, "whqtswO00WBw418f9t5JxYwZ"),
        ("2 QhdPYR:00WBw1Ph7x7", 2, "QhdPYR:00WBw1Ph7x7"),
        ("3 ../../etc/passwd", 3, "../../etc/passwd"),
        ("4 !", 4, "!"),
        ("5 " + String(repeating: "~", count: 70), 5, String(repeating: "~", count: 70)),
    ])
    func parses(line: String, number: Int, id: String) throws {
        let entry = try POP3UniqueIDEntry(parsing: Array(line.utf8)[...])
        #expect(entry.messageNumber == number)
        #expect(entry.uniqueID.value == id)
    }

    @Test(arguments: [
        ("1 " + String(repeating: "a", count: 71), POP3UniqueIDEntry.ParseFailure.invalidUniqueID),
        ("1 two words", .invalidUniqueID),
        ("1 ", .invalidUniqueID),
        ("1 tab\there", .invalidUniqueID),
        ("1 esc\u{1b}[2J", .invalidUniqueID),
        ("1 caf\u{e9}", .invalidUniqueID),
        ("1", .malformed),
        ("0 abc", .malformed),
        ("x abc", .malformed),
        ("", .malformed),
    ])
    func rejects(line: String, failure: POP3UniqueIDEntry.ParseFailure) {
        #expect(throws: failure) { try POP3UniqueIDEntry(parsing: Array(line.utf8)[...]) }
    }

    @Test func theLengthLimitIsConfigurable() throws {
        let long = String(repeating: "a", count: 100)
        #expect(throws: POP3UniqueIDEntry.ParseFailure.invalidUniqueID) {
            try POP3UniqueIDEntry(parsing: Array("1 \(long)".utf8)[...])
        }
        #expect(try POP3UniqueIDEntry(parsing: Array("1 \(long)".utf8)[...], maximumIDLength: 100).uniqueID.value == long)
    }
}
