import POP3
import Testing

@Suite struct POP3GreetingTests {
    @Test(arguments: [
        ("POP3 server ready <1896.697170952@dbc.mtview.ca.us>", "<1896.697170952@dbc.mtview.ca.us>"),
        ("Dovecot ready. <8c1.1.6750a1b2.abc==@mail>", "<8c1.1.6750a1b2.abc==@mail>"),
        ("<a@b> at the start", "<a@b>"),
    ])
    func findsTheAPOPTimestamp(text: String, timestamp: String) {
        let greeting = POP3Greeting(statusLine: POP3StatusLine(isOK: true, text: text))
        #expect(greeting.apopTimestamp == timestamp)
    }

    @Test(arguments: ["Dovecot ready.", "<>", "< spaced@x >", "<unclosed@x", "a <b <c@d>", ""])
    func noTimestamp(text: String) {
        let greeting = POP3Greeting(statusLine: POP3StatusLine(isOK: true, text: text))
        #expect(greeting.apopTimestamp == nil)
    }
}
