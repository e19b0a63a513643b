import Foundation
import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite("Drafts that survive a crash")
struct DraftRepositoryTests {
    func draft() -> Draft {
        Draft(account: "alice", from: ComposeFixtures.alice, to: [ComposeFixtures.bob], subject: "Plans",
              body: "\n\n-- \nAlice\n", cursorLine: 1)
    }

    @Test func defaultDirectoryIsUnderXDGDataHomeAndSafe() {
        #expect(DraftRepository.defaultDirectory(account: "alice", environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
            == "/d/tern/drafts/alice")
        #expect(DraftRepository.defaultDirectory(account: "alice", environment: ["HOME": "/h"]) == "/h/.local/share/tern/drafts/alice")
        #expect(DraftRepository.defaultDirectory(account: "../x/y", environment: ["XDG_DATA_HOME": "/d"]) == "/d/tern/drafts/..%2Fx%2Fy")
        #expect(DraftRepository.defaultDirectory(account: "..", environment: ["XDG_DATA_HOME": "/d"]) == "/d/tern/drafts/%2E%2E%00")
    }

    @Test func aDraftIsOnDiskBeforeTheEditorOpensAndPrivate() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir + "/drafts")
        let session = try repository.begin(draft())
        let launch = try session.prepareEditor(session.draft, editor: "vi", editHeaders: true)
        #expect(launch.file == session.handle.editorFile)
        #expect(launch.line == 8)
        let text = try String(contentsOfFile: launch.file, encoding: .utf8)
        #expect(text.hasPrefix("From: Alice Example <alice@example.test>\nTo: Bob <bob@example.test>\n"))
        let attributes = try FileManager.default.attributesOfItem(atPath: launch.file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: session.handle.directory)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        // Held by this session: not offered for recovery.
        #expect(try repository.recoverable().isEmpty)
        session.release()
        let found = try repository.recoverable()
        #expect(found.count == 1)
        #expect(found.first?.draft.subject == "Plans")
        #expect(found.first?.editorChanged == false)
    }

    /// The editor saved its text, then tern died before reading it back: the text is recovered.
    @Test func textSavedByTheEditorOfADeadTernIsRecovered() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir)
        let session = try repository.begin(draft())
        let launch = try session.prepareEditor(session.draft, editor: "vi", editHeaders: true)
        let edited = "From: Alice Example <alice@example.test>\nTo: Bob <bob@example.test>, carol@example.test\nSubject: Plans v2\n\nThe body I typed.\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: launch.file))
        session.release()   // what the kernel does when tern is killed

        let found = try #require(try repository.recoverable().first)
        #expect(found.editorChanged)
        #expect(!found.editorFilePending)
        #expect(found.draft.body == "The body I typed.\n")
        #expect(found.draft.subject == "Plans v2")
        #expect(found.draft.to.map(\.address) == ["bob@example.test", "carol@example.test"])

        let resumed = try repository.resume(found)
        #expect(try repository.recoverable().isEmpty)
        #expect(resumed.draft.body == "The body I typed.\n")
        try resumed.remove()
        #expect(try repository.recoverable().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func badTextFromTheEditorIsKeptAndReopenedAsItIs() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir)
        let session = try repository.begin(draft())
        let launch = try session.prepareEditor(session.draft, editor: "vi", editHeaders: true)
        let bad = "From: Alice Example <alice@example.test>\nTo: not an address\n\nPrecious words.\n"
        try Data(bad.utf8).write(to: URL(fileURLWithPath: launch.file))
        let result = try session.finishEditor()
        #expect(result.draft == nil)
        #expect(result.problems.first?.line == 2)
        #expect(session.editorFilePending)
        // Editing again opens the same text, untouched, without moving the cursor.
        let again = try session.prepareEditor(session.draft, editor: "vi", editHeaders: true)
        #expect(again.line == nil)
        #expect(try String(contentsOfFile: again.file, encoding: .utf8) == bad)
        // And a crash now still keeps it.
        session.release()
        let found = try #require(try repository.recoverable().first)
        #expect(found.editorFilePending)
        #expect(found.notes.first?.contains("line 2") == true)
        let resumed = try repository.resume(found)
        let launch3 = try resumed.prepareEditor(resumed.draft, editor: "vi", editHeaders: true)
        #expect(try String(contentsOfFile: launch3.file, encoding: .utf8) == bad)
        // Fixed by the user: read back.
        try Data(bad.replacingOccurrences(of: "not an address", with: "bob@example.test").utf8).write(to: URL(fileURLWithPath: launch3.file))
        let fixed = try resumed.finishEditor()
        #expect(fixed.draft?.body == "Precious words.\n")
        #expect(!resumed.editorFilePending)
    }

    @Test func attachmentBytesAreKeptWithTheDraftAndRemovedWithIt() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir)
        var start = draft()
        start.attachments = [.bytes([1, 2, 3], name: "a.bin"), .bytes(Array("From: x\r\n\r\nhi\r\n".utf8), name: "m.eml", isMessage: true)]
        let session = try repository.begin(start)
        guard case .kept(let path) = session.draft.attachments[0].source else {
            Issue.record("bytes were not kept on disk")
            return
        }
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        session.release()
        let found = try #require(try repository.recoverable().first)
        #expect(try found.draft.attachments[0].data() == [1, 2, 3])
        #expect(found.draft.attachments[1].isMessage)
        // Removing an attachment removes its kept file.
        let resumed = try repository.resume(found)
        var updated = resumed.draft
        updated.attachments.removeFirst()
        try resumed.save(updated)
        #expect(!FileManager.default.fileExists(atPath: path))
        try resumed.remove()
    }

    @Test func damagedStateStillGivesTheText() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir)
        let session = try repository.begin(draft())
        _ = try session.prepareEditor(session.draft, editor: "vi", editHeaders: false)
        try Data("my text\n".utf8).write(to: URL(fileURLWithPath: session.handle.editorFile))
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: session.handle.directory + "/draft.json"))
        session.release()
        let found = try #require(try repository.recoverable().first)
        #expect(found.stateMissing)
        #expect(found.draft.body == "my text\n")
        #expect(found.draft.account == "alice")
    }

    @Test func discardRemovesARecoverableDraft() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir)
        try repository.begin(draft()).release()
        let found = try #require(try repository.recoverable().first)
        try repository.discard(found)
        #expect(try repository.recoverable().isEmpty)
    }
}
