import Foundation
import MailCore
import Testing
@testable import MailEngine

@Suite("Address fields with aliases")
struct AddressFieldReaderTests {
    let reader = AddressFieldReader(aliases: AliasBook([
        AliasEntry(key: "bob", members: [.address(Address(name: "Bob B", address: "bob@example.test"))]),
        AliasEntry(key: "team", members: [.alias("bob"), .address(Address(address: "ann@example.test"))]),
    ]))

    @Test(arguments: [
        ("a@x.test, b@x.test", ["a@x.test", "b@x.test"]),
        ("\"Doe, John\" <jd@x.test>, c@x.test", ["Doe, John", "c@x.test"]),
        ("Friends: a@x.test, b@x.test;, c@x.test", ["Friends: a@x.test, b@x.test;", " c@x.test"]),
        ("a@x.test (Smith, A), b@x.test", ["a@x.test (Smith, A)", " b@x.test"]),
        ("<a@x.test>, ", ["<a@x.test>", " "]),
    ])
    func splitsAtTheRightCommas(_ text: String, _ expected: [String]) {
        let pieces = AddressFieldReader.split(text).map(String.init)
        if expected.count == 2 && expected[0] == "Doe, John" {
            #expect(pieces == ["\"Doe, John\" <jd@x.test>", " c@x.test"])
        } else if expected.allSatisfy({ $0.contains("@") && !$0.contains(" ") }) {
            #expect(pieces.map { $0.trimmingCharacters(in: .whitespaces) } == expected)
        } else {
            #expect(pieces == expected)
        }
    }

    @Test func aliasesExpandAndDuplicatesGo() throws {
        let addresses = try reader.read("team, Bob Again <bob@example.test>, carol@example.test", field: "To")
        #expect(addresses == [Address(name: "Bob B", address: "bob@example.test"), Address(address: "ann@example.test"),
                              Address(address: "carol@example.test")])
        #expect(try reader.read("BOB", field: "To").map(\.address) == ["bob@example.test"])
        #expect(try reader.read("", field: "Cc").isEmpty)
        #expect(try reader.read("Group: a@x.test, b@x.test;", field: "To").count == 2)
    }

    @Test func everyBadEntryIsNamed() {
        #expect {
            _ = try reader.read("bob, nobody, x@, \"Unclosed <u@x.test>", field: "Cc")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("Cc: ") && text.contains("\"nobody\"") && text.contains("\"x@\"") && text.contains("Unclosed")
                && !text.contains("\"bob\"")
        }
    }
}
