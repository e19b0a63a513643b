import Foundation
import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite("Address book: ranking, merging, completion, harvest, query_command")
struct AddressBookTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    func contact(_ name: String?, _ address: String, alias: String? = nil, frecency: Double = 0,
                 source: Contact.Source = .harvested) -> Contact {
        Contact(address: Address(name: name, address: address), aliasKey: alias, sources: [source], frecency: frecency)
    }

    @Test func prefixMatchesComeBeforeSubstringsAndFrecencyOrdersWithin() {
        let contacts = [
            contact("Rosa Bobbins", "rosa@example.test", frecency: 9),        // substring of a name word: "bob" in "bobbins"? prefix of word
            contact("Jim", "jim@bobcat.test", frecency: 50),                  // domain part prefix
            contact("Robert", "bob@example.test", frecency: 1),              // address prefix
            contact("Bobby Tables", "tables@example.test", frecency: 5),     // name prefix
            contact("Kabob Shop", "shop@example.test", frecency: 100),       // substring only
            contact(nil, "b@example.test", alias: "bob", source: .alias),    // exact alias
            contact("Nobody", "nobody@example.test", frecency: 1000),        // substring "bod" no
        ]
        let ranked = ContactRanking.rank(contacts, query: "bob").map(\.address.address)
        #expect(ranked == ["b@example.test", "rosa@example.test", "tables@example.test", "bob@example.test",
                           "jim@bobcat.test", "shop@example.test"])
    }

    @Test func matchingIgnoresCaseAndAccents() {
        let c = contact("Émile Zola", "ez@example.test")
        #expect(ContactRanking.matchClass("emile", c) == 1)
        #expect(ContactRanking.matchClass("ZOL", c) == 1)
        #expect(ContactRanking.matchClass("mile", c) == 3)
        #expect(ContactRanking.matchClass("xyz", c) == nil)
    }

    @Test func frecencyFavoursRecentUseOverOldHeavyUse() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ContactStore(path: dir + "/contacts.sqlite")
        let day: TimeInterval = 86_400
        // Ten mails a year ago against two last week.
        for i in 0..<10 {
            try store.recordUses([ContactUse(address: Address(name: "Old Friend", address: "old@example.test"),
                                             date: Self.now.addingTimeInterval(-365 * day + Double(i)))], messageKey: "old\(i)")
        }
        for i in 0..<2 {
            try store.recordUses([ContactUse(address: Address(name: "Omar New", address: "omar@example.test"),
                                             date: Self.now.addingTimeInterval(-7 * day + Double(i)))], messageKey: "new\(i)")
        }
        let book = AddressBook(store: store)
        let found = book.search("o", now: Self.now).contacts
        #expect(found.map(\.address.address) == ["omar@example.test", "old@example.test"])
        #expect(found.map(\.useCount) == [2, 10])
    }

    @Test func sourcesMergeByAddressAndAliasesNameThePerson() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ContactStore(path: dir + "/c.sqlite")
        try store.importContacts([ContactRecord(address: Address(name: "Robert Imported", address: "bob@example.test"), nickname: "rob")])
        try store.recordUses([ContactUse(address: Address(name: "bob (harvested)", address: "BOB@example.test"), date: Self.now)],
                             messageKey: "m1")
        let aliases = AliasBook([
            AliasEntry(key: "bob", members: [.address(Address(name: "Bob Alias", address: "bob@example.test"))]),
            AliasEntry(key: "team", members: [.alias("bob"), .address(Address(address: "ann@example.test"))]),
        ])
        let book = AddressBook(aliases: aliases, store: store)
        let all = book.search("", now: Self.now).contacts
        let bob = try #require(all.first { $0.address.address.lowercased() == "bob@example.test" })
        #expect(bob.address.name == "Bob Alias")
        #expect(bob.aliasKey == "bob")
        #expect(bob.nickname == "rob")
        #expect(bob.sources == [.alias, .imported, .harvested])
        #expect(bob.useCount == 1)
        let team = try #require(all.first { $0.aliasKey == "team" })
        #expect(team.isGroup)
        #expect(team.completion == "team")
        #expect(book.complete(field: "carol@example.test, tea", useQueryCommand: false) == ["carol@example.test, team"])
        #expect(book.complete(field: "ro", useQueryCommand: false) == ["Bob Alias <bob@example.test>"])
        #expect(book.complete(field: "a@b.test, ", useQueryCommand: false).isEmpty)
    }

    @Test func harvestSkipsMeAndRobotsAndCountsEachMessageOnce() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ContactStore(path: dir + "/c.sqlite")
        let harvester = ContactHarvester(identities: [ComposeFixtures.alice, ComposeFixtures.aliceWork])
        let received = Envelope(subject: "s", from: [Address(name: "Bob", address: "bob@example.test")],
                                to: [ComposeFixtures.alice, Address(address: "fellow@example.test")], date: Self.now,
                                messageID: MessageID("r1@x"))
        let sent = Envelope(subject: "s", from: [ComposeFixtures.aliceWork],
                            to: [Address(name: "Carol", address: "carol@example.test"), Address(address: "no-reply@shop.test")],
                            cc: [ComposeFixtures.alice], date: Self.now, messageID: MessageID("s1@x"))
        let robot = Envelope(from: [Address(address: "MAILER-DAEMON@example.test")], to: [ComposeFixtures.alice], date: Self.now)
        #expect(try harvester.harvest(received, into: store))
        #expect(try !harvester.harvest(received, into: store))
        #expect(try harvester.harvest(sent, into: store))
        #expect(try harvester.harvest(robot, into: store))
        let all = try store.search("")
        #expect(Set(all.map(\.address.address)) == ["bob@example.test", "carol@example.test"])
        #expect(all.first { $0.address.address == "bob@example.test" }?.useCount == 1)
        #expect(all.first { $0.address.address == "carol@example.test" }?.score == ContactHarvester.recipientWeight)
    }

    @Test func queryCommandOutputIsParsed() {
        let output = "Searching database ... 2 entries\nbob@example.test\tBob Q\tfriends\nbroken line\n\nann@example.test\t\t\nbob@example.test\tdup\n"
        let matches = QueryCommand.parse(output)
        #expect(matches.map(\.address) == [Address(name: "Bob Q", address: "bob@example.test"), Address(address: "ann@example.test")])
        #expect(matches.first?.other == "friends")
    }

    @Test func queryCommandRunsWithTheSearchQuoted() throws {
        #expect(QueryCommand(command: "lookup --find %s").commandLine(for: "it's") == "lookup --find 'it'\\''s'")
        #expect(QueryCommand(command: "lookup").commandLine(for: "x") == "lookup 'x'")
        let echo = QueryCommand(command: "echo header; echo %s@example.test")
        #expect(try echo.run("x; touch /tmp/tern-pwned; y").isEmpty)   // not an address, and nothing ran
        #expect(!FileManager.default.fileExists(atPath: "/tmp/tern-pwned"))
        #expect(try echo.run("zed").map(\.address.address) == ["zed@example.test"])
        let book = AddressBook(query: QueryCommand(command: "printf 'x\\nq@example.test\\tQuery Person\\tnote\\n'"))
        let result = book.search("nomatch-in-the-text")
        #expect(result.contacts.map(\.address.address) == ["q@example.test"])
        #expect(result.contacts.first?.note == "note")
    }

    @Test func failingQueryCommandIsReportedNotFatal() {
        let book = AddressBook(aliases: AliasBook([AliasEntry(key: "bob", members: [.address(Address(address: "bob@example.test"))])]),
                               query: QueryCommand(command: "echo 'no such database' >&2; exit 1"))
        let result = book.search("bob")
        #expect(result.contacts.map(\.address.address) == ["bob@example.test"])
        #expect(result.problems.count == 1)
        #expect(result.problems[0].contains("no such database"))
    }
}
