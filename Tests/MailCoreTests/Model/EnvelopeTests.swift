import Foundation
import Testing
@testable import MailCore

/// `Envelope(header:)` reads the fields in one pass, with byte-level fast paths: it must give
/// what the general reading of each field gives.
@Suite struct EnvelopeTests {
    /// The envelope read field by field through the general paths: every field's unfolded,
    /// decoded value parsed by the full grammars.
    static func reference(_ header: HeaderSection, fallback: String) -> Envelope {
        func all(_ name: String) -> [HeaderField] { header.fields.filter { $0.name.lowercased() == name } }
        func addresses(_ name: String) -> [Address] {
            all(name).flatMap { AddressList.parse($0.value(fallback: fallback)).flatMap(\.addresses) }
        }
        func ids(_ name: String) -> [MessageID] { all(name).flatMap { MessageIDListTests.reference($0.value()) } }
        return Envelope(
            subject: all("subject").first?.text(fallback: fallback), from: addresses("from"),
            sender: addresses("sender").first, replyTo: addresses("reply-to"), to: addresses("to"), cc: addresses("cc"),
            bcc: addresses("bcc"), date: all("date").first.flatMap { MailDate.parseLeniently($0.value())?.date },
            messageID: all("message-id").first.flatMap { MessageIDListTests.reference($0.value()).first },
            inReplyTo: ids("in-reply-to"), references: ids("references"))
    }

    @Test func generatedHeadersReadAsTheGeneralPaths() {
        var generator = GeneratedHeaders(seed: 11)
        var dated = 0, withIDs = 0, withAddresses = 0
        for round in 0 ..< 6000 {
            let bytes = generator.header()
            let header = HeaderSection(parsing: bytes)
            let fallback = round % 3 == 0 ? "iso-8859-2" : CharsetDecoder.defaultFallback
            let envelope = Envelope(header: header, fallback: fallback)
            #expect(envelope == Self.reference(header, fallback: fallback),
                    "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            // The accessors read what the envelope holds.
            #expect(header.date == envelope.date)
            #expect(header.messageID == envelope.messageID)
            #expect(header.inReplyTo == envelope.inReplyTo && header.references == envelope.references)
            #expect(header.addresses("from", fallback: fallback) == envelope.from)
            if envelope.date != nil { dated += 1 }
            if !envelope.references.isEmpty { withIDs += 1 }
            if !envelope.to.isEmpty { withAddresses += 1 }
        }
        #expect(dated > 200 && withIDs > 1000 && withAddresses > 1500, "\(dated) \(withIDs) \(withAddresses)")
    }

    @Test func theFirstSubjectDateAndIDCountAndAddressFieldsMerge() {
        let header = HeaderSection(parsing: Array("""
            subject: one\r
            SUBJECT: two\r
            Date: garbage\r
            Date: Mon, 2 Mar 2026 10:00:00 +0000\r
            Message-ID: no brackets here\r
            Message-ID: <second@x>\r
            To: a@b\r
            Sender:\r
            Sender: s@x, t@x\r
            TO: C <c@d>\r
            References: <r1@x>\r
            references: <r1@x> <r2@x>\r
            \r

            """.utf8))
        let envelope = Envelope(header: header)
        #expect(envelope.subject == "one")
        #expect(envelope.date == nil)
        #expect(envelope.messageID == nil)
        #expect(envelope.to == [Address(address: "a@b"), Address(name: "C", address: "c@d")])
        #expect(envelope.sender == Address(address: "s@x"))
        // Duplicates are removed within a field, not across fields.
        #expect(envelope.references.map(\.value) == ["r1@x", "r1@x", "r2@x"])
    }
}
