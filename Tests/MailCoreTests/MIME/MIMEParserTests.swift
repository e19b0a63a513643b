import Foundation
import Testing
@testable import MailCore

/// The tree as `number type size` lines, for compact expectations.
func outline(_ m: Message) -> [String] {
    m.numberedParts.map { n, p in
        p.isLeaf ? "\(n) \(p.contentType.mimeType) \(p.decodedBody().count)" : "\(n) \(p.contentType.mimeType)"
    }
}

@Test func multipartWithPreambleAndEpilogue() throws {
    let m = Message("Content-Type: multipart/mixed; boundary=b\r\n\r\npre\r\n--b\r\n\r\none\r\n--b\r\nContent-Type: text/html\r\n\r\n<b>two</b>\r\n--b--\r\nepi\r\n")
    #expect(outline(m) == ["1 text/plain 3", "2 text/html 10"])
    guard case .multipart(_, let pre, let epi) = m.root.body else { Issue.record("not multipart"); return }
    #expect(String(decoding: m.bytes[pre], as: UTF8.self) == "pre")
    #expect(String(decoding: m.bytes[epi], as: UTF8.self) == "epi\r\n")
    #expect(m.notes.isEmpty)
}

@Test func delimiterMustStartALine() {
    let m = Message("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx --b\n--bb\n--b-\n--b\n\ny\n--b--\n")
    #expect(outline(m) == ["1 text/plain 15", "2 text/plain 1"])
}

@Test func nestedMultipartsAndNumbers() {
    let m = Message("""
        Content-Type: multipart/mixed; boundary=o\r
        \r
        --o\r
        Content-Type: multipart/alternative; boundary=i\r
        \r
        --i\r
        \r
        plain\r
        --i\r
        Content-Type: text/html\r
        \r
        html\r
        --i--\r
        --o\r
        Content-Type: message/rfc822\r
        \r
        Subject: inner\r
        Content-Type: multipart/mixed; boundary=x\r
        \r
        --x\r
        \r
        a\r
        --x\r
        \r
        b\r
        --x--\r
        --o--\r
        """)
    #expect(outline(m) == ["1 multipart/alternative", "1.1 text/plain 5", "1.2 text/html 4",
                           "2 message/rfc822", "2.1 text/plain 1", "2.2 text/plain 1"])
    #expect(m.part(number: "2.2").map { String(decoding: $0.decodedBody(), as: UTF8.self) } == "b")
    #expect(m.part(number: "2")?.embeddedMessage?.header.text("Subject") == "inner")
    #expect(m.part(number: "3") == nil)
    #expect(m.part(number: "1.1.1") == nil)
    #expect(m.part(number: "x") == nil)
    #expect(m.notes.isEmpty)
}

@Test func singlePartNumbering() {
    let m = Message("Subject: x\r\n\r\nbody")
    #expect(m.part(number: "1")?.decodedBody() == Array("body".utf8))
    #expect(m.part(number: "2") == nil)
}

@Test func embeddedSinglePartMessageNumbering() {
    let m = Message("Content-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: message/rfc822\n\nSubject: in\n\nhello\n--o--\n")
    #expect(outline(m) == ["1 message/rfc822", "1.1 text/plain 5"])
    #expect(m.part(number: "1.1")?.decodedBody() == Array("hello".utf8))
}

@Test func depthLimitGivesANoteNotACrash() {
    var text = ""
    for i in 0..<300 { text += "Content-Type: multipart/mixed; boundary=b\(i)\r\n\r\n--b\(i)\r\n" }
    text += "\r\ndeep\r\n"
    let m = Message(text)
    #expect(m.notes.contains { $0.kind == .nestingTooDeep })
    var depth = 0
    var p = m.root
    while let first = p.parts.first { p = first; depth += 1 }
    #expect(depth == 100)
}

@Test func partLimitGivesANote() {
    var text = "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
    for i in 0..<50 { text += "--b\r\n\r\npart \(i)\r\n" }
    text += "--b--\r\n"
    let m = Message(bytes: Array(text.utf8), limits: ParseLimits(maxParts: 10))
    #expect(m.root.parts.count == 9)
    #expect(m.notes.map(\.kind) == [.tooManyParts])
}

@Test func deepNestingIsLinear() {
    // The same shape at two sizes: time must grow about linearly (not quadratically).
    func build(_ parts: Int) -> [UInt8] {
        var text = ""
        for i in 0..<90 { text += "Content-Type: multipart/mixed; boundary=b\(i)\r\n\r\n--b\(i)\r\n" }
        text += "\r\n"
        text += String(repeating: "--line that looks like a boundary but is not\r\n", count: parts)
        return Array(text.utf8)
    }
    let small = build(20_000), large = build(80_000)
    let clock = ContinuousClock()
    _ = Message(bytes: small)
    let t1 = clock.measure { _ = Message(bytes: small) }
    let t2 = clock.measure { _ = Message(bytes: large) }
    #expect(t2 < t1 * 12 + .milliseconds(50), "\(t1) vs \(t2)")
}

@Test func crlfAndLFGiveTheSameTree() {
    let lf = "Content-Type: multipart/mixed; boundary=q\n\n--q\nContent-Type: text/plain\n\nx\ny\n--q\n\nz\n--q--\n"
    let crlf = lf.replacingAll("\n", with: "\r\n")
    #expect(outline(Message(lf)).map { $0.split(separator: " ").prefix(2).joined() }
            == outline(Message(crlf)).map { $0.split(separator: " ").prefix(2).joined() })
    #expect(Message(lf).bodyParts().map { $0.part.text() } == Message(crlf).bodyParts().map { $0.part.text() })
}

@Test func everyPrefixOfAMessageParses() throws {
    // Truncation at any byte (a connection that drops) still gives a tree, never a crash.
    let text = Array("""
        From: a@b\r
        Content-Type: multipart/mixed; boundary="q"\r
        \r
        --q\r
        Content-Type: text/plain; charset*=utf-8''x\r
        Content-Transfer-Encoding: base64\r
        \r
        w6k=\r
        --q\r
        Content-Type: message/rfc822\r
        \r
        Subject: =?utf-8?q?x?=\r
        \r
        y\r
        --q--\r
        """.utf8)
    for cut in 0...text.count {
        let m = Message(bytes: Array(text[..<cut]))
        _ = MessageSummary(m).json()
        _ = m.bodyParts().map { $0.part.text() }
    }
}
