import Testing
@testable import MailCore

@Test func unfoldingAndDuplicates() {
    let m = Message("Subject: one\r\n two\r\n\tthree\r\nTo: a@b\r\nTo: c@d\r\nX-Empty:\r\nSubject: second\r\n\r\nbody")
    #expect(m.header.text("Subject") == "one two\tthree".replacingAll("\t", with: " "))
    #expect(m.header.addresses("To").map(\.address) == ["a@b", "c@d"])
    #expect(m.header.text("x-empty") == "")
    #expect(m.header.all("subject").count == 2)
    #expect(m.header.text("Missing") == nil)
    #expect(m.root.rawBody.elementsEqual("body".utf8))
}

@Test func obsoleteSpaceBeforeColonAndLFOnly() {
    let m = Message("Subject : hello\nFrom: a@b\n\nbody\n")
    #expect(m.header.text("Subject") == "hello")
    #expect(m.envelope.from.map(\.address) == ["a@b"])
}

@Test func eightBitHeaderBytes() {
    var bytes = Array("Subject: caf".utf8) + [0xE9] + Array("\r\nFrom: J".utf8)
    bytes += [0xC3, 0xB6] + Array("rg <j@example.org>\r\n\r\n".utf8)
    let m = Message(bytes: bytes)
    #expect(m.header.text("Subject") == "café")
    #expect(m.envelope.from.first?.name == "Jörg")
}

@Test func headerWithoutBlankLineEndsAtFirstNonField() {
    let m = Message("Subject: x\r\nThis is the body, no blank line\r\nmore\r\n")
    #expect(m.header.fields.count == 1)
    #expect(String(decoding: m.root.rawBody, as: UTF8.self).hasPrefix("This is the body"))
    #expect(m.notes.map(\.kind) == [.headerNotTerminated])
}

@Test func mboxFromLineIsSkipped() {
    let m = Message("From someone@example.org Mon Jan  2 15:04:05 2006\nSubject: hi\n\nbody")
    #expect(m.header.text("Subject") == "hi")
}

@Test func encodedHeaderControlCharactersAreNeutralised() {
    let m = Message("Subject: =?utf-8?q?a=0D=0AInjected:_x=1B[2J?=\r\n\r\n")
    let s = m.header.text("Subject")!
    #expect(!s.contains("\r") && !s.contains("\n") && !s.contains("\u{1B}"))
    #expect(s == "a  Injected: x\u{FFFD}[2J")
}

@Test func veryLongHeaderLineIsLinear() {
    let long = "Subject: " + String(repeating: "word ", count: 400_000) + "\r\n\r\nbody"
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        let m = Message(long)
        #expect(m.header.text("Subject")?.count ?? 0 > 1_000_000)
    }
    #expect(elapsed < .seconds(5))
}

@Test func headerSizeLimitGivesANote() {
    var text = ""
    for i in 0..<50 { text += "X-Field-\(i): value\r\n" }
    let m = Message(bytes: Array((text + "\r\nbody").utf8), limits: ParseLimits(maxHeaderFields: 10))
    #expect(m.header.fields.count == 10)
    #expect(m.notes.map(\.kind) == [.headerTooLarge])
    #expect(m.root.rawBody.elementsEqual("body".utf8))
}

@Test func messageIDLists() {
    #expect(MessageIDList.parse("<a@b> (comment <x@y>) <c@d>\r\n <a@b>").map(\.value) == ["a@b", "c@d"])
    #expect(MessageIDList.parse("bare@example.org").map(\.value) == ["bare@example.org"])
    #expect(MessageIDList.parse("no id here").isEmpty)
}

@Test func envelopeFromHeader() {
    let m = Message("""
        From: Ann <ann@example.org>\r
        Sender: sec@example.org\r
        Reply-To: list@example.org\r
        To: bob@example.org, Group: c@d;\r
        Cc: e@f\r
        Subject: =?iso-8859-1?q?R=E9union?=\r
        Date: Tue, 3 Jan 2006 10:00:00 +0000\r
        Message-ID: <m1@example.org>\r
        In-Reply-To: <m0@example.org>\r
        References: <r1@example.org> <m0@example.org>\r
        \r
        hi
        """)
    let e = m.envelope
    #expect(e.subject == "Réunion")
    #expect(e.from == [Address(name: "Ann", address: "ann@example.org")])
    #expect(e.sender?.address == "sec@example.org")
    #expect(e.to.map(\.address) == ["bob@example.org", "c@d"])
    #expect(e.cc.map(\.address) == ["e@f"])
    #expect(e.messageID?.value == "m1@example.org")
    #expect(e.inReplyTo.map(\.value) == ["m0@example.org"])
    #expect(e.references.map(\.value) == ["r1@example.org", "m0@example.org"])
    #expect(e.replyAddresses.map(\.address) == ["list@example.org"])
    #expect(e.date != nil)
}

/// `HeaderSection(parsing:)` holds the fields `Message(bytes:).header` holds, without the MIME parse.
@Test(arguments: [
    "Subject: one\r\n two\r\nTo: a@b\r\n\r\nbody",
    "Subject : hello\nFrom: a@b\n\nbody\n",
    "From someone@example Mon Jan 1 00:00:00 2024\r\nSubject: mbox\r\n\r\n",
    " junk\r\nSubject: after junk\r\n\r\n",
    "Subject: x\r\nThis is the body, no blank line\r\nmore\r\n",
    "Subject: no line end",
    "Content-Type: multipart/mixed; boundary=b\r\nSubject: s\r\n\r\n--b\r\nX: y\r\n\r\n--b--\r\n",
    "--b\r\nSubject: delimiter-looking first line\r\n\r\n",
    "\r\n",
    "",
])
func parsingAHeaderSectionAloneMatchesTheMessageParse(text: String) {
    let bytes = Array(text.utf8)
    let alone = HeaderSection(parsing: bytes)
    let whole = Message(bytes: bytes).header
    #expect(alone.fields.map(\.name) == whole.fields.map(\.name))
    #expect(alone.fields.map { Array($0.rawValue) } == whole.fields.map { Array($0.rawValue) })
    #expect(Envelope(header: alone) == Message(bytes: bytes).envelope)
}

@Test func parsingAHeaderSectionAloneKeepsTheLimits() {
    let bytes = Array((0 ..< 50).map { "X-\($0): v\r\n" }.joined().utf8)
    var limits = ParseLimits.standard
    limits.maxHeaderFields = 10
    #expect(HeaderSection(parsing: bytes, limits: limits).fields.count == 10)
}

@Test func lookupsIgnoreTheCaseOfTheName() {
    let header = HeaderSection(parsing: Array("SUBJECT: a\r\nmessage-id: <m@x>\r\nFrom: B <b@c>\r\n\r\n".utf8))
    #expect(header.text("subject") == "a" && header.text("Subject") == "a" && header.text("sUbJeCt") == "a")
    #expect(header.messageID?.value == "m@x")
    #expect(header.addresses("FROM") == [Address(name: "B", address: "b@c")])
}
