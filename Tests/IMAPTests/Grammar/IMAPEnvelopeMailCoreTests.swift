import Foundation
@testable import IMAP
import MailCore
import Testing

/// The fast paths of `IMAPEnvelope.mailEnvelope()` give what MailCore's general parsers give.
@Suite struct IMAPEnvelopeMailCoreTests {
    static let dates = [
        "Mon, 4 Mar 2024 10:00:00 +0100", "4 Mar 2024 10:00 -0530", "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)",
        "  Tue, 29 Feb 2000 23:59:60 +0000", "Sun, 31 Dec 2023 23:59:59 +1400", "Mon, 4 mar 2024 10:00:00 +0100",
        "Mon,  4 Mar 2024 10:00:00 +0100", "Fri, 30 Feb 2024 10:00:00 +0100", "Mon, 4 Mar 24 10:00:00 +0100",
        "Mon, 4 Mar 2024 10:00:00 GMT", "Mon, 4 March 2024 10:00:00 +0100", "2024-03-04T10:00:00Z",
        "Mon, 4 Mar 2024 25:00:00 +0100", "Mon, 4 Mar 2024 10:00:00 +0160", "Mon 4 Mar 2024 10:00:00 +0100",
        "Mon, 4 Mar 2024 10:00:00 +0100 (comment (nested))", "", "garbage",
    ]

    @Test(arguments: dates)
    func datesMatchMailCore(_ text: String) {
        let general = MailDate.parse(text)?.date
        if let fast = IMAPEnvelope.fastDate(Array(text.utf8)) {
            #expect(fast == general, "\(text)")
        }
        let envelope = IMAPEnvelope(date: Array(text.utf8)).mailEnvelope()
        #expect(envelope.date == general, "\(text)")
    }

    @Test func commonDatesTakeTheFastPath() {
        #expect(IMAPEnvelope.fastDate(Array("Mon, 4 Mar 2024 10:00:00 +0100".utf8)) != nil)
        #expect(IMAPEnvelope.fastDate(Array("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)".utf8)) != nil)
        #expect(IMAPEnvelope.fastDate(Array("Mon, 4 Mar 2024 10:00:00 GMT".utf8)) == nil)
    }

    static let texts: [[UInt8]] = [
        Array("Plain subject".utf8), Array("=?utf-8?q?Gr=C3=BC=C3=9Fe?= and more".utf8), Array("caf\u{e9}".utf8),
        [0x63, 0x61, 0x66, 0xE9], Array("tab\there".utf8), Array("esc\u{1B}[31m".utf8), Array("a=b?c".utf8), [],
    ]

    @Test(arguments: texts)
    func textMatchesMailCore(_ bytes: [UInt8]) {
        let slow = EncodedWord.decode(IMAPEnvelope.text(bytes, fallback: CharsetDecoder.defaultFallback))
        #expect(IMAPEnvelope.headerText(bytes, fallback: CharsetDecoder.defaultFallback) == slow)
    }

    @Test(arguments: ["<abc@example.org>", "<a b@x>", " <abc@example.org> ", "<a@x> <b@y>", "abc@example.org", "<>",
                      "<a@x> (comment)", "<\u{1B}@x>"])
    func messageIDsMatchMailCore(_ text: String) {
        let general = MessageIDList.parse(text)
        let envelope = IMAPEnvelope(inReplyTo: Array(text.utf8), messageID: Array(text.utf8)).mailEnvelope()
        #expect(envelope.messageID == general.first, "\(text)")
        #expect(envelope.inReplyTo == general, "\(text)")
    }

    @Test func addressesAndGroups() {
        let envelope = IMAPEnvelope(
            from: [IMAPAddress(name: Array("=?iso-8859-1?q?J=F6rg?=".utf8), adl: nil, mailbox: Array("joerg".utf8),
                               host: Array("xn--mller-kva.example".utf8))],
            to: [IMAPAddress(name: nil, adl: nil, mailbox: Array("team".utf8), host: nil),
                 IMAPAddress(name: Array("Ann".utf8), adl: nil, mailbox: Array("ann".utf8), host: Array("example.org".utf8)),
                 IMAPAddress(name: nil, adl: nil, mailbox: nil, host: nil),
                 IMAPAddress(name: nil, adl: nil, mailbox: Array("undisclosed".utf8), host: Array(".MISSING-HOST-NAME.".utf8))])
            .mailEnvelope()
        #expect(envelope.from == [Address(name: "Jörg", address: "joerg@müller.example")])
        #expect(envelope.to == [Address(name: "Ann", address: "ann@example.org"), Address(address: "undisclosed")])
    }
}
