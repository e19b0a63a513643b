import POP3
import Testing

@Suite struct POP3StatusLineTests {
    struct Case: Sendable, CustomStringConvertible {
        let line: String
        let isOK: Bool?
        let text: String
        let code: POP3ResponseCode?
        var description: String { line.debugDescription }
    }

    static let cases: [Case] = [
        Case(line: "+OK", isOK: true, text: "", code: nil),
        Case(line: "+OK 2 320", isOK: true, text: "2 320", code: nil),
        Case(line: "-ERR", isOK: false, text: "", code: nil),
        Case(line: "-ERR no such message", isOK: false, text: "no such message", code: nil),
        Case(line: "+ok lower case", isOK: true, text: "lower case", code: nil),
        Case(line: "-ERR [IN-USE] locked", isOK: false, text: "[IN-USE] locked", code: .inUse),
        Case(line: "-ERR [AUTH] Authentication failed.", isOK: false, text: "[AUTH] Authentication failed.",
             code: .authenticationFailed),
        Case(line: "-ERR [SYS/TEMP] try later", isOK: false, text: "[SYS/TEMP] try later", code: .temporaryFailure),
        Case(line: "-ERR [SYS/PERM] gone", isOK: false, text: "[SYS/PERM] gone", code: .permanentFailure),
        Case(line: "-ERR [LOGIN-DELAY] wait", isOK: false, text: "[LOGIN-DELAY] wait", code: .loginDelay),
        Case(line: "-ERR [X-CUSTOM] hm", isOK: false, text: "[X-CUSTOM] hm", code: .other("X-CUSTOM")),
        Case(line: "-ERR [unclosed", isOK: false, text: "[unclosed", code: nil),
        Case(line: "+OK \u{1b}[31mred", isOK: true, text: "\\x1B[31mred", code: nil),
        Case(line: "+OKAY", isOK: nil, text: "", code: nil),
        Case(line: "OK", isOK: nil, text: "", code: nil),
        Case(line: "", isOK: nil, text: "", code: nil),
        Case(line: "* OK imap", isOK: nil, text: "", code: nil),
    ]

    @Test(arguments: cases)
    func parses(_ testCase: Case) {
        let status = POP3StatusLine(parsing: Array(testCase.line.utf8)[...])
        #expect(status?.isOK == testCase.isOK)
        guard let status else { return }
        #expect(status.text == testCase.text)
        #expect(status.responseCode == testCase.code)
    }

    @Test func textNeverHoldsControlCharacters() {
        let bytes: [UInt8] = Array("+OK ".utf8) + (0...255).map { UInt8($0) }.filter { $0 != 10 }
        let status = POP3StatusLine(parsing: bytes[...])
        #expect(status?.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } == true)
    }
}

@Suite struct POP3StatusLineNumberTests {
    @Test(arguments: [("120 octets", 120), ("7", 7), ("message follows", nil), ("", nil), ("-3", nil)] as [(String, Int?)])
    func leadingNumber(text: String, number: Int?) {
        #expect(POP3StatusLine(isOK: true, text: text).leadingNumber == number)
    }
}
