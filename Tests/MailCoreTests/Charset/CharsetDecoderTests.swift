import Testing
@testable import MailCore

@Test(arguments: [
    ("utf-8", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
    ("UTF8", [0xE2, 0x82, 0xAC], "€"),
    ("us-ascii", [0x61, 0x62], "ab"),
    ("us-ascii", [0xC3, 0xA9], "é"),                           // mislabelled UTF-8
    ("us-ascii", [0xE9], "é"),                                 // mislabelled Latin-1
    ("iso-8859-1", [0x80, 0x93, 0xE9], "€“é"),                 // really windows-1252
    ("latin1", [0xFC], "ü"),
    ("iso-8859-15", [0xA4], "€"),
    ("iso-8859-2", [0xB1], "ą"),
    ("iso-8859-5", [0xBF], "П"),
    ("iso-8859-7", [0xE1], "α"),
    ("iso-8859-8-i", [0xE0], "א"),
    ("windows-1250", [0x8A], "Š"),
    ("cp1251", [0xC0], "А"),
    ("windows-1256", [0xC7], "ا"),
    ("koi8-r", [0xE1, 0xC1], "Аа"),
    ("koi8-u", [0xA4], "є"),
    ("gb2312", [0xC4, 0xE3], "你"),
    ("gbk", [0x81, 0x40], "丂"),
    ("gb18030", [0x81, 0x30, 0x81, 0x30], "\u{80}"),
    ("big5", [0xA4, 0xA4], "中"),
    ("shift_jis", [0x82, 0xA0], "あ"),
    ("euc-jp", [0xA4, 0xA2], "あ"),
    ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x24, 0x22, 0x1B, 0x28, 0x42], "あ"),
    ("euc-kr", [0xC7, 0xD1], "한"),
    ("ks_c_5601-1987", [0xC7, 0xD1], "한"),
    ("utf-16", [0xFF, 0xFE, 0x41, 0x00], "A"),
    ("utf-16be", [0x00, 0x41], "A"),
    ("\"UTF-8\"", [0x41], "A"),
    ("x-made-up", [0xC3, 0xA9], "é"),
    ("x-made-up", [0xE9], "é"),
    ("utf-8", [0x61, 0xFF, 0x62], "a\u{FFFD}b"),               // invalid bytes → U+FFFD
    ("shift_jis", [0x61, 0x82], "a\u{FFFD}"),                  // truncated sequence
    ("euc-kr", [0x61, 0xFF, 0xFF, 0x62], "a\u{FFFD}\u{FFFD}b"),
] as [(String, [UInt8], String)])
func charsetDecoding(charset: String, bytes: [UInt8], expected: String) {
    #expect(CharsetDecoder.decode(bytes, charset: charset) == expected)
}

@Test func knownCharsets() {
    #expect(CharsetDecoder.isKnown("iso-8859-9"))
    #expect(CharsetDecoder.isKnown("Big5"))
    #expect(!CharsetDecoder.isKnown("x-no-such-charset"))
}
