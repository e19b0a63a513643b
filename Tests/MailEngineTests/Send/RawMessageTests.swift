import Foundation
@testable import MailEngine
import Testing

struct RawMessageTests {
    @Test func envelopeFromToCcBccAndBccRemoved() throws {
        let raw = "From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>, carol@example.test\r\n"
            + "Cc: dave@example.test\r\nBcc: eve@example.test,\r\n  frank@example.test\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
            + "Message-ID: <abc@example.test>\r\n\r\nBcc: this line is body text\r\n"
        let message = try RawMessage.prepare(Array(raw.utf8), fallbackSender: "fallback@example.test")
        #expect(message.sender == "alice@example.test")
        #expect(message.recipients == ["bob@example.test", "carol@example.test", "dave@example.test",
                                       "eve@example.test", "frank@example.test"])
        #expect(message.bcc == ["eve@example.test", "frank@example.test"])
        #expect(message.subject == "Grüße")
        #expect(message.messageID == "abc@example.test")
        #expect(String(decoding: message.bytes, as: UTF8.self)
            == "From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>, carol@example.test\r\n"
            + "Cc: dave@example.test\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
            + "Message-ID: <abc@example.test>\r\n\r\nBcc: this line is body text\r\n")
    }

    @Test func lfMessagesAndDuplicatesAndNoFrom() throws {
        let raw = "to: bob@example.test\nCC: BOB@example.test, ann@example.test\nbcc: ann@example.test\n\nhi\n"
        let message = try RawMessage.prepare(Array(raw.utf8), fallbackSender: "alice@example.test")
        #expect(message.sender == "alice@example.test")
        #expect(message.recipients == ["bob@example.test", "ann@example.test"])
        #expect(message.bcc == [])
        #expect(String(decoding: message.bytes, as: UTF8.self) == "to: bob@example.test\nCC: BOB@example.test, ann@example.test\n\nhi\n")
    }

    @Test(arguments: [
        ("", RawMessage.Problem.empty),
        ("just text\n", .noHeader),
        ("Subject: x\n\nbody\n", .noRecipients),
        ("To: undisclosed-recipients:;\n\nx", .noRecipients),
        ("To: bob@example.test, not an address\n\nx", .unusableAddress(field: "To", text: "not an address")),
    ])
    func problemsAreExplained(raw: String, problem: RawMessage.Problem) {
        #expect(throws: problem) { try RawMessage.prepare(Array(raw.utf8), fallbackSender: "a@x") }
    }
}

struct BccFieldTests {
    @Test(arguments: [
        ("To: b@x\r\n\r\nbody\r\n", "To: b@x\r\nBcc: e@x, f@x\r\n\r\nbody\r\n"),
        ("To: b@x\n\nbody\n", "To: b@x\nBcc: e@x, f@x\n\nbody\n"),
        ("To: b@x\r\n", "To: b@x\r\nBcc: e@x, f@x\r\n"),
        ("To: b@x", "To: b@x\r\nBcc: e@x, f@x\r\n"),
    ])
    func addsTheFieldAtTheEndOfTheHeader(message: String, expected: String) {
        #expect(String(decoding: BccField.adding(["e@x", "f@x"], to: Array(message.utf8)), as: UTF8.self) == expected)
    }

    @Test func nothingToAdd() {
        let message = Array("To: b@x\r\n\r\nx".utf8)
        #expect(BccField.adding([], to: message) == message)
    }
}
