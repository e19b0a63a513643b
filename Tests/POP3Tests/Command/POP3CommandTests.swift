import POP3
import Testing

@Suite struct POP3CommandTests {
    @Test(arguments: [
        (POP3Command.capa, "CAPA\r\n", "CAPA"),
        (.stls, "STLS\r\n", "STLS"),
        (.user("bob"), "USER bob\r\n", "USER bob"),
        (.pass("bobpw"), "PASS bobpw\r\n", "PASS ****"),
        (.apop(user: "bob", digest: "c4c9334bac560ecc979e58001b3e22fb"),
         "APOP bob c4c9334bac560ecc979e58001b3e22fb\r\n", "APOP bob ****"),
        (.auth(mechanism: "PLAIN", initialResponse: "AGJvYgBib2Jwdw=="), "AUTH PLAIN AGJvYgBib2Jwdw==\r\n", "AUTH PLAIN ****"),
        (.auth(mechanism: "PLAIN", initialResponse: nil), "AUTH PLAIN\r\n", "AUTH PLAIN"),
        (.saslResponse("AGJvYgBib2Jwdw=="), "AGJvYgBib2Jwdw==\r\n", "****"),
        (.saslResponse("*"), "*\r\n", "*"),
        (.saslResponse(""), "\r\n", ""),
        (.stat, "STAT\r\n", "STAT"),
        (.list(nil), "LIST\r\n", "LIST"),
        (.list(3), "LIST 3\r\n", "LIST 3"),
        (.uidl(nil), "UIDL\r\n", "UIDL"),
        (.uidl(12), "UIDL 12\r\n", "UIDL 12"),
        (.top(1, lines: 10), "TOP 1 10\r\n", "TOP 1 10"),
        (.retr(1), "RETR 1\r\n", "RETR 1"),
        (.dele(2), "DELE 2\r\n", "DELE 2"),
        (.noop, "NOOP\r\n", "NOOP"),
        (.rset, "RSET\r\n", "RSET"),
        (.quit, "QUIT\r\n", "QUIT"),
    ])
    func encodesAndTraces(command: POP3Command, wire: String, trace: String) {
        #expect(command.encoded == Array(wire.utf8))
        #expect(command.traceText == trace)
    }

    @Test(arguments: [
        POP3Command.pass("secret-pw"), .apop(user: "u", digest: "secret-digest"),
        .auth(mechanism: "XOAUTH2", initialResponse: "secret-token"), .saslResponse("secret-sasl"),
    ])
    func secretsNeverReachTheTrace(command: POP3Command) {
        #expect(command.carriesSecret)
        #expect(!command.traceText.contains("secret"))
    }
}
