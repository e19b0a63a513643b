import Testing
@testable import MailCore

@Test(arguments: [
    ("report.pdf", "report.pdf"),
    ("../../etc/passwd", "passwd"),
    ("/etc/shadow", "shadow"),
    ("C:\\Users\\x\\evil.exe", "evil.exe"),
    ("..", "attachment.bin"),
    (".bashrc", "bashrc"),
    ("-rf", "rf"),
    ("a\u{0}b\u{1B}c.txt", "a_b_c.txt"),
    ("evil\u{202E}fdp.exe", "evil_fdp.exe"),
    ("   ", "attachment.bin"),
    ("name. ", "name"),
    ("Résumé 2006.pdf", "Résumé 2006.pdf"),
] as [(String, String)])
func safeNames(input: String, expected: String) {
    #expect(SafeFileName.make(input) == expected)
}

@Test func generatedAndNumberedNames() {
    #expect(SafeFileName.make(nil, mimeType: "application/pdf") == "attachment.pdf")
    #expect(SafeFileName.make("", mimeType: "image/jpeg") == "attachment.jpg")
    #expect(SafeFileName.numbered("name.pdf", 1) == "name (1).pdf")
    #expect(SafeFileName.numbered("README", 2) == "README (2)")
    let long = String(repeating: "ü", count: 300) + ".pdf"
    let made = SafeFileName.make(long)
    #expect(made.utf8.count <= 255 && made.hasSuffix(".pdf"))
}
