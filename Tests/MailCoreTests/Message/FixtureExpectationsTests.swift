import Foundation
import Testing
@testable import MailCore

/// What a viewer must get from each corpus message: the tree, the text shown, the attachments
/// and the notes.
struct FixtureExpectation: Sendable, CustomTestStringConvertible {
    var kind: String
    var name: String
    var tree: [String]
    var shown: [String]
    var attachments: [String] = []
    var notes: [ParseNote.Kind] = []
    var testDescription: String { "\(kind)/\(name)" }
}

@Test(arguments: [
    FixtureExpectation(kind: "valid", name: "simple-plain.eml", tree: ["1 text/plain 42"],
                       shown: ["Shall we have lunch at noon?\n\n-- \nAnn\n"]),
    FixtureExpectation(kind: "valid", name: "alternative-html.eml",
                       tree: ["1 text/plain 100", "2 text/html 62"],
                       shown: ["Café au lait is back. This line is long enough that it needs a soft line break in quoted-printable."]),
    FixtureExpectation(kind: "valid", name: "mixed-attachment-pdf.eml",
                       tree: ["1 text/plain 16", "2 application/pdf 83"], shown: ["Report attached."],
                       attachments: ["2 Résumé 2006.pdf"]),
    FixtureExpectation(kind: "valid", name: "related-inline-image.eml",
                       tree: ["1 text/plain 16", "2 multipart/related", "2.1 text/html 42", "2.2 image/png 69"],
                       shown: ["See the picture."], attachments: ["2.2 dot.png"]),
    FixtureExpectation(kind: "valid", name: "forwarded-rfc822.eml",
                       tree: ["1 text/plain 24", "2 message/rfc822", "2.1 text/plain 16", "2.2 application/pdf 83"],
                       shown: ["Forwarding Ann's report.", "Report attached."], attachments: ["2.2 report.pdf"]),
    FixtureExpectation(kind: "valid", name: "outlook-encoded-filename.eml",
                       tree: ["1 text/plain 23", "2 application/pdf 83"], shown: ["Anbei die Präsentation."],
                       attachments: ["2 Präsentation Müller.pdf"]),
    FixtureExpectation(kind: "valid", name: "iso-2022-jp.eml", tree: ["1 text/plain 18"], shown: ["こんにちは\n"]),
    FixtureExpectation(kind: "valid", name: "digest.eml",
                       tree: ["1 message/rfc822", "1.1 text/plain 3", "2 message/rfc822", "2.1 text/plain 3"],
                       shown: ["one", "two"]),
    FixtureExpectation(kind: "valid", name: "signed.eml", tree: ["1 text/plain 9", "2 application/pgp-signature 76"],
                       shown: ["Trust me."], attachments: ["2 signature.asc"]),
    FixtureExpectation(kind: "valid", name: "boundary-trailing-whitespace.eml",
                       tree: ["1 text/plain 3", "2 text/plain 3"], shown: ["one", "two"]),
    FixtureExpectation(kind: "valid", name: "embedded-global.eml", tree: ["1 message/global", "1.1 text/plain 7"],
                       shown: ["Körper"]),
    FixtureExpectation(kind: "malformed", name: "missing-close-delimiter.eml",
                       tree: ["1 text/plain 5", "2 text/plain 35"],
                       shown: ["first", "second, and the message just ends\n"], notes: [.missingCloseDelimiter]),
    FixtureExpectation(kind: "malformed", name: "boundary-never-appears.eml", tree: [],
                       shown: ["Just some text, the sender forgot the parts.\n"], notes: [.boundaryNotFound]),
    FixtureExpectation(kind: "malformed", name: "missing-content-type.eml", tree: ["1 text/plain 16"],
                       shown: ["plain old text\n"]),
    FixtureExpectation(kind: "malformed", name: "no-blank-line-after-header.eml", tree: ["1 text/plain 45"],
                       shown: ["Hello, this line is the body.\nSecond line.\n"], notes: [.headerNotTerminated]),
    FixtureExpectation(kind: "malformed", name: "base64-junk-no-padding.eml", tree: ["1 text/plain 14"],
                       shown: ["Hello World é"]),
    FixtureExpectation(kind: "malformed", name: "qp-bad-escapes.eml", tree: ["1 text/plain 30"],
                       shown: ["100=% sure =ZZ, café and= done"]),
    FixtureExpectation(kind: "malformed", name: "multipart-without-boundary.eml", tree: ["1 text/plain 20"],
                       shown: ["no boundary at all\n"], notes: [.missingBoundary]),
    FixtureExpectation(kind: "malformed", name: "nested-missing-inner-close.eml",
                       tree: ["1 multipart/alternative", "1.1 text/plain 10", "2 application/octet-stream 3"],
                       shown: ["inner text"], attachments: ["2 -"], notes: [.missingCloseDelimiter]),
    FixtureExpectation(kind: "malformed", name: "truncated-in-base64.eml", tree: ["1 application/octet-stream 39"],
                       shown: [], attachments: ["1 -"], notes: [.missingCloseDelimiter]),
    FixtureExpectation(kind: "malformed", name: "boundary-prefix-lines.eml", tree: ["1 text/plain 89"],
                       shown: ["--abcdef is not a delimiter\n-- abc is not one either\n--abc-- x is not a close delimiter"]),
    FixtureExpectation(kind: "malformed", name: "lf-only-line-ends.eml", tree: ["1 text/plain 5", "2 text/html 11"],
                       shown: ["plain"]),
    FixtureExpectation(kind: "malformed", name: "message-rfc822-base64.eml", tree: ["1 message/rfc822", "1.1 text/plain 12"],
                       shown: ["inner body\n"]),
    FixtureExpectation(kind: "malformed", name: "empty-parts.eml", tree: ["1 text/plain 0", "2 text/plain 0", "3 text/plain 0"],
                       shown: ["", "", ""]),
    FixtureExpectation(kind: "malformed", name: "empty.eml", tree: ["1 text/plain 0"], shown: [""]),
    FixtureExpectation(kind: "malformed", name: "unquoted-junk-parameters.eml", tree: ["1 application/octet-stream 4"],
                       shown: [], attachments: ["1 ../../etc/passwd"]),
    FixtureExpectation(kind: "malformed", name: "invalid-content-type.eml", tree: ["1 text/plain 6"], shown: ["body\n"],
                       notes: [.invalidContentType, .unknownTransferEncoding]),
])
func fixtureExpectations(_ e: FixtureExpectation) throws {
    let m = try Corpus.load(e.kind, e.name)
    #expect(outline(m) == e.tree)
    #expect(m.bodyParts().map { $0.part.text() } == e.shown)
    #expect(m.attachments().map { "\($0.number) \($0.part.filename ?? "-")" } == e.attachments)
    #expect(m.notes.map(\.kind) == e.notes)
}

