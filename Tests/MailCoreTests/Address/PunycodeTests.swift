import Testing
@testable import MailCore

@Test(arguments: [
    ("bücher", "bcher-kva"),
    ("münchen", "mnchen-3ya"),
    ("日本語", "wgv71a119e"),
    ("abc", "abc-"),
])
func punycodeRoundTrip(unicode: String, encoded: String) {
    #expect(Punycode.encode(unicode) == encoded)
    #expect(Punycode.decode(encoded) == unicode)
}

@Test func domainConversion() {
    #expect(Punycode.toUnicode(domain: "mail.xn--bcher-kva.example") == "mail.bücher.example")
    #expect(Punycode.toASCII(domain: "mail.bücher.example") == "mail.xn--bcher-kva.example")
    #expect(Punycode.toUnicode(domain: "xn--!!!.example") == "xn--!!!.example")
    #expect(Punycode.toUnicode(domain: "plain.example") == "plain.example")
    #expect(Punycode.toUnicode(domain: "mail.XN--bcher-kva.example") == "mail.bücher.example")
    #expect(Punycode.toUnicode(domain: "xn-x.example") == "xn-x.example")
}

@Test(arguments: [("xn--a", true), ("XN--a", true), ("a.Xn--b", true), ("xn-", false), ("x-n--", false), ("", false), ("xn-.-", false)])
func aceLabelDetection(domain: String, expected: Bool) {
    #expect(Punycode.hasACELabel(domain) == expected)
}
