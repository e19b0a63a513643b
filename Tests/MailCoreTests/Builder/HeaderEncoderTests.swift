import Testing
@testable import MailCore

@Test(arguments: [
    ("Hello world", "Subject: Hello world\r\n"),
    ("Grüße", "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n"),
    ("Hi Jörg and Ann", "Subject: Hi =?utf-8?q?J=C3=B6rg?= and Ann\r\n"),
    ("über über", "Subject: =?utf-8?q?=C3=BCber_=C3=BCber?=\r\n"),
    ("looks =?like?= a word", "Subject: looks =?utf-8?q?=3D=3Flike=3F=3D?= a word\r\n"),
    ("日本語の件名", "Subject: =?utf-8?b?5pel5pys6Kqe44Gu5Lu25ZCN?=\r\n"),
    ("Hello Wörld mostly ascii text", "Subject: Hello =?utf-8?q?W=C3=B6rld?= mostly ascii text\r\n"),
])
func unstructuredEncoding(value: String, expected: String) throws {
    let bytes = try HeaderEncoder.unstructured("Subject", value)
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
    // And it decodes back.
    let m = Message(bytes: bytes + [13, 10])
    #expect(m.header.text("Subject") == value)
}

@Test(arguments: [
    String(repeating: "word ", count: 40).trimmingSpaces(),
    String(repeating: "wörd ", count: 40).trimmingSpaces(),
    String(repeating: "日本語", count: 40),
    "mixed " + String(repeating: "ascii ", count: 10) + String(repeating: "ünï ", count: 20) + "end",
])
func longValuesFoldAndRoundTrip(value: String) throws {
    let bytes = try HeaderEncoder.unstructured("Subject", value)
    let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").dropLast()
    #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines)")
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    let m = Message(bytes: bytes + [13, 10])
    #expect(m.header.text("Subject") == value)
}

@Test(arguments: [
    (Address(address: "a@b.example"), "To: a@b.example\r\n"),
    (Address(name: "Ann", address: "a@b.example"), "To: Ann <a@b.example>\r\n"),
    (Address(name: "Ann B. Cee", address: "a@b.example"), "To: \"Ann B. Cee\" <a@b.example>\r\n"),
    (Address(name: "Doe, \"JD\"", address: "a@b.example"), "To: \"Doe, \\\"JD\\\"\" <a@b.example>\r\n"),
    (Address(name: "Jörg", address: "j@bücher.example"), "To: =?utf-8?q?J=C3=B6rg?= <j@xn--bcher-kva.example>\r\n"),
])
func addressEncoding(address: Address, expected: String) throws {
    let bytes = try AddressEncoder.field("To", [address])
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
    #expect(Message(bytes: bytes + [13, 10]).envelope.to == [address])
}
