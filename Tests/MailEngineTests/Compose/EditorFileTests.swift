import Foundation
import MailCore
import Testing
@testable import MailEngine

@Suite("Editor file with and without edit_headers")
struct EditorFileTests {
    var draft: Draft {
        var d = Draft(account: "alice", from: ComposeFixtures.alice, to: [ComposeFixtures.bob], cc: [ComposeFixtures.carol],
                      subject: "Lunch", body: "Hello Bob,\n\nnoon?\n", cursorLine: 2)
        d.bcc = [Address(address: "me@example.test")]
        return d
    }

    var reader: AddressFieldReader {
        AddressFieldReader(aliases: AliasBook([
            AliasEntry(key: "dan", members: [.address(Address(name: "Dan D", address: "dan@example.test"))]),
        ]))
    }

    @Test func bodyOnlyFile() {
        let rendered = EditorFile.render(draft, headers: false)
        #expect(rendered.text == "Hello Bob,\n\nnoon?\n")
        #expect(rendered.cursorLine == 2)
        let read = EditorFile.read("New text\n", into: draft, headers: false)
        #expect(read.draft?.body == "New text\n")
        #expect(read.draft?.to == draft.to)
    }

    @Test func headersAtTheTopAsNeoMuttWritesThem() {
        let rendered = EditorFile.render(draft, headers: true)
        #expect(rendered.text == """
            From: Alice Example <alice@example.test>
            To: Bob <bob@example.test>
            Cc: Carol <carol@example.test>
            Bcc: me@example.test
            Subject: Lunch
            Reply-To:

            Hello Bob,

            noon?

            """)
        #expect(rendered.cursorLine == 9)
    }

    @Test func roundTripGivesTheSameDraft() {
        let rendered = EditorFile.render(draft, headers: true)
        let read = EditorFile.read(rendered.text, into: draft, headers: true)
        var expected = draft
        expected.cursorLine = nil
        #expect(read.problems.isEmpty)
        #expect(read.draft == expected)
    }

    @Test func editedHeadersAreReadWithAliasesAndFolding() throws {
        let text = """
            From: Alice at Work <alice@work.test>
            To: dan,
              "Doe, John" <john@example.test>
            Cc:
            Bcc:
            Subject: Changed subject
            Reply-To: replies@example.test
            Attach:

            Body here.
            """
        let read = EditorFile.read(text, into: draft, headers: true, reader: reader)
        let result = try #require(read.draft, "\(read.problems)")
        #expect(result.from == ComposeFixtures.aliceWork)
        #expect(result.to == [Address(name: "Dan D", address: "dan@example.test"), Address(name: "Doe, John", address: "john@example.test")])
        #expect(result.cc.isEmpty && result.bcc.isEmpty)
        #expect(result.subject == "Changed subject")
        #expect(result.replyTo.map(\.address) == ["replies@example.test"])
        #expect(result.body == "Body here.")
    }

    @Test func badAddressesAreReportedByLineAndTheDraftIsKept() {
        let text = """
            From: Alice Example <alice@example.test>
            To: bob@example.test, nobody, also bad
            Cc: carol@example.test
            Subject: s
            Subject: twice
            X-Custom: 1

            text
            """
        let read = EditorFile.read(text, into: draft, headers: true, reader: reader)
        #expect(read.draft == nil)
        #expect(read.problems.map(\.line) == [2, 5, 6])
        #expect(read.problems[0].description.contains("\"nobody\""))
        #expect(read.problems[0].description.contains("\"also bad\""))
        #expect(read.problems[1].message.contains("twice"))
        #expect(read.problems[2].message.contains("X-Custom"))
    }

    @Test func fromNeedsExactlyOneAddress() {
        let read = EditorFile.read("From: a@x.test, b@x.test\n\nt", into: draft, headers: true)
        #expect(read.problems.first?.line == 1)
    }

    @Test func removedHeaderBlockKeepsTheFields() {
        let read = EditorFile.read("Just a body\nwith lines\n", into: draft, headers: true)
        #expect(read.draft?.body == "Just a body\nwith lines\n")
        #expect(read.draft?.to == draft.to)
        #expect(read.notes.count == 1)
    }

    @Test func crlfAndByteOrderMarkAreHandled() {
        let read = EditorFile.read("\u{FEFF}From: alice@example.test\r\nTo: bob@example.test\r\n\r\nhi\r\n", into: draft, headers: true)
        #expect(read.draft?.to.map(\.address) == ["bob@example.test"])
        #expect(read.draft?.body == "hi\n")
    }

    @Test func attachLinesAddFiles() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("a".utf8).write(to: URL(fileURLWithPath: dir + "/one.txt"))
        try Data("bb".utf8).write(to: URL(fileURLWithPath: dir + "/two.txt"))
        let text = "From: alice@example.test\nTo: bob@example.test\nAttach: one.txt\nAttach: \(dir)/two.txt\n\nbody\n"
        let read = EditorFile.read(text, into: draft, headers: true, directory: dir)
        let result = try #require(read.draft, "\(read.problems)")
        #expect(result.attachments.map(\.name) == ["one.txt", "two.txt"])
        #expect(result.attachments.map(\.size) == [1, 2])
        let missing = EditorFile.read("From: alice@example.test\nAttach: nope.pdf\n\nbody\n", into: draft, headers: true, directory: dir)
        #expect(missing.problems.first?.line == 2)
        #expect(missing.problems.first?.message.contains("no such file") == true)
    }
}
