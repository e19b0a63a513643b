import Foundation
import MailCore
import Testing
@testable import MailEngine

@Suite("NeoMutt alias files")
struct AliasFileParserTests {
    @Test func readsTheFormsNeoMuttWrites() throws {
        let text = """
            # my aliases
            alias bob Bob Example <bob@example.test>
            alias ann "Ann, the boss" <ann@example.test>   # work
            alias carol carol@example.test (Carol C)
            alias -group work -group friends dan Dan <dan@example.test>
            alias team bob, ann, "Eve" <eve@example.test>
            alias long first@example.test, \\
                second@example.test

            """
        let (aliases, problems) = AliasFileParser.parse(text, file: "aliases")
        #expect(problems.isEmpty)
        #expect(aliases.map(\.key) == ["bob", "ann", "carol", "dan", "team", "long"])
        #expect(aliases[0].singleAddress == Address(name: "Bob Example", address: "bob@example.test"))
        #expect(aliases[1].singleAddress == Address(name: "Ann, the boss", address: "ann@example.test"))
        #expect(aliases[1].comment == "work")
        #expect(aliases[2].singleAddress == Address(name: "Carol C", address: "carol@example.test"))
        #expect(aliases[3].groups == ["work", "friends"])
        #expect(aliases[4].members == [.alias("bob"), .alias("ann"), .address(Address(name: "Eve", address: "eve@example.test"))])
        #expect(aliases[5].members.count == 2)
        #expect(aliases[5].line == 7)
    }

    @Test func problemsNameTheLineAndTheRestStillCounts() {
        let text = """
            alias bob Bob <bob@example.test>
            set sort = threads
            alias broken Name <not valid
            alias
            alias nobody
            alias carol carol@example.test
            """
        let (aliases, problems) = AliasFileParser.parse(text, file: "/home/a/aliases")
        #expect(aliases.map(\.key) == ["bob", "carol"])
        #expect(problems.map(\.line) == [2, 3, 4, 5])
        #expect(problems[0].description.hasPrefix("/home/a/aliases:2: skipped"))
        #expect(problems[1].message.contains("broken"))
    }

    @Test func laterDefinitionsWinAndUnaliasRemoves() {
        let text = "alias a a1@example.test\nalias b b@example.test\nalias A a2@example.test\nunalias b\n"
        let (aliases, _) = AliasFileParser.parse(text, file: "f")
        #expect(aliases.map(\.key) == ["A"])
        #expect(aliases[0].singleAddress?.address == "a2@example.test")
    }

    @Test func bookExpandsNestedAliasesOnceEach() throws {
        let (aliases, _) = AliasFileParser.parse("""
            alias bob bob@example.test
            alias ann ann@example.test
            alias devs bob, ann
            alias all devs, ann, carol@example.test
            """, file: "f")
        let book = AliasBook(aliases)
        #expect(try book.expand("ALL").map(\.address) == ["bob@example.test", "ann@example.test", "carol@example.test"])
    }

    @Test func loopsAndUnknownMembersAreErrors() {
        let (aliases, _) = AliasFileParser.parse("alias a b\nalias b c, a\nalias c c@x.test\nalias d ghost\n", file: "f")
        let book = AliasBook(aliases)
        #expect(throws: AliasBook.ExpansionError.loop(["a", "b", "a"])) { try book.expand("a") }
        #expect(throws: AliasBook.ExpansionError.unknownMember(alias: "d", member: "ghost")) { try book.expand("d") }
        #expect(throws: AliasBook.ExpansionError.unknown("zz")) { try book.expand("zz") }
    }

    @Test func filesAreReadInOrderAndMissingOnesReported() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "alias bob old@example.test\n".write(toFile: dir + "/one", atomically: true, encoding: .utf8)
        try "alias bob new@example.test\n".write(toFile: dir + "/two", atomically: true, encoding: .utf8)
        let (book, problems) = AliasBook.load(files: [dir + "/one", dir + "/missing", dir + "/two"])
        #expect(book.entry("bob")?.singleAddress?.address == "new@example.test")
        #expect(problems.count == 1)
        #expect(problems[0].description.contains("does not exist"))
    }
}
