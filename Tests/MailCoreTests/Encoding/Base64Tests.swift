import Foundation
import Testing
@testable import MailCore

@Test(arguments: [
    ("SGVsbG8gV29ybGQ=", "Hello World"),
    ("SGVsbG8gV29ybGQ", "Hello World"),            // missing padding
    ("SGVs\r\nbG8g\r\nV29y bGQ=\r\n", "Hello World"),  // white space
    ("SGV*sb!G8=", "Hello"),                      // junk ignored
    ("", ""),
    ("QQ==QkM=", "ABC"),                          // concatenated encodings
    ("Q", ""),                                    // a dangling character
    ("_-8=", "\u{FF}\u{EF}"),                     // URL-safe alphabet
])
func base64Decoding(input: String, expected: String) {
    let decoded = Base64.decode(Array(input.utf8))
    if expected.unicodeScalars.allSatisfy({ $0.value < 0x80 }) {
        #expect(decoded == Array(expected.utf8))
    } else {
        #expect(decoded == expected.unicodeScalars.map { UInt8($0.value) })
    }
}

@Test func base64RoundTripAllLengths() {
    var bytes: [UInt8] = []
    for n in 0..<300 {
        let encoded = Base64.encode(bytes)
        #expect(Base64.decode(encoded) == bytes)
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        bytes.append(UInt8(truncatingIfNeeded: n &* 37))
    }
}

@Test func base64SplitAnywhereGivesSameBytes() {
    let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let encoded = Base64.encode(data)
    // Decoding the concatenation of two halves split at every position equals the original
    // when each half is a whole number of quanta, and the whole decoding never depends on line breaks.
    for cut in stride(from: 0, through: encoded.count, by: 13) {
        var withBreak = Array(encoded[..<cut])
        withBreak += [0x0D, 0x0A, 0x20]
        withBreak += encoded[cut...]
        #expect(Base64.decode(withBreak) == data)
    }
}
