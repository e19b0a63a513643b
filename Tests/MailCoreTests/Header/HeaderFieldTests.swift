import Testing
@testable import MailCore

/// A field's lower-case name, made on bytes for ASCII names.
@Suite struct HeaderFieldTests {
    @Test(arguments: ["From", "from", "MESSAGE-ID", "X-Very-Long-Field-Name-Past-Fifteen", "a", "", "Ünïcode-Name",
                      "K\u{212A}elvin", "İstanbul", "ß-Field", "X_1~!", "ΣΑΣ"])
    func lowerCaseNameIsTheStringLowerCase(name: String) {
        #expect(HeaderField(name: name, value: "v").lowercasedName == name.lowercased())
        #expect(HeaderField.lowercased(name) == name.lowercased())
    }

    /// Names as the scanner reads them (every printable ASCII byte but the colon).
    @Test func scannedNamesAreLoweredAsStrings() {
        var generator = GeneratedHeaders(seed: 3)
        let alphabet = (0x21 ... 0x7E).filter { $0 != 0x3A }.map(UInt8.init)
        for _ in 0 ..< 5000 {
            let name = (0 ..< 1 + generator.next(30)).map { _ in alphabet[generator.next(alphabet.count)] }
            let field = HeaderSection(parsing: name + Array(": v\r\n\r\n".utf8)).fields.first
            #expect(field?.name == String(decoding: name, as: UTF8.self))
            #expect(field?.lowercasedName == String(decoding: name, as: UTF8.self).lowercased())
        }
    }
}

/// The usual names, spelled as usual or not, read as any other name.
@Test(arguments: ["From", "FROM", "from", "Message-ID", "Message-Id", "message-id", "Content-Transfer-Encoding",
                  "X-Spam-Status", "X-Spam-Statu", "Tо" /* Cyrillic o: not a field name byte */, "Cc", "CC", "Subject",
                  "Authentication-Results", "Received", "Receive"])
func usualNamesReadAsAnyName(name: String) {
    let fields = HeaderSection(parsing: Array("\(name): v\r\n\r\n".utf8)).fields
    guard name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
        #expect(fields.isEmpty)
        return
    }
    #expect(fields.first?.name == name)
    #expect(fields.first?.lowercasedName == name.lowercased())
    #expect(fields.first?.rawValue.elementsEqual(" v".utf8) == true)
}
