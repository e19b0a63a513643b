import Testing
@testable import MailCore

@Test(arguments: [
    ("plain", "plain"),
    ("a\r\nb", "a  b"),
    ("tab\there", "tab here"),
    ("esc\u{1B}[31m", "esc\u{FFFD}[31m"),
    ("c1\u{9B}31m", "c1\u{FFFD}31m"),
    ("nul\u{0}del\u{7F}", "nul\u{FFFD}del\u{FFFD}"),
    ("ünïcode ok", "ünïcode ok"),
])
func headerTextSanitising(input: String, expected: String) {
    #expect(TextSanitizer.headerText(input) == expected)
}

@Test func bodyTextKeepsNewlinesAndTabs() {
    #expect(TextSanitizer.bodyText("a\r\nb\rc\n\td\u{1B}") == "a\nb\nc\n\td\u{FFFD}")
}
