import Testing
import MailCore

@Suite("DisplayWidth and DisplaySanitizer")
struct DisplayWidthTests {
    static let widths: [(String, Int)] = [
        ("", 0), ("abc", 3), ("café", 4), ("cafe\u{301}", 4), ("日本", 4), ("ｈｉ", 4), ("한국어", 6),
        ("😀", 2), ("a\u{200B}b", 2), ("a\u{200D}b", 2), ("\u{FE0F}", 0), ("e\u{20DD}", 1),
        ("\u{1B}", 1), ("\u{202E}", 1), ("\u{AD}", 1), ("\u{1100}\u{1161}", 2), ("Ａ", 2), ("½", 1),
    ]

    @Test(arguments: widths)
    func width(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func wideAndZeroWidthClassification() {
        #expect(DisplayWidth.isWide("中"))
        #expect(!DisplayWidth.isWide("a"))
        #expect(DisplayWidth.isZeroWidth("\u{301}"))
        #expect(!DisplayWidth.isZeroWidth("\u{202E}")) // unsafe: shown as a replacement
    }

    @Test(arguments: [("a\tb", "a       b"), ("abcdefgh\tx", "abcdefgh        x"), ("日本\tx", "日本    x"), ("a\n\tb", "a\n        b")])
    func expandTabs(_ input: String, _ expected: String) {
        #expect(DisplayWidth.expandTabs(input) == expected)
    }

    static let sanitizing: [(String, String)] = [
        ("plain text", "plain text"), ("tab\tand\nnewline", "tab\tand\nnewline"), ("crlf\r\nline", "crlf\nline"),
        ("lone\rcr", "lone\u{FFFD}cr"), ("\u{1B}[31mred", "\u{FFFD}[31mred"), ("nul\u{0}", "nul\u{FFFD}"),
        ("del\u{7F}", "del\u{FFFD}"), ("csi\u{9B}2J", "csi\u{FFFD}2J"), ("nel\u{85}", "nel\u{FFFD}"),
        ("rlo\u{202E}x", "rlo\u{FFFD}x"), ("lre\u{202A}pdf\u{202C}", "lre\u{FFFD}pdf\u{FFFD}"),
        ("iso\u{2066}\u{2067}\u{2068}\u{2069}", "iso\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"), ("ls\u{2028}ps\u{2029}", "ls ps "),
        ("lrm\u{200E}ok", "lrm\u{200E}ok"), ("日本語 ✓", "日本語 ✓"),
    ]

    @Test(arguments: sanitizing)
    func sanitize(_ input: String, _ expected: String) {
        #expect(DisplaySanitizer.sanitize(input) == expected)
    }

    @Test func sanitizeCanReplaceTabs() {
        #expect(DisplaySanitizer.sanitize("a\tb", allowTab: false) == "a\u{FFFD}b")
    }

    @Test func everyUnsafeScalarIsReplaced() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0)...0x2100 { if let s = Unicode.Scalar(v) { all.append(s) } }
        let clean = DisplaySanitizer.sanitize(String(all))
        #expect(!clean.unicodeScalars.contains { DisplaySanitizer.isUnsafe($0) })
    }
}
