import MailCore
import Testing
@testable import TernConfig

@Test(arguments: [
    ("alice@example.test", nil, "alice@example.test"),
    ("Alice Example <alice@example.test>", "Alice Example", "alice@example.test"),
    ("\"Example, Alice\" <alice@example.test>", "Example, Alice", "alice@example.test"),
    ("\"A \\\"B\\\" C\" <a@b.test>", "A \"B\" C", "a@b.test"),
    ("<bare@example.test>", nil, "bare@example.test"),
    ("  Zoë <zoe+tag@sub.example.test>  ", "Zoë", "zoe+tag@sub.example.test"),
    ("x@[127.0.0.1]", nil, "x@[127.0.0.1]"),
    ("Ünï <u@bücher.example>", "Ünï", "u@bücher.example"),
])
func addressesParse(text: String, name: String?, address: String) throws {
    let parsed = try ConfigAddress.parse(text).get()
    #expect(parsed.name == name)
    #expect(parsed.address == address)
}

@Test(arguments: [
    "alice", "Alice <alice>", "Alice alice@example.test", "Alice <alice@example.test", "<@example.test>",
    "a@", "a..b@example.test", ".a@example.test", "a@-example.test", "a@exa mple.test", "\"Open <a@b.test>",
    "Alice <a@b.test>>", "a@b..test", "Tab\u{7}Name <a@b.test>",
])
func badAddressesFail(text: String) {
    if case .success(let address) = ConfigAddress.parse(text) { Issue.record("parsed \(text) as \(address)") }
}

@Test(arguments: [
    ("alice", "has no \"@\""),
    ("Alice alice@example.test", "it has spaces but no <address>"),
    ("Alice <alice@example.test", "\"<\" without a closing \">\""),
    ("a@", "the part after \"@\" is empty"),
    ("a@exa mple.test", "it has spaces but no <address>"),
    ("Doe, Jane <jane@example.test>", "must be quoted"),
])
func rejectionsAreExplained(text: String, reason: String) {
    guard case .failure(let problem) = ConfigAddress.parse(text) else {
        Issue.record("accepted \(text)")
        return
    }
    #expect(problem.reason.contains(reason), "\(problem)")
}
