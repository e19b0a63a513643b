import Testing
import MailCore

@Suite("ThreadSubject")
struct ThreadSubjectTests {
    static let cases: [(String, String, Bool)] = [
        ("Hello", "hello", false), ("Re: Hello", "hello", true), ("RE: re: Hello", "hello", true),
        ("Fwd: Hello", "hello", true), ("FW: Hello", "hello", true), ("AW: WG: Hello", "hello", true),
        ("SV: Hello", "hello", true), ("VS: Hello", "hello", true), ("Antw: Hello", "hello", true),
        ("Re[2]: Hello", "hello", true), ("Re(3): Hello", "hello", true), ("Re : Hello", "hello", true),
        ("[list] Re: [list] Hello", "hello", true), ("[list] Hello", "hello", false), ("  Hello   World  ", "hello world", false),
        ("Hello (fwd)", "hello", false), ("回复：你好", "你好", true), ("Re:Hello", "hello", true),
        ("Regarding: Hello", "regarding: hello", false), ("Re", "re", false), ("", "", false), ("Re: ", "", true),
        ("Réf: Bonjour", "bonjour", true), ("Odp: Cześć", "cześć", true),
    ]

    @Test(arguments: cases)
    func baseSubject(_ subject: String, _ base: String, _ isReply: Bool) {
        #expect(ThreadSubject.base(subject) == base)
        #expect(ThreadSubject.isReplyOrForward(subject) == isReply)
    }
}
