import Foundation
import Testing
@testable import MailCore

@Test(arguments: [
    ("Caf=E9", [0x43, 0x61, 0x66, 0xE9]),
    ("caf=e9", [0x63, 0x61, 0x66, 0xE9]),                       // lower-case hex
    ("soft=\r\nbreak", Array("softbreak".utf8)),
    ("soft=\nbreak", Array("softbreak".utf8)),
    ("soft=  \r\nbreak", Array("softbreak".utf8)),             // white space after "="
    ("bad =ZZ escape", Array("bad =ZZ escape".utf8)),           // kept literally
    ("end=", Array("end".utf8)),
    ("a=3", Array("a=3".utf8)),
    ("trailing   \r\nx", Array("trailing\r\nx".utf8)),         // transport padding removed
    ("keep  inner", Array("keep  inner".utf8)),
    ("a=3D=3d", Array("a==".utf8)),
] as [(String, [UInt8])])
func quotedPrintableDecoding(input: String, expected: [UInt8]) {
    #expect(QuotedPrintable.decode(Array(input.utf8)) == expected)
}

@Test(arguments: [
    "short line",
    String(repeating: "long line with words ", count: 20),
    "Grüße aus Köln — ünïcödé everywhere " + String(repeating: "ü", count: 100),
    "trailing space \nand tab\t\nFrom the start\n.\nend=equals",
    "",
])
func quotedPrintableRoundTrip(text: String) {
    let encoded = QuotedPrintable.encode(Array(text.utf8))
    let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 76 })
    #expect(encoded.allSatisfy { $0 < 0x80 })
    let decoded = QuotedPrintable.decode(encoded)
    #expect(String(decoding: decoded, as: UTF8.self) == text.replacingAll("\n", with: "\r\n"))
}