@Test func headersOfTheMalformedCorpus() throws {
    let latin = try Corpus.load("malformed", "8bit-header-latin1.eml")
    #expect(latin.envelope.subject == "Grüße")
    #expect(latin.envelope.from.first?.name == "Jörg")
    let date = try Corpus.load("malformed", "bad-date.eml")
    #expect(date.envelope.date == nil)
    let quotes = try Corpus.load("malformed", "unterminated-quote-in-from.eml")
    #expect(quotes.envelope.from.allSatisfy { !$0.isUsable })
    #expect(quotes.envelope.to.filter(\.isUsable).map(\.address) == ["ok@example.org"])
    let controls = try Corpus.load("malformed", "control-chars-in-headers.eml")
    let all = [controls.envelope.subject ?? "", controls.envelope.from.first?.name ?? "",
               controls.root.filename ?? "", controls.root.text()].joined()
    #expect(!all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    let dup = try Corpus.load("malformed", "duplicate-headers.eml")
    #expect(dup.envelope.subject == "first")
    #expect(dup.envelope.from.count == 2)
    #expect(dup.root.contentType.mimeType == "text/plain")
    let unknown = try Corpus.load("malformed", "unknown-charset.eml")
    #expect(unknown.envelope.subject == "Qapla'")
    #expect(unknown.root.text().hasPrefix("caf"))
}

