import SMTP
import Testing

struct EnhancedStatusCodeTests {
    @Test(arguments: [
        ("5.1.1 <bob@example.test>: no such user", "5.1.1"),
        ("2.0.0 Ok", "2.0.0"),
        ("4.7.0 Try again", "4.7.0"),
        ("5.7.8", "5.7.8"),
        ("5.123.456 long parts", "5.123.456"),
    ])
    func parsesTheCodeAtTheStart(text: String, expected: String) {
        #expect(EnhancedStatusCode(prefixOf: text)?.description == expected)
    }

    @Test(arguments: ["", "Ok", "3.1.1 class 3 is not a class", "55.1.1 two-digit class", "5.1 two parts",
                      "5.1.1234 detail too long", "5.1.1x", ".5.1.1", "5..1 empty part"])
    func rejectsWhatIsNotACode(text: String) {
        #expect(EnhancedStatusCode(prefixOf: text) == nil)
    }
}

struct SMTPReplyTests {
    @Test func describesAReplyAsTheUserSeesIt() {
        let reply = SMTPReply(code: 550, lines: ["5.1.1 <bob@x>: Recipient address rejected:",
                                                "5.1.1 User unknown in virtual mailbox table"])
        #expect(reply.enhancedCode?.description == "5.1.1")
        #expect(reply.description
            == "550 5.1.1 <bob@x>: Recipient address rejected: User unknown in virtual mailbox table")
        #expect(reply.isPermanent && !reply.isTransient && !reply.isSuccess)
        #expect(reply.wireLines == ["550-5.1.1 <bob@x>: Recipient address rejected:",
                                    "550 5.1.1 User unknown in virtual mailbox table"])
    }

    @Test(arguments: [(220, SMTPReply.Kind.positiveCompletion), (354, .positiveIntermediate),
                      (421, .transientNegative), (554, .permanentNegative)])
    func classifiesByTheFirstDigit(code: Int, kind: SMTPReply.Kind) {
        #expect(SMTPReply(code: code, lines: ["x"]).kind == kind)
    }

    @Test func aReplyWithoutTextIsJustItsCode() {
        let reply = SMTPReply(code: 250, lines: [""])
        #expect(reply.description == "250")
        #expect(reply.wireLines == ["250"])
    }
}
