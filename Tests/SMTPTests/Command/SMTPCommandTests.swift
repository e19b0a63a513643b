import SMTP
import Testing

struct SMTPCommandTests {
    @Test(arguments: [
        (SMTPCommand.ehlo("[127.0.0.1]"), "EHLO [127.0.0.1]", "EHLO [127.0.0.1]"),
        (.helo("client.example"), "HELO client.example", "HELO client.example"),
        (.startTLS, "STARTTLS", "STARTTLS"),
        (.auth(mechanism: "PLAIN", initialResponse: "AGFsaWNlAHNlY3JldA=="), "AUTH PLAIN AGFsaWNlAHNlY3JldA==", "AUTH PLAIN ****"),
        (.auth(mechanism: "LOGIN", initialResponse: nil), "AUTH LOGIN", "AUTH LOGIN"),
        (.saslResponse("c2VjcmV0"), "c2VjcmV0", "****"),
        (.saslResponse(""), "", ""),
        (.saslResponse("*"), "*", "*"),
        (.mail(from: "alice@example.test", parameters: ["SIZE=1234", "BODY=8BITMIME"]),
         "MAIL FROM:<alice@example.test> SIZE=1234 BODY=8BITMIME", "MAIL FROM:<alice@example.test> SIZE=1234 BODY=8BITMIME"),
        (.mail(from: "", parameters: []), "MAIL FROM:<>", "MAIL FROM:<>"),
        (.recipient("bob@example.test", parameters: []), "RCPT TO:<bob@example.test>", "RCPT TO:<bob@example.test>"),
        (.data, "DATA", "DATA"), (.rset, "RSET", "RSET"), (.noop, "NOOP", "NOOP"), (.quit, "QUIT", "QUIT"),
    ])
    func encodesWithCRLFAndHidesSecretsInTheTrace(command: SMTPCommand, wire: String, trace: String) {
        #expect(command.encoded == Array((wire + "\r\n").utf8))
        #expect(command.traceText == trace)
    }

    @Test func pipelinedCommandsGoOutTogether() {
        let outbound = SMTPOutbound([.mail(from: "a@x", parameters: []), .recipient("b@y", parameters: []), .data])
        #expect(String(decoding: outbound.bytes, as: UTF8.self) == "MAIL FROM:<a@x>\r\nRCPT TO:<b@y>\r\nDATA\r\n")
        #expect(outbound.traceLines == ["MAIL FROM:<a@x>", "RCPT TO:<b@y>", "DATA"])
    }
}

struct SMTPPathTests {
    @Test(arguments: [
        ("bob@example.test", true, nil as SMTPPath.Problem?),
        ("", true, nil),
        ("", false, .empty),
        ("Postmaster", false, nil),
        ("bob", false, .missingDomain),
        ("bob@", false, .missingDomain),
        ("@example.test", false, .missingDomain),
        ("bob@example.test\r\nRCPT TO:<eve@evil>", false, .forbiddenCharacter),
        ("bob@exa\u{0}mple", false, .forbiddenCharacter),
        ("bob>@x", false, .forbiddenCharacter),
        ("b<ob@x", false, .forbiddenCharacter),
        ("bob smith@x", false, .forbiddenCharacter),
        ("\"bob smith\"@x", false, nil),
        ("\"bob \\\" smith\"@x", false, nil),
        ("\"unterminated@x", false, .forbiddenCharacter),
        ("jösé@exämple.test", false, nil),
        (String(repeating: "a", count: 250) + "@example.test", false, .tooLong),
    ])
    func checksEnvelopeAddresses(address: String, allowEmpty: Bool, problem: SMTPPath.Problem?) {
        #expect(SMTPPath.problem(with: address, allowEmpty: allowEmpty) == problem)
    }

    @Test func nonASCIIAddressesNeedSMTPUTF8() {
        #expect(SMTPPath.needsSMTPUTF8("jösé@example.test"))
        #expect(!SMTPPath.needsSMTPUTF8("jose@xn--exmple-cua.test"))
    }
}
