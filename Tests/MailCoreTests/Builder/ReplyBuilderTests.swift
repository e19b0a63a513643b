import Testing
@testable import MailCore

let originalMail = Message("""
    From: Ann Example <ann@example.org>\r
    To: me@example.com, Bob <bob@example.net>\r
    Cc: carol@example.com, ME@example.com, bob@example.net\r
    Subject: Plans\r
    Date: Mon, 2 Jan 2006 15:04:05 +0100\r
    Message-ID: <orig@example.org>\r
    References: <root@example.org>\r
    In-Reply-To: <root@example.org>\r
    \r
    Line one\r
    > earlier quote\r
    \r
    Line three\r
    """)

let me = Address(name: "Me", address: "me@example.com")

@Test(arguments: [
    ("Plans", "Re: Plans"), ("Re: Plans", "Re: Plans"), ("RE: Plans", "RE: Plans"), ("re[2]: Plans", "re[2]: Plans"),
    ("AW: Plans", "AW: Plans"), ("Reply", "Re: Reply"), ("", "Re: "),
])
func replySubjects(subject: String, expected: String) {
    #expect(ReplyBuilder.replySubject(subject) == expected.trimmingSpaces() || ReplyBuilder.replySubject(subject) == expected)
}

@Test(arguments: [("Plans", "Fwd: Plans"), ("Fwd: Plans", "Fwd: Plans"), ("FW: x", "FW: x")])
func forwardSubjects(subject: String, expected: String) {
    #expect(ReplyBuilder.forwardSubject(subject) == expected)
}

@Test func replyQuotesAndThreads() throws {
    let b = ReplyBuilder.reply(to: originalMail, from: me, text: "Sounds good.")
    #expect(b.to.map(\.address) == ["ann@example.org"])
    #expect(b.cc.isEmpty)
    #expect(b.subject == "Re: Plans")
    #expect(b.inReplyTo == [MessageID("orig@example.org")])
    #expect(b.references == [MessageID("root@example.org"), MessageID("orig@example.org")])
    #expect(b.text == """
        Sounds good.

        On Mon, 2 Jan 2006 15:04:05 +0100, Ann Example wrote:
        > Line one
        >> earlier quote
        >
        > Line three

        """)
    let built = try b.build()
    let parsed = Message(bytes: built.bytes)
    #expect(parsed.envelope.inReplyTo == [MessageID("orig@example.org")])
}

@Test func replyAllHasNoDuplicatesAndNotMe() {
    let b = ReplyBuilder.reply(to: originalMail, from: me, all: true)
    #expect(b.to.map(\.address) == ["ann@example.org"])
    #expect(b.cc.map(\.address) == ["bob@example.net", "carol@example.com"])
}

@Test func replyToOwnMessageGoesToItsRecipients() {
    let mine = Message("From: Me <me@example.com>\r\nTo: ann@example.org\r\nSubject: x\r\nMessage-ID: <m@x>\r\n\r\nhi\r\n")
    let b = ReplyBuilder.reply(to: mine, from: me)
    #expect(b.to.map(\.address) == ["ann@example.org"])
}

@Test func replyUsesReplyTo() {
    let list = Message("From: ann@example.org\r\nReply-To: list@example.org\r\nTo: list@example.org\r\nSubject: x\r\n\r\nhi\r\n")
    let b = ReplyBuilder.reply(to: list, from: me, all: true)
    #expect(b.to.map(\.address) == ["list@example.org"])
    #expect(b.cc.isEmpty)
}

@Test func forwardInlineCarriesTextAndAttachments() throws {
    let m = Message("From: ann@example.org\r\nSubject: Report\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nSee file.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=r.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n")
    var b = ReplyBuilder.forwardInline(m, from: me, text: "FYI")
    b.to = [bob]
    #expect(b.subject == "Fwd: Report")
    #expect(b.text.hasPrefix("FYI\n\n---------- Forwarded message ----------\nFrom: ann@example.org\nSubject: Report\n\nSee file."))
    #expect(b.attachments.map(\.filename) == ["r.pdf"])
    let parsed = Message(bytes: try b.build().bytes)
    #expect(parsed.attachments().first?.part.decodedBody() == Array("%PDF-".utf8))
}

@Test func forwardAsAttachmentEmbedsTheMessage() throws {
    var b = ReplyBuilder.forwardAsAttachment(originalMail, from: me, text: "see below")
    b.to = [bob]
    let parsed = Message(bytes: try b.build().bytes)
    let attached = try #require(parsed.attachments().first)
    #expect(attached.part.contentType.mimeType == "message/rfc822")
    #expect(attached.part.filename == "Plans.eml")
    #expect(attached.part.embeddedMessage?.header.text("Subject") == "Plans")
    #expect(Array(attached.part.rawBody) == MIMEWriter.crlf(originalMail.bytes))
}
