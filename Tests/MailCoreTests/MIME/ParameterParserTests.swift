import Testing
@testable import MailCore

@Test(arguments: [
    ("text/plain; charset=utf-8", "text/plain", ["charset": "utf-8"]),
    ("TEXT/HTML; CHARSET=\"ISO-8859-1\"", "text/html", ["charset": "ISO-8859-1"]),
    ("text/plain; charset=us-ascii (Plain text)", "text/plain", ["charset": "us-ascii"]),
    ("application/pdf; name=\"=?utf-8?B?w6kucGRm?=\"", "application/pdf", ["name": "é.pdf"]),
    ("application/pdf; name*=utf-8''%C3%A9t%C3%A9.pdf", "application/pdf", ["name": "été.pdf"]),
    ("application/pdf; name*=iso-8859-1'fr'%E9t%E9.pdf", "application/pdf", ["name": "été.pdf"]),
    ("application/pdf; name*0*=utf-8''%C3%A9; name*1=\" long\"; name*2*=%20name.pdf", "application/pdf",
     ["name": "é long name.pdf"]),
    ("application/pdf; name*1=b; name*0=a", "application/pdf", ["name": "ab"]),
    ("application/pdf; name*0=a; name*2=c", "application/pdf", ["name": "a"]),
    ("application/pdf; name=plain; name*=utf-8''wins", "application/pdf", ["name": "wins"]),
    ("application/octet-stream; name=my file (1).bin", "application/octet-stream", ["name": "my file"]),
    ("text/plain charset=utf-8", "text/plain", ["charset": "utf-8"]),
    ("text/plain;; ;junk; charset=utf-8;", "text/plain", ["charset": "utf-8"]),
    ("text/plain; name=\"C:\\dir\\file.txt\"", "text/plain", ["name": "C:\\dir\\file.txt"]),
    ("text/plain; name=\"a\\\"b\"", "text/plain", ["name": "a\"b"]),
    ("text/plain; name=\"unterminated", "text/plain", ["name": "unterminated"]),
    ("multipart/mixed; boundary=\"=_a b\"", "multipart/mixed", ["boundary": "=_a b"]),
    // Found by the fuzzer: a parameter with no name looped forever.
    ("text/plain; =junk; charset=utf-8", "text/plain", ["charset": "utf-8"]),
    ("text/plain;=", "text/plain", [:]),
] as [(String, String, [String: String])])
func contentTypeParsing(input: String, mimeType: String, parameters: [String: String]) throws {
    let ct = try #require(ContentType(parsing: Array(input.utf8)))
    #expect(ct.mimeType == mimeType)
    var found: [String: String] = [:]
    for p in ct.parameters { found[p.name] = p.value }
    #expect(found == parameters)
}

@Test(arguments: ["text", "", "/plain", "text/", "te xt/plain", "text/pl@in"])
func invalidContentTypes(input: String) {
    #expect(ContentType(parsing: Array(input.utf8)) == nil)
}

@Test func boundaryKeptAsRawBytes() throws {
    let ct = try #require(ContentType(parsing: Array("multipart/mixed; boundary==?utf-8?q?x?=".utf8)))
    #expect(ct.boundary == Array("=?utf-8?q?x?=".utf8))
}

@Test(arguments: [
    ("attachment; filename=\"a.pdf\"", "attachment", "a.pdf"),
    ("INLINE; FILENAME=b.png", "inline", "b.png"),
    ("attachment; filename*=UTF-8''%E2%82%AC.txt", "attachment", "€.txt"),
    ("filename=c.txt", "attachment", "c.txt"),
] as [(String, String, String)])
func dispositionParsing(input: String, type: String, filename: String) throws {
    let d = try #require(ContentDisposition(parsing: Array(input.utf8)))
    #expect(d.type == type)
    #expect(d.filename == filename)
}
