import Testing
@testable import MailCore

@Test(arguments: [
    ("=?utf-8?q?caf=C3=A9?=", "café"),
    ("=?UTF-8?B?Y2Fmw6k=?=", "café"),
    ("=?iso-8859-1?q?caf=E9?=", "café"),
    ("=?utf-8?q?a?= =?utf-8?q?b?=", "ab"),                     // white space between words dropped
    ("=?utf-8?q?a?=\r\n =?utf-8?q?b?=", "ab"),
    ("=?utf-8?q?a?= x =?utf-8?q?b?=", "a x b"),                // but not around other text
    ("=?utf-8?q?a_b?=", "a b"),
    ("=?utf-8?B?4oI=?= =?utf-8?B?rA==?=", "€"),                  // split inside a character
    ("=?utf-8?q?=E2=82?= =?utf-8?q?=AC?=", "€"),
    ("=?utf-8*en?q?hi?=", "hi"),                                // RFC 2231 language
    ("=?x-unknown?q?plain?=", "plain"),
    ("=?bogus-charset?q?caf=C3=A9?=", "café"),
    ("=?utf-8?x?abc?=", "=?utf-8?x?abc?="),                     // bad encoding kept
    ("=?utf-8?q?no end", "=?utf-8?q?no end"),
    ("=?utf-8?q?sp ace?=", "=?utf-8?q?sp ace?="),
    ("plain text", "plain text"),
    ("=?utf-8?q?a=0Db=0Ac=1Bd=07?=", "a b c\u{FFFD}d\u{FFFD}"),   // controls neutralised
    ("=?shift_jis?B?gqA=?=", "あ"),
    ("=?iso-2022-jp?B?GyRCJCIbKEI=?=", "あ"),
    ("=?koi8-r?q?=F0=D2=C9=D7=C5=D4?=", "Привет"),
    ("=?gb2312?B?xOO6ww==?=", "你好"),
    ("=?big5?B?pKSk5Q==?=", "中文"),
    ("=?euc-kr?B?x9Gx2w==?=", "한글"),
    ("=?windows-1251?q?=CF=F0=E8?=", "При"),
])
func encodedWordDecoding(input: String, expected: String) {
    #expect(EncodedWord.decode(input) == expected)
}

@Test func manyBrokenMarkersAreLinear() {
    let text = String(repeating: "=?a?q?", count: 100_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = EncodedWord.decode(text) }
    #expect(elapsed < .seconds(5))
}
