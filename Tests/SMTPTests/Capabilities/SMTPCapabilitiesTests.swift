import SMTP
import Testing

struct SMTPCapabilitiesTests {
    static let postfix = ["mail.example.test", "PIPELINING", "SIZE 52428800", "ETRN", "AUTH PLAIN LOGIN",
                          "AUTH=PLAIN LOGIN", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"]

    @Test func readsPostfixsEHLOReply() {
        let capabilities = SMTPCapabilities(ehloLines: Self.postfix)
        #expect(capabilities.serverName == "mail.example.test")
        #expect(capabilities.isExtended)
        #expect(capabilities.supportsPipelining)
        #expect(capabilities.supports8BitMIME)
        #expect(capabilities.supportsSMTPUTF8)
        #expect(capabilities.supportsEnhancedStatusCodes)
        #expect(!capabilities.supportsStartTLS)
        #expect(capabilities.maximumMessageSize == 52_428_800)
        #expect(capabilities.authMechanisms == ["PLAIN", "LOGIN"])
        #expect(capabilities.supports("chunking"))
        #expect(capabilities.parameters(of: "size") == ["52428800"])
    }

    @Test(arguments: [
        (["x", "SIZE"], true, nil as Int?),
        (["x", "SIZE 0"], true, nil),
        (["x", "SIZE abc"], true, nil),
        (["x", "SIZE 1000"], true, 1000),
        (["x"], false, nil),
    ])
    func readsTheSizeLimit(lines: [String], supported: Bool, limit: Int?) {
        let capabilities = SMTPCapabilities(ehloLines: lines)
        #expect(capabilities.supportsSize == supported)
        #expect(capabilities.maximumMessageSize == limit)
    }

    @Test func keywordsAreCaseInsensitiveAndMechanismsUpperCased() {
        let capabilities = SMTPCapabilities(ehloLines: ["x", "starttls", "auth cram-md5 xoauth2", "  "])
        #expect(capabilities.supportsStartTLS)
        #expect(capabilities.authMechanisms == ["CRAM-MD5", "XOAUTH2"])
    }

    @Test func aHELOServerHasNoExtensions() {
        let capabilities = SMTPCapabilities.helo(serverName: "old.example")
        #expect(!capabilities.isExtended)
        #expect(capabilities.extensions.isEmpty)
        #expect(capabilities.authMechanisms.isEmpty)
    }
}
