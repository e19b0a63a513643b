import Testing
import MailCore

@Suite("WordWrap")
struct WordWrapTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var width: Int
        var lines: [String]
        var testDescription: String { "\(text.prefix(20))@\(width)" }
    }

    static let cases: [Case] = [
        Case(text: "", width: 10, lines: [""]),
        Case(text: "short", width: 10, lines: ["short"]),
        Case(text: "the quick brown fox jumps", width: 10, lines: ["the quick", "brown fox", "jumps"]),
        Case(text: "exactly ten", width: 11, lines: ["exactly ten"]),
        Case(text: "a  b   c", width: 20, lines: ["a  b   c"]),
        Case(text: "trailing   ", width: 20, lines: ["trailing"]),
        Case(text: "  indented text here", width: 10, lines: ["  indented", "text here"]),
        Case(text: "line one\nline two\n\nafter", width: 20, lines: ["line one", "line two", "", "after"]),
        Case(text: "abcdefghijklmnop", width: 5, lines: ["abcde", "fghij", "klmno", "p"]),
        Case(text: "see https://example.com/a/long/path ok", width: 10,
             lines: ["see", "https://example.com/a/long/path", "ok"]),
        Case(text: "(www.example.com/path/to)", width: 8, lines: ["(www.example.com/path/to)"]),
        Case(text: "mailto:someone@example.com", width: 8, lines: ["mailto:someone@example.com"]),
        Case(text: "日本語の文章を折り返す", width: 8, lines: ["日本語の", "文章を折", "り返す"]),
        Case(text: "これは「テスト」です。", width: 8, lines: ["これは", "「テス", "ト」で", "す。"]),
        Case(text: "漢字 and English", width: 6, lines: ["漢字", "and", "Englis", "h"]),
        Case(text: "cafe\u{301} cafe\u{301}", width: 4, lines: ["cafe\u{301}", "cafe\u{301}"]),
        Case(text: "zero\u{200B}width", width: 5, lines: ["zero", "width"]),
        Case(text: "tab\there", width: 20, lines: ["tab     here"]),
        Case(text: "esc\u{1B}[2J", width: 20, lines: ["esc\u{FFFD}[2J"]),
        Case(text: "no wrap at all here", width: 0, lines: ["no wrap at all here"]),
        Case(text: "😀😀😀", width: 4, lines: ["😀😀", "😀"]),
    ]

    @Test(arguments: cases)
    func wraps(_ c: Case) {
        #expect(WordWrap.wrap(c.text, width: c.width) == c.lines)
    }

    @Test(arguments: ["https://a.test", "http://x", "www.x.test", "<https://a.test>", "ftp://f", "MAILTO:a@b", "git+ssh://h"])
    func urlLike(_ word: String) {
        #expect(WordWrap.isURLLike(word))
    }

    @Test(arguments: ["word", "://x", "a.www.b", "wwwx", "e-mail:"])
    func notURLLike(_ word: String) {
        #expect(!WordWrap.isURLLike(word))
    }

    @Test func linesNeverExceedWidthExceptURLs() {
        let text = String(repeating: "lorem ipsum 日本語テキスト dolor sit amet verylongwordwithoutspaces ", count: 50)
        for width in 1...30 {
            for line in WordWrap.wrap(text, width: width) {
                #expect(DisplayWidth.of(line) <= max(width, 2), "width \(width): \(line)")
            }
        }
    }
}
