import Testing
import MailCore

@Suite("QuoteLevel and PlainTextLines")
struct PlainTextLinesTests {
    static let quotes: [(String, Int, String)] = [
        ("plain", 0, "plain"), ("> one", 1, "one"), (">one", 1, "one"), (">> two", 2, "two"), ("> > two", 2, "two"),
        (">>> three", 3, "three"), ("> >> three", 3, "three"), (">  two spaces", 1, " two spaces"),
        ("  > indented", 0, "  > indented"), (">", 1, ""), ("> ", 1, ""), ("", 0, ""), (">\t> tab", 2, "tab"),
        ("a > b", 0, "a > b"),
    ]

    @Test(arguments: quotes)
    func quoteLevel(_ line: String, _ depth: Int, _ content: String) {
        let parsed = QuoteLevel.parse(line)
        #expect(parsed.depth == depth)
        #expect(parsed.content == content)
    }

    @Test func quotePrefix() {
        #expect(QuoteLevel.prefix(depth: 0) == "")
        #expect(QuoteLevel.prefix(depth: 2) == "> > ")
    }

    @Test func classifiesSignatures() {
        let text = """
        Hello,
        the text -- with dashes
        --
        not a separator
        > quoted
        > -- 
        > quoted sig
        back
        -- 
        My Name
        https://me.test
        """
        let lines = PlainTextLines.classify(text)
        #expect(lines.map(\.quoteDepth) == [0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0])
        #expect(lines.map(\.isSignature) == [false, false, false, false, false, true, true, false, true, true, true])
        #expect(lines[4].content == "quoted")
    }

    @Test func lastSeparatorWins() {
        let lines = PlainTextLines.classify("a\n-- \nforwarded sig\nmore\n-- \nreal sig")
        #expect(lines.map(\.isSignature) == [false, false, false, false, true, true])
    }

    @Test(arguments: [
        ("body\n-- \nsig", 1), ("body\n-- \nsig\n> quoted", nil), ("no sig", nil), ("a\n-- \nb\n-- \nc", 3),
    ] as [(String, Int?)])
    func signatureStart(_ text: String, _ expected: Int?) {
        #expect(PlainTextLines.signatureStart(text.split(separator: "\n", omittingEmptySubsequences: false)) == expected)
    }

    @Test func carriageReturnsAreTolerated() {
        #expect(PlainTextLines.signatureStart(["crlf", "-- \r", "sig"]) == 1)
        #expect(PlainTextLines.classify("a\r\n-- \r\nsig\r\n").map(\.isSignature) == [false, true, true, true])
    }
}
