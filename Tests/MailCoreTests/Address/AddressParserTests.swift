import Testing
@testable import MailCore

/// One address-list case: input and the expected entries, written as `name|address`,
/// `group:NAME[members]` or `?raw` for unparsed text.
struct AddressCase: CustomTestStringConvertible, Sendable {
    let input: String
    let expected: [String]
    var testDescription: String { input }
}

func describe(_ item: AddressListItem) -> String {
    switch item {
    case .mailbox(let a): return "\(a.name ?? "")|\(a.address)"
    case .group(let name, let members):
        return "group:\(name)[\(members.map { "\($0.name ?? "")|\($0.address)" }.joined(separator: ","))]"
    case .unparsed(let raw): return "?\(raw)"
    }
}

@Test(arguments: [
    AddressCase(input: "a@b.example", expected: ["|a@b.example"]),
    AddressCase(input: "Ann Example <ann@example.org>", expected: ["Ann Example|ann@example.org"]),
    AddressCase(input: "\"Doe, John\" <john@example.org>", expected: ["Doe, John|john@example.org"]),
    AddressCase(input: "\"Name\" <a@b>,, <c@d>", expected: ["Name|a@b", "|c@d"]),
    AddressCase(input: "a@b (Name)", expected: ["Name|a@b"]),
    AddressCase(input: "John Q. Public <jqp@example.org>", expected: ["John Q. Public|jqp@example.org"]),
    AddressCase(input: "=?utf-8?q?J=C3=B6rg?= <j@example.org>", expected: ["Jörg|j@example.org"]),
    AddressCase(input: "=?utf-8?q?J=C3=B6?= =?utf-8?q?rg?= <j@example.org>", expected: ["Jörg|j@example.org"]),
    AddressCase(input: "\"=?utf-8?B?SsO2cmc=?=\" <j@example.org>", expected: ["Jörg|j@example.org"]),
    AddressCase(input: "Jörg Ü <jörg@bücher.example>", expected: ["Jörg Ü|jörg@bücher.example"]),
    AddressCase(input: "x@xn--bcher-kva.example", expected: ["|x@bücher.example"]),
    AddressCase(input: "undisclosed-recipients:;", expected: ["group:undisclosed-recipients[]"]),
    AddressCase(input: "Friends: a@b, Bob <c@d>; , e@f", expected: ["group:Friends[|a@b,Bob|c@d]", "|e@f"]),
    AddressCase(input: "<@relay1.example,@relay2.example:user@example.org>", expected: ["|user@example.org"]),
    AddressCase(input: "\"john doe\"@example.org", expected: ["|\"john doe\"@example.org"]),
    AddressCase(input: "user@[192.0.2.1]", expected: ["|user@[192.0.2.1]"]),
    AddressCase(input: "Ann (the boss) <ann@example.org>", expected: ["Ann|ann@example.org"]),
    AddressCase(input: "(Only comment) <ann@example.org>", expected: ["Only comment|ann@example.org"]),
    AddressCase(input: "", expected: []),
    AddressCase(input: " , ,", expected: []),
    // Ambiguous or broken: never an address (CVE-2023-27043).
    AddressCase(input: "alice@example.org)<bob@example.org>", expected: ["?alice@example.org)<bob@example.org>"]),
    AddressCase(input: "\"alice@example.org <bob@example.org>", expected: ["?\"alice@example.org <bob@example.org>"]),
    AddressCase(input: "a@b c@d", expected: ["?a@b c@d"]),
    AddressCase(input: "<a@b> trailing", expected: ["?<a@b> trailing"]),
    AddressCase(input: "<a@b> <c@d>", expected: ["?<a@b> <c@d>"]),
    AddressCase(input: "a@b@c", expected: ["?a@b@c"]),
    AddressCase(input: "undisclosed-recipients", expected: ["?undisclosed-recipients"]),
    AddressCase(input: "<>", expected: ["?<>"]),
    AddressCase(input: "Name <a@b", expected: ["?Name <a@b"]),
    AddressCase(input: "\"Evil\u{1B}[31m\" <a@b>", expected: ["Evil\u{FFFD}[31m|a@b"]),
])
func addressListParsing(_ c: AddressCase) {
    #expect(AddressList.parse(c.input).map(describe) == c.expected)
}

@Test func unparsedEntriesAreShownButNotUsable() {
    let list = Address.parseList("broken <x, ok@example.org")
    #expect(list.map(\.address) == ["", "ok@example.org"])
    #expect(list.first?.isUsable == false)
    #expect(list.first?.name == "broken <x")
}

@Test func singleAddressParse() {
    #expect(Address.parse("Ann <ann@example.org>") == Address(name: "Ann", address: "ann@example.org"))
    #expect(Address.parse("a@b, c@d") == nil)
    #expect(Address.parse("nonsense") == nil)
}

@Test func asciiFormAndComparison() {
    let a = Address(name: nil, address: "Jörg@Bücher.example")
    #expect(a.asciiAddress == "Jörg@xn--bcher-kva.example")
    #expect(a.isSameMailbox(as: Address(address: "jörg@bücher.EXAMPLE")))
}

@Test func longListIsLinear() {
    let text = Array(repeating: "Some Person <someone@example.org>", count: 20_000).joined(separator: ", ")
    let clock = ContinuousClock()
    let elapsed = clock.measure { #expect(AddressList.parse(text).count == 20_000) }
    #expect(elapsed < .seconds(5))
}
