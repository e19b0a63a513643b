import Foundation
import MailCore
import TerminalKit
import TernConfig
import Testing
@testable import TernUI

@Suite struct ReaderDocumentTests {
    static let header = """
        From: Ann Example <ann@example.test>
        To: bob@example.test
        Date: Tue, 3 Nov 2026 10:00:00 +0100
        Subject: Hello there


        """

    @Test func headerBlockQuotesSignatureAndNumberedURLs() {
        let doc = ReaderTest.document(Self.header + """
            Hi Bob, see https://example.test/a and www.b.test.
            > quoted line
            >> deeper
            > > > third https://example.test/a
            -- 
            Ann
            """)
        let screen = ReaderTest.screen(doc, height: 13)
        #expect(ReaderTest.text(screen) == [
            "From:    Ann Example <ann@example.test>",
            "To:      bob@example.test",
            "Date:    Tue, 3 Nov 2026 09:00:00 +0000",
            "Subject: Hello there",
            "",
            "Hi Bob, see https://example.test/a [1] and www.b.test [2].",
            "> quoted line",
            ">> deeper",
            ">>> third https://example.test/a [1]",
            "--",
            "Ann",
            "", "",
        ])
        #expect(ReaderTest.styles(screen) == [
            "nnnnnnnnnffffffffffffffffffffffffffffff",
            "nnnnnnnnnvvvvvvvvvvvvvvvv",
            "nnnnnnnnnvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv",
            "nnnnnnnnnsssssssssss",
            "",
            "            uuuuuuuuuuuuuuuuuuuuuu ddd     uuuuuuuuuu ddd",
            "1111111111111",
            "222222222",
            "3333333333uuuuuuuuuuuuuuuuuuuuuu3ddd",
            "gg",
            "ggg",
            "", "",
        ])
        var complete = doc
        complete.layOutAll()
        #expect(complete.urls == ["https://example.test/a", "http://www.b.test"])
        #expect(complete.lines[8].quoteDepth == 3)
    }

    @Test func longPlainMessageIsLaidOutLazilyAndScrolls() {
        let body = (1...5000).map { "Line \($0) of a long message that goes on and on, wrapping at the width." }.joined(separator: "\n")
        var doc = ReaderTest.document(Self.header + body, width: 40) { _ in }
        #expect(!doc.isComplete)
        #expect(doc.lines.count < 400, "only the first screens are laid out (\(doc.lines.count))")
        let screen = ReaderTest.screen(doc, top: 5, width: 40, height: 4)
        #expect(ReaderTest.text(screen) == [
            "Line 1 of a long message that goes on",
            "and on, wrapping at the width.",
            "Line 2 of a long message that goes on",
            "and on, wrapping at the width.",
        ])
        doc.layOutAll()
        #expect(doc.isComplete)
        #expect(doc.lines.count == 5 + 10_000)
        let bottom = ReaderTest.screen(doc, top: doc.lines.count - 2, width: 40, height: 4)
        #expect(ReaderTest.text(bottom) == ["Line 5000 of a long message that goes on", "and on, wrapping at the width.", "", ""])
    }

    @Test func htmlOnlyMailIsRenderedWithNumberedLinks() {
        let doc = ReaderTest.document("""
            From: shop@example.test
            Subject: Offer
            Content-Type: text/html; charset=utf-8

            <html><head><style>p{color:red}</style></head><body>
            <h1>Big sale</h1><p>Hello <b>Bob</b>, visit <a href="https://shop.test/sale">our shop</a>.</p>
            <blockquote>Earlier mail</blockquote><script>alert(1)</script>
            </body></html>
            """)
        let screen = ReaderTest.screen(doc, height: 12)
        #expect(ReaderTest.text(screen) == [
            "From:    shop@example.test",
            "Subject: Offer",
            "",
            "# Big sale",
            "",
            "Hello Bob, visit our shop[1].",
            "",
            "> Earlier mail",
            "",
            "Links:",
            "[1] https://shop.test/sale",
            "",
        ])
        #expect(ReaderTest.styles(screen)[7] == "11111111111111")
        #expect(ReaderTest.styles(screen)[10] == "    uuuuuuuuuuuuuuuuuuuuuu")
        #expect(doc.urls == ["https://shop.test/sale"])
    }

    static let alternative = """
        From: ann@example.test
        Subject: Both
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary=alt

        --alt
        Content-Type: text/plain; charset=utf-8

        The *plain* version.
        --alt
        Content-Type: text/html; charset=utf-8

        <p>The <b>HTML</b> version.</p>
        --alt--
        """

    @Test func alternativeShowsThePreferredPartAndToggles() {
        var doc = ReaderTest.document(Self.alternative)
        #expect(doc.content.hasOtherAlternative)
        #expect(ReaderTest.text(ReaderTest.screen(doc, height: 4)) == [
            "From:    ann@example.test", "Subject: Both", "", "The *plain* version.",
        ])
        var options = doc.options
        options.preferHTML = true
        doc.setOptions(options, firstLines: 10)
        #expect(ReaderTest.text(ReaderTest.screen(doc, height: 4)) == [
            "From:    ann@example.test", "Subject: Both", "", "The HTML version.",
        ])
    }

    @Test func quotedRepliesThreeLevelsDeepAndFolding() {
        let quoted = (1...12).map { "> old line \($0)" }.joined(separator: "\n")
        let text = Self.header + "New text.\n" + quoted + "\n>> even older\n>>> oldest\nBye.\n"
        let doc = ReaderTest.document(text, width: 40)
        let screen = ReaderTest.screen(doc, top: 5, width: 40, height: 17)
        #expect(ReaderTest.text(screen)[0] == "New text.")
        #expect(ReaderTest.text(screen)[13...15] == [">> even older", ">>> oldest", "Bye."])
        #expect(ReaderTest.styles(screen)[13...15] == ["2222222222222", "3333333333", ""])

        let folded = ReaderTest.document(text, width: 40) { $0.foldQuotes = true }
        #expect(ReaderTest.text(ReaderTest.screen(folded, top: 5, width: 40, height: 6)) == [
            "New text.", "> old line 1", "> old line 2", "> old line 3", "··· 11 more quoted lines ···", "Bye.",
        ])
        #expect(folded.lines.contains { $0.kind == .fold })
    }

    static let mixed = """
        From: ann@example.test
        To: bob@example.test
        Subject: Files
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary=mix

        --mix
        Content-Type: text/plain

        Here are the files.
        --mix
        Content-Type: application/pdf; name="report.pdf"
        Content-Disposition: attachment; filename="report.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k
        ZT4+CnN0cmVhbQp4nCvkMlAwUDC1NNUzMVGwMDHSszRSKErlCtdSyOMyVDAAQWMuYwVDfJdJQkZA
        --mix
        Content-Type: text/plain; charset=utf-8

        A second text part, shown inline.
        --mix
        Content-Type: message/rfc822

        From: Carol <carol@example.test>
        Subject: Forwarded
        Date: Mon, 2 Nov 2026 08:00:00 +0000

        Inner body.
        --mix
        Content-Type: image/png
        Content-Disposition: inline
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --mix--
        """

    @Test func mixedShowsTextPartsInOrderWithMarkersAndEmbeddedMessages() {
        let doc = ReaderTest.document(Self.mixed, width: 60)
        let screen = ReaderTest.screen(doc, height: 20)
        #expect(ReaderTest.text(screen) == [
            "From:    ann@example.test",
            "To:      bob@example.test",
            "Subject: Files",
            "",
            "Here are the files.",
            "",
            "[2] report.pdf application/pdf 114 B",
            "",
            "A second text part, shown inline.",
            "",
            "── [4] \"Forwarded\" message/rfc822 105 B ──",
            "",
            "From:    Carol <carol@example.test>",
            "Date:    Mon, 2 Nov 2026 08:00:00 +0000",
            "Subject: Forwarded",
            "",
            "Inner body.",
            "",
            "── end of [4] ──",
            "[5] image/png 8 B",
        ])
        #expect(ReaderTest.styles(screen)[6] == String(repeating: "a", count: 36))
        #expect(doc.lines[6].kind == .marker(number: "2"))
        #expect(doc.lines[12].kind == .header)
    }

    @Test func attachmentRowsListEveryPart() {
        let message = Message(Self.mixed.replacingOccurrences(of: "\n", with: "\r\n"))
        let rows = ReaderAttachments.rows(of: message, preferHTML: false)
        #expect(rows.map(\.number) == ["1", "2", "3", "4", "4.1", "5"])
        #expect(rows.map(\.mimeType) == ["text/plain", "application/pdf", "text/plain", "message/rfc822", "text/plain", "image/png"])
        #expect(rows[1].filename == "report.pdf" && rows[1].size == 114)
        #expect(rows[2].charset == "utf-8" && rows[2].isShownAsText)
        #expect(rows[3].subject == "Forwarded" && rows[3].proposedName == "Forwarded.eml")
        #expect(rows[4].depth == 1)
        #expect(ReaderAttachments.bytes(of: "2", in: message)?.prefix(8) == Array("%PDF-1.4".utf8)[...])
        #expect(ReaderAttachments.bytes(of: "2", in: message)?.count == 114)
        #expect(ReaderAttachments.bytes(of: "4", in: message).map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("From: Carol") == true)
        #expect(ReaderAttachments.parameters(of: "3", in: message) == ["charset": "utf-8"])
    }

    @Test func flowedTextIsReflowedToTheWidth() {
        let doc = ReaderTest.document("""
            Subject: Flowed
            Content-Type: text/plain; charset=utf-8; format=flowed

            This paragraph was written as several short\u{20}
            lines that the sender's client joined with\u{20}
            soft breaks.
            > A quoted flowed\u{20}
            > paragraph.
            """, width: 30)
        #expect(ReaderTest.text(ReaderTest.screen(doc, width: 30, height: 8)) == [
            "Subject: Flowed", "", "This paragraph was written as", "several short lines that the",
            "sender's client joined with", "soft breaks.", "> A quoted flowed paragraph.", "",
        ])
    }

    @Test func brokenAndUnknownCharsetsGetANote() {
        var bytes = Array("Subject: Broken\r\nContent-Type: text/plain; charset=utf-8\r\n\r\ncaf".utf8)
        bytes += [0xE9, 0x20, 0xFF, 0x0D, 0x0A]
        let doc = ReaderDocument(message: Message(bytes: bytes), options: ReaderOptions(width: 70, timeZone: ReaderTest.utc), firstLines: 10)
        let text = ReaderTest.text(ReaderTest.screen(doc, width: 70, height: 6))
        #expect(text.contains("[note] Part text/plain is not valid UTF-8; the broken bytes show as \u{FFFD}."))
        #expect(text.contains { $0.hasPrefix("caf\u{FFFD} \u{FFFD}") })

        let unknown = ReaderTest.document("Subject: U\nContent-Type: text/plain; charset=x-klingon\n\nplain words\n", width: 120)
        let unknownText = ReaderTest.text(ReaderTest.screen(unknown, width: 120, height: 6))
        #expect(unknownText.contains { $0.contains("declares the unknown charset \"x-klingon\"; it is shown as UTF-8.") })
        #expect(unknownText.contains("plain words"))
    }

    @Test func allHeadersAndRawSource() {
        let source = Self.header + "Body line."
        let all = ReaderTest.document(source) { $0.showAllHeaders = true }
        #expect(ReaderTest.text(ReaderTest.screen(all, height: 6)) == [
            "From: Ann Example <ann@example.test>", "To: bob@example.test", "Date: Tue, 3 Nov 2026 10:00:00 +0100",
            "Subject: Hello there", "", "Body line.",
        ])
        let raw = ReaderTest.document(source + "\n\u{1B}[31mred\tx") { $0.showRaw = true }
        #expect(ReaderTest.text(ReaderTest.screen(raw, height: 7)) == [
            "From: Ann Example <ann@example.test>", "To: bob@example.test", "Date: Tue, 3 Nov 2026 10:00:00 +0100",
            "Subject: Hello there", "", "Body line.", "\u{FFFD}[31mred        x",
        ])
    }

    @Test func searchFindsAndHighlightsMatches() {
        var doc = ReaderTest.document(Self.header + "apple banana\nApple pie\nno fruit here\nAPPLE")
        doc.layOutAll()
        let search = ReaderSearch(query: "apple", in: doc.lines)
        #expect(search.matches.map(\.line) == [5, 6, 8])
        #expect(search.matches[0].range == 0..<5)
        let exact = ReaderSearch(query: "Apple", in: doc.lines)
        #expect(exact.matches.map(\.line) == [6], "an upper-case letter makes the search exact")
        #expect(search.next(after: 5) == 1)
        #expect(search.next(after: 8) == 0, "wraps around")
        #expect(search.next(after: 6, backward: true) == 0)
        #expect(search.next(after: 0, backward: true) == 2)
        let screen = ReaderTest.screen(doc, top: 5, height: 2, search: search, current: 1)
        var legend = ReaderTest.legend
        legend["m"] = ReaderTest.style(.body).patched(with: ReaderTest.style(.searchMatch))
        legend["M"] = ReaderTest.style(.body).patched(with: ReaderTest.style(.searchMatch)).adding([.bold, .underline])
        #expect(screen.styleLines(legend: legend).map { String($0.prefix(9)) } == ["mmmmm    ", "MMMMM    "])
        #expect(ReaderSearch(query: "", in: doc.lines).matches.isEmpty)
    }

    @Test func widthChangeLaysOutAgain() {
        var doc = ReaderTest.document(Self.header + "one two three four five six seven eight nine ten", width: 60)
        #expect(doc.lines.last?.text == "one two three four five six seven eight nine ten")
        var options = doc.options
        options.width = 20
        doc.setOptions(options, firstLines: 20)
        doc.layOutAll()
        #expect(doc.lines.suffix(3).map(\.text) == ["one two three four", "five six seven eight", "nine ten"])
    }

    @Test func htmlLinkNumbersFollowEarlierParts() {
        let text = """
            Subject: Two
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            First https://one.test/ here.
            --b
            Content-Type: text/html

            <p>A <a href="https://two.test/">link</a> and <a href="https://one.test/">again</a>.</p>
            --b--
            """
        var doc = ReaderTest.document(text)
        doc.layOutAll()
        let body = doc.lines.map(\.text)
        #expect(body.contains("First https://one.test/ [1] here."))
        #expect(body.contains("A link[2] and again[1]."))
        #expect(body.contains("[2] https://two.test/"))
        #expect(doc.urls == ["https://one.test/", "https://two.test/"])
    }
}
