import Foundation
import Testing
@testable import MailCore

/// Builders covering the shapes the composer produces.
func roundTripBuilders() -> [MessageBuilder] {
    var out: [MessageBuilder] = []
    var b = fixedBuilder()
    b.subject = "ASCII only"
    b.text = "short text\nsecond line\n"
    out.append(b)

    b = fixedBuilder()
    b.subject = "Grüße — ünïcödé subject that is long enough to need folding across lines, really"
    b.cc = [Address(name: "Carol \"CJ\" Jones", address: "carol@example.com"), Address(address: "dave@例え.jp")]
    b.replyTo = [Address(name: "List", address: "list@example.org")]
    b.inReplyTo = [MessageID("parent@example.org")]
    b.references = [MessageID("root@example.org"), MessageID("parent@example.org")]
    b.text = "Grüße!\n" + String(repeating: "a very long line ", count: 12) + "\n\ttab\nend without newline"
    b.html = "<p>Grüße!</p>\n"
    out.append(b)

    b = fixedBuilder()
    b.subject = "Attachments"
    b.text = "see attached\n"
    b.attachments = [
        .file("Résumé 2006.pdf", Array("%PDF-1.4\n%âãÏÓ\n".utf8)),
        .file("data.bin", (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }),
        OutgoingAttachment(filename: "note.txt", content: .file(Array("line\r\nline\n".utf8)), contentType: "text/plain"),
        OutgoingAttachment(filename: "inner.eml", content: .message(Array("From: x@example.org\r\nSubject: inner\r\n\r\nbody\r\n".utf8))),
    ]
    out.append(b)

    b = fixedBuilder()
    b.subject = ""
    b.text = ""
    b.html = "<b>only html</b>"
    out.append(b)
    return out
}

/// A builder recreated from a parsed message: the composer's view of it.
func rebuild(_ m: Message, like original: MessageBuilder) throws -> MessageBuilder {
    let e = m.envelope
    var b = MessageBuilder(from: try #require(e.from.first))
    b.to = e.to
    b.cc = e.cc
    b.replyTo = e.replyTo
    b.subject = e.subject ?? ""
    b.date = try #require(e.date)
    b.zoneOffset = MailDate.parse(m.header.first("Date")!.value())!.zoneOffset
    b.messageID = e.messageID
    b.inReplyTo = e.inReplyTo
    b.references = e.references
    b.randomSeed = original.randomSeed
    let shown = m.bodyParts(preferring: .plainText)
    b.text = shown.first?.part.text() ?? ""
    if let html = m.bodyParts(preferring: .html).first, html.part.contentType.subtype == "html" {
        b.html = html.part.text()
    }
    b.attachments = m.attachments().map { a in
        if let _ = a.part.embeddedMessage {
            return OutgoingAttachment(filename: a.part.filename ?? "", content: .message(Array(a.part.rawBody)))
        }
        return OutgoingAttachment(filename: a.part.filename ?? "", content: .file(a.part.decodedBody()),
                                  contentType: a.part.contentType.mimeType)
    }
    return b
}

@Test(arguments: roundTripBuilders().indices)
func builtMessagesRoundTrip(index: Int) throws {
    let original = roundTripBuilders()[index]
    let built = try original.build()
    let m = Message(bytes: built.bytes)
    #expect(m.notes.isEmpty)
    let e = m.envelope
    #expect(e.subject == original.subject.trimmingSpaces() || (e.subject == "" && original.subject.isEmpty))
    #expect(e.from == [original.from])
    #expect(e.to == original.to)
    #expect(e.cc == original.cc)
    #expect(e.replyTo == original.replyTo)
    #expect(e.bcc.isEmpty)
    #expect(e.date == original.date)
    #expect(e.messageID == original.messageID)
    #expect(e.inReplyTo == original.inReplyTo)
    #expect(e.references == original.references)
    // Content bytes.
    let text = m.bodyParts(preferring: .plainText).first?.part
    #expect(text?.decodedBody() == MIMEWriter.crlf(Array(original.text.utf8)))
    if let html = original.html {
        let h = m.bodyParts(preferring: .html).first?.part
        #expect(h?.contentType.subtype == "html")
        #expect(h?.decodedBody() == MIMEWriter.crlf(Array(html.utf8)))
    }
    let atts = m.attachments()
    #expect(atts.count == original.attachments.count)
    for (a, o) in zip(atts, original.attachments) {
        #expect(a.part.filename == o.filename)
        switch o.content {
        case .file(let data): #expect(a.part.decodedBody() == data)
        case .message(let data): #expect(Array(a.part.rawBody) == MIMEWriter.crlf(data))
        }
    }
    // Byte-identical: the parsed message, built again, gives the same bytes.
    let again = try rebuild(m, like: original).build()
    #expect(String(decoding: again.bytes, as: UTF8.self) == String(decoding: built.bytes, as: UTF8.self))
}
