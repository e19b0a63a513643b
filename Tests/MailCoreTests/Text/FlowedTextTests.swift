import Foundation
import Testing
import MailCore

@Suite("FlowedText")
struct FlowedTextTests {
    struct DecodeCase: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var delSp = false
        var paragraphs: [FlowedParagraph]
        var testDescription: String { name }
    }

    static let decodeCases: [DecodeCase] = [
        DecodeCase(name: "soft breaks join, hard breaks end paragraphs",
                   body: "This is a \r\nflowed paragraph.\r\nFixed line.\r\n",
                   paragraphs: [.init(quoteDepth: 0, text: "This is a flowed paragraph."), .init(quoteDepth: 0, text: "Fixed line.")]),
        DecodeCase(name: "LF line ends work too", body: "a \nb\n",
                   paragraphs: [.init(quoteDepth: 0, text: "a b")]),
        DecodeCase(name: "DelSp=yes removes the marking space", body: "日本語の\u{20}\r\n文章\r\n", delSp: true,
                   paragraphs: [.init(quoteDepth: 0, text: "日本語の文章")]),
        DecodeCase(name: "DelSp=yes keeps a real space before the marker", body: "word  \r\nnext\r\n", delSp: true,
                   paragraphs: [.init(quoteDepth: 0, text: "word next")]),
        DecodeCase(name: "quoted flowed text", body: ">> deep \r\n>> text\r\n> shallow \r\n> more\r\n",
                   paragraphs: [.init(quoteDepth: 2, text: "deep text"), .init(quoteDepth: 1, text: "shallow more")]),
        DecodeCase(name: "quote depth change ends a flowed paragraph (RFC 3676 4.5)", body: "> a \r\n>> b\r\n",
                   paragraphs: [.init(quoteDepth: 1, text: "a "), .init(quoteDepth: 2, text: "b")]),
        DecodeCase(name: "space-stuffing is removed", body: " From here\r\n  two spaces\r\n >not a quote\r\n",
                   paragraphs: [.init(quoteDepth: 0, text: "From here"), .init(quoteDepth: 0, text: " two spaces"),
                                .init(quoteDepth: 0, text: ">not a quote")]),
        DecodeCase(name: "signature separator is never flowed", body: "text \r\n-- \r\nsig \r\nline\r\n",
                   paragraphs: [.init(quoteDepth: 0, text: "text "), .init(quoteDepth: 0, text: "-- ", isSignatureSeparator: true),
                                .init(quoteDepth: 0, text: "sig line")]),
        DecodeCase(name: "quoted signature separator", body: "> -- \r\n> sig\r\n",
                   paragraphs: [.init(quoteDepth: 1, text: "-- ", isSignatureSeparator: true), .init(quoteDepth: 1, text: "sig")]),
        DecodeCase(name: "empty lines are empty paragraphs", body: "a\r\n\r\n>\r\nb",
                   paragraphs: [.init(quoteDepth: 0, text: "a"), .init(quoteDepth: 0, text: ""), .init(quoteDepth: 1, text: ""),
                                .init(quoteDepth: 0, text: "b")]),
        DecodeCase(name: "flowed last line ends the paragraph", body: "dangling ",
                   paragraphs: [.init(quoteDepth: 0, text: "dangling ")]),
    ]

    @Test(arguments: decodeCases)
    func decodes(_ c: DecodeCase) {
        #expect(FlowedText.decode(c.body, delSp: c.delSp) == c.paragraphs)
    }

    @Test func reflowsToWidth() {
        let body = "This is a long \r\nparagraph that was \r\nflowed.\r\n> Quoted \r\n> reply text here\r\n-- \r\nMe\r\n"
        #expect(FlowedText.render(body, delSp: false, width: 16) == """
        This is a long
        paragraph that
        was flowed.
        > Quoted reply
        > text here
        -- 
        Me
        """)
    }

    @Test(arguments: [
        ("Short line.", "Short line.\r\n"),
        ("trailing spaces   ", "trailing spaces\r\n"),
        ("From the start", " From the start\r\n"),
        (">quote marker", "> quote marker\r\n"),
        (" leading space", "  leading space\r\n"),
        ("-- ", "-- \r\n"),
        ("> > nested", ">> nested\r\n"),
        ("a\n\nb", "a\r\n\r\nb\r\n"),
    ])
    func encodesLines(_ text: String, _ expected: String) {
        #expect(FlowedText.encode(text, width: 72) == expected)
    }

    @Test func encodeWrapsWithSoftBreaks() {
        let text = "The quick brown fox jumps over the lazy dog and keeps running far away."
        let encoded = FlowedText.encode(text, width: 20)
        let lines = encoded.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix(" ") })
        #expect(!(lines.last?.hasSuffix(" ") ?? true))
        #expect(lines.allSatisfy { $0.count <= 21 })
        #expect(FlowedText.decode(encoded, delSp: false) == [FlowedParagraph(quoteDepth: 0, text: text)])
    }

    @Test(arguments: [
        "Hello world, this is a paragraph long enough to wrap several times over.\n\n> quoted text that is also long enough to wrap around\n-- \nsignature",
        "日本語の文章はスペースがないので、DelSpで折り返す必要があります。",
        "  indented start and From the middle of a line that wraps at From",
        "word  with   several    spaces     between      words       to   wrap",
    ])
    func roundTrips(_ text: String) {
        for delSp in [false, true] {
            let encoded = FlowedText.encode(text, width: 24, delSp: delSp)
            let decoded = FlowedText.decode(encoded, delSp: delSp)
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> FlowedParagraph in
                let (depth, content) = QuoteLevel.parse(line)
                var c = String(content)
                if c != "-- " { while c.hasSuffix(" ") { c.removeLast() } }
                return FlowedParagraph(quoteDepth: depth, text: c, isSignatureSeparator: c == "-- ")
            }
            #expect(decoded == expected, "delSp \(delSp)")
        }
    }

    @Test(arguments: [
        ("CRLF line ends leave no carriage return", "one \r\ntwo\r\nthree\r\n", false, "one two\nthree"),
        ("LF line ends", "one \ntwo\n", false, "one two"),
        ("quotes keep their depth", ">> deep \r\n>> text\r\n> shallow\r\n", false, ">> deep text\n> shallow"),
        ("empty quoted line", "> a\r\n>\r\n> b\r\n", false, "> a\n>\n> b"),
        ("stuffing removed", " From here\r\n", false, "From here"),
        ("signature separator kept", "text\r\n-- \r\nsig\r\n", false, "text\n-- \nsig"),
        ("DelSp", "日本語の \r\n文章\r\n", true, "日本語の文章"),
    ])
    func unflows(_ name: String, _ body: String, _ delSp: Bool, _ expected: String) {
        #expect(FlowedText.unflow(body, delSp: delSp) == expected, "\(name)")
    }

    @Test func encodeThenUnflowGivesTheText() {
        let text = String(repeating: "flowing words ", count: 20).trimmingCharacters(in: .whitespaces)
            + "\n> quoted line\nFrom the start\n-- \nsig"
        #expect(FlowedText.unflow(FlowedText.encode(text), delSp: false) == text)
    }
}
