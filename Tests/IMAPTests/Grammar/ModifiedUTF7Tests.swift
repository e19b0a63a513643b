@testable import IMAP
import Testing

@Suite struct ModifiedUTF7Tests {
    @Test(arguments: [
        ("INBOX", "INBOX"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Smile 😀", "Smile &2D3eAA-"),
        ("Ä", "&AMQ-"),
        ("", ""),
    ])
    func roundTrips(_ text: String, _ encoded: String) {
        #expect(ModifiedUTF7.encode(text) == Array(encoded.utf8))
        #expect(ModifiedUTF7.decode(Array(encoded.utf8)) == text)
    }

    @Test(arguments: ["&Jjo!", "&U,BTFw", "&AGE-", "Ä", "&2D0-", "&AMQ", "&A-"])
    func rejectsInvalid(_ encoded: String) {
        #expect(ModifiedUTF7.decode(Array(encoded.utf8)) == nil)
    }

    @Test func mailboxNames() {
        #expect(MailboxName("Entwürfe").bytes == Array("Entw&APw-rfe".utf8))
        #expect(MailboxName("Entwürfe", utf8: true).bytes == Array("Entwürfe".utf8))
        #expect(MailboxName(bytes: Array("inbox".utf8)) == .inbox)
        #expect(MailboxName(bytes: Array("Entw&APw-rfe".utf8)).displayName() == "Entwürfe")
        // With UTF8=ACCEPT, an ampersand is just an ampersand.
        #expect(MailboxName(bytes: Array("A&APw-".utf8)).displayName(utf8: true) == "A&APw-")
        #expect(MailboxName(bytes: Array("Archive/2024".utf8)).path(delimiter: "/").components == ["Archive", "2024"])
        #expect(MailboxName(path: .init(["Archiv", "Entwürfe"]), delimiter: ".").bytes == Array("Archiv.Entw&APw-rfe".utf8))
        #expect(MailboxName(path: .inbox, delimiter: "/") == .inbox)
    }
}