@Test func utf8HeadersAndIDN() throws {
    let m = try Corpus.load("valid", "message-global-utf8.eml")
    #expect(m.envelope.from == [Address(name: "Jörg Müller", address: "jörg@bücher.example")])
    #expect(m.envelope.to.first?.name == "山田")
    #expect(m.envelope.subject == "Grüße ohne encoded words")
    let jp = try Corpus.load("valid", "iso-2022-jp.eml")
    #expect(jp.envelope.subject == "こんにちは")
    #expect(jp.envelope.from.first?.name == "山田")
}

@Test func uuencodedFileInText() throws {
    let m = try Corpus.load("valid", "uuencode-in-text.eml")
    let files = m.uuencodedFiles()
    #expect(files.map(\.file.name) == ["hello.txt"])
    #expect(files.first.map { String(decoding: $0.file.data, as: UTF8.self) } == "Hello world\n")
}

@Test func jsonContract() throws {
    let m = try Corpus.load("valid", "mixed-attachment-pdf.eml")
    let json = MessageSummary(m).json()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["subject"] as? String == "The report")
    #expect(object["date"] as? String == "2006-01-05T09:00:00Z")
    #expect(object["message_id"] as? String == "pdf-1@example.org")
    #expect((object["cc"] as? [Any])?.isEmpty == true)
    let from = try #require(object["from"] as? [[String: Any]])
    #expect(from.first?["name"] as? String == "Ann")
    #expect(from.first?["address"] as? String == "ann@example.org")
    let root = try #require(object["root"] as? [String: Any])
    #expect(root["content_type"] as? String == "multipart/mixed")
    #expect(root["decoded_size"] is NSNull)
    let parts = try #require(root["parts"] as? [[String: Any]])
    #expect(parts.count == 2)
    #expect(parts[1]["filename"] as? String == "Résumé 2006.pdf")
    #expect(parts[1]["disposition"] as? String == "attachment")
    #expect(parts[1]["transfer_encoding"] as? String == "base64")
    #expect(parts[1]["decoded_size"] as? Int == 83)
    #expect(parts[0]["charset"] as? String == "us-ascii")
    #expect(parts[0]["transfer_encoding"] is NSNull)
    #expect((parts[0]["parameters"] as? [String: String]) == ["charset": "us-ascii"])
    let fwd = MessageSummary(try Corpus.load("valid", "forwarded-rfc822.eml"))
    #expect(fwd.root.parts[1].parts.count == 1)
    #expect(fwd.root.parts[1].parts[0].contentType == "multipart/mixed")
}

@Test func nestedAlternativesAreLinear() {
    // Found in review: choosing among alternatives walked each nested subtree once per
    // preference and again for the choice, 2^depth work for nested multipart/alternative.
    var text = ""
    for i in 0..<60 { text += "Content-Type: multipart/alternative; boundary=a\(i)\r\n\r\n--a\(i)\r\nContent-Type: text/html\r\n\r\n<p>\(i)</p>\r\n--a\(i)\r\n" }
    text += "Content-Type: text/plain\r\n\r\ninnermost\r\n"
    let m = Message(text)
    let clock = ContinuousClock()
    var shown: [NumberedPart] = []
    let elapsed = clock.measure {
        shown = m.bodyParts()
        _ = m.attachments()
    }
    #expect(elapsed < .seconds(2))
    #expect(shown.map { $0.part.text() } == ["innermost\n"])
    #expect(m.bodyParts(preferring: .html).map { $0.part.text() } == ["<p>59</p>"])
}
