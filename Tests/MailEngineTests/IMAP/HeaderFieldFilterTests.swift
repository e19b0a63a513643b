import Foundation
import MailCore
import Testing
@testable import MailEngine

/// Keeping a list row's fields out of a whole header, as a server's `HEADER.FIELDS` would.
@Suite struct HeaderFieldFilterTests {
    static let filter = HeaderFieldFilter(["FROM", "SUBJECT", "MESSAGE-ID"])

    static func keep(_ text: String) -> String {
        String(decoding: filter.keep(Array(text.utf8)), as: UTF8.self)
    }

    @Test func wantedFieldsAreKeptWithTheirFoldedLinesInOrder() {
        let header = "Received: from a\r\n\tby b; Mon, 4 Mar 2024\r\nSubject: Lunch\r\n at noon\r\nX-Spam: no\r\n"
            + "From: A <a@example.org>\r\nDKIM-Signature: v=1;\r\n b=xyz\r\nsubject: second\r\n\r\nbody\r\nFrom: not a field\r\n"
        #expect(Self.keep(header) == "Subject: Lunch\r\n at noon\r\nFrom: A <a@example.org>\r\nsubject: second\r\n")
    }

    @Test(arguments: [
        ("from: a@example.org\nSUBJECT: x\n", "from: a@example.org\nSUBJECT: x\n"),      // bare LF, any case
        ("From : a@example.org\r\n", "From : a@example.org\r\n"),                        // white space before the colon
        ("From-Extra: x\r\nFro: y\r\nMessage-ID: <m@x>", "Message-ID: <m@x>"),         // longer, shorter name; no line end
        ("no colon here\r\nFrom: a@x\r\n", "From: a@x\r\n"),                              // a line that is no field
        (": empty name\r\nSubject: s\r\n", "Subject: s\r\n"),
        ("\r\nFrom: after the end\r\n", ""),                                              // empty section
        ("", ""),
    ])
    func edgeCases(header: String, kept: String) {
        #expect(Self.keep(header) == kept)
    }

    /// The filter and the full parse agree on every wanted field of generated headers.
    @Test func agreesWithTheFullParseOnGeneratedHeaders() {
        var generator = SystemRandomNumberGenerator()
        let names = ["From", "Subject", "Message-ID", "Received", "To", "X-Long-Name", "subject", "FROM", "Message-Id"]
        for _ in 0 ..< 2000 {
            var header = ""
            for _ in 0 ..< Int.random(in: 0 ... 12, using: &generator) {
                let name = names.randomElement(using: &generator)!
                header += "\(name): value \(Int.random(in: 0 ... 999, using: &generator))"
                if Bool.random(using: &generator) { header += "\r\n\t folded \u{E9}" }
                header += Bool.random(using: &generator) ? "\r\n" : "\n"
            }
            let full = HeaderSection(parsing: Array((header + "\r\nbody").utf8))
            let kept = HeaderSection(parsing: Self.filter.keep(Array(header.utf8)))
            let wanted = full.fields.filter { ["from", "subject", "message-id"].contains($0.lowercasedName) }
            #expect(kept.fields.map(\.name) == wanted.map(\.name))
            #expect(kept.fields.map { $0.text() } == wanted.map { $0.text() }, "\(header)")
        }
    }
}
