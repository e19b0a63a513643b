import Testing
import MailCore

@Suite("URLDetector")
struct URLDetectorTests {
    static let cases: [(String, [String])] = [
        ("see https://example.com/path now", ["https://example.com/path"]),
        ("HTTP://EXAMPLE.COM", ["HTTP://EXAMPLE.COM"]),
        ("end of sentence https://example.com.", ["https://example.com"]),
        ("question https://example.com/?q=1?", ["https://example.com/?q=1"]),
        ("list: https://a.test, https://b.test; ok", ["https://a.test", "https://b.test"]),
        ("(see https://example.com/foo)", ["https://example.com/foo"]),
        ("wiki https://en.wikipedia.org/wiki/Set_(mathematics) here", ["https://en.wikipedia.org/wiki/Set_(mathematics)"]),
        ("(wiki https://en.wikipedia.org/wiki/Set_(mathematics))", ["https://en.wikipedia.org/wiki/Set_(mathematics)"]),
        ("[link](https://example.com/a)", ["https://example.com/a"]),
        ("[https://example.com/x]", ["https://example.com/x"]),
        ("<https://example.com/angle>", ["https://example.com/angle"]),
        ("\"https://example.com/quoted\"", ["https://example.com/quoted"]),
        ("'https://example.com/single'", ["https://example.com/single"]),
        ("visit www.example.com today", ["http://www.example.com"]),
        ("www. is not a link", []),
        ("www.", []),
        ("a.www.example.com", []),
        ("xhttp://nope.test", []),
        ("http:// nope", []),
        ("http:///path", []),
        ("ftp://files.test/pub/", ["ftp://files.test/pub/"]),
        ("mail mailto:bob@example.com.", ["mailto:bob@example.com"]),
        ("mailto:nobody", []),
        ("mailto:@x.test", []),
        ("two https://a.test/x_ and *https://b.test/y*", ["https://a.test/x", "https://b.test/y"]),
        ("entity https://a.test/?a=1&amp;", ["https://a.test/?a=1&amp"]),
        ("日本語https://example.jp/パス。続き", ["https://example.jp/パス"]),
        ("（https://example.jp/）", ["https://example.jp/"]),
        ("url with control https://a.test/\u{1B}[31m", ["https://a.test/"]),
        ("no urls here at all", []),
        ("https://a.test/end", ["https://a.test/end"]),
        ("query https://a.test/p?x=(1)&y=[2]", ["https://a.test/p?x=(1)&y=[2]"]),
        ("brace {https://a.test/x}", ["https://a.test/x"]),
        ("backtick `https://a.test/code`", ["https://a.test/code"]),
    ]

    @Test(arguments: cases)
    func detects(_ text: String, _ expected: [String]) {
        #expect(URLDetector.detect(in: text).map(\.url) == expected)
    }

    @Test func rangesPointIntoTheText() {
        let text = "x www.a.test/y, z"
        let found = URLDetector.detect(in: text)
        #expect(found.count == 1)
        #expect(found.first.map { String(text[$0.range]) } == "www.a.test/y")
        #expect(found.first?.url == "http://www.a.test/y")
    }

    @Test func longClosingRunIsLinear() {
        let text = "https://a.test/" + String(repeating: ")", count: 100_000)
        #expect(URLDetector.detect(in: text).map(\.url) == ["https://a.test/"])
    }
}
