import POP3
import Testing

@Suite struct POP3CapabilitiesTests {
    @Test func readsDovecotStyleCapabilities() {
        let lines = ["CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", "STLS", "USER",
                     "SASL PLAIN login", "LOGIN-DELAY 900"]
        let capabilities = POP3Capabilities(lines.compactMap { POP3Capability(parsing: Array($0.utf8)[...]) })
        #expect(capabilities.supportsSTLS)
        #expect(capabilities.supportsUSER)
        #expect(capabilities.supportsUIDL)
        #expect(capabilities.supportsTOP)
        #expect(capabilities.saslMechanisms == ["PLAIN", "LOGIN"])
        #expect(capabilities.loginDelay == 900)
        #expect(capabilities.contains("pipelining"))
        #expect(!capabilities.contains("EXPIRE"))
    }

    @Test func tagsAreCaseInsensitive() {
        let capability = POP3Capability(parsing: Array("sasl xoauth2".utf8)[...])
        #expect(capability == POP3Capability(tag: "SASL", arguments: ["xoauth2"]))
        #expect(POP3Capabilities([capability!]).saslMechanisms == ["XOAUTH2"])
    }

    @Test(arguments: ["", "   ", "STLS\u{1b}", "SASL \u{e9}"])
    func rejectsUnusableLines(line: String) {
        #expect(POP3Capability(parsing: Array(line.utf8)[...]) == nil)
    }

    @Test func emptyCapabilitiesOfferNothing() {
        let capabilities = POP3Capabilities()
        #expect(!capabilities.supportsSTLS)
        #expect(capabilities.saslMechanisms.isEmpty)
        #expect(capabilities.loginDelay == nil)
    }
}
