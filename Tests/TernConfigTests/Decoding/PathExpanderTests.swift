import Testing
@testable import TernConfig

private let expander = PathExpander(environment: ["HOME": "/home/me", "MAIL": "/var/mail", "EMPTY": ""])

@Test(arguments: [
    ("~", "/home/me"), ("~/Mail", "/home/me/Mail"), ("$HOME/x", "/home/me/x"), ("${MAIL}/me", "/var/mail/me"),
    ("$MAIL", "/var/mail"), ("/abs/path", "/abs/path"), ("a$$b", "a$b"), ("x/${EMPTY}y", "x/y"),
    ("rel/~", "rel/~"), ("$MAIL-2", "/var/mail-2"),
])
func pathsExpand(input: String, output: String) throws {
    #expect(try expander.expand(input).get() == output)
}

@Test(arguments: [
    ("~bob/x", "\"~user\" paths are not supported"), ("$NOPE/x", "NOPE is not set"), ("${MAIL", "without a closing"),
    ("a$", "not followed by a variable name"), ("$1", "not followed by a variable name"),
])
func badPathsFail(input: String, message: String) {
    switch expander.expand(input) {
    case .success(let value): Issue.record("expanded to \(value)")
    case .failure(let failure): #expect(failure.message.contains(message), "\(failure.message)")
    }
}

@Test func tildeWithoutHomeFails() {
    #expect(throws: PathExpander.Failure.self) { try PathExpander(environment: [:]).expand("~/x").get() }
}

@Test(arguments: [
    ("300", 300), ("0", 0), ("90s", 90), ("5m", 300), ("1h30m", 5400), ("2d", 172_800), (" 10s ", 10), ("1h 5m", 3900),
])
func durationsParse(text: String, seconds: Int) {
    #expect(DurationParser.seconds(text) == seconds)
}

@Test(arguments: ["", "5 minutes", "m", "5x", "-5", "1.5h", "5m3"])
func badDurationsFail(text: String) {
    #expect(DurationParser.seconds(text) == nil)
}
