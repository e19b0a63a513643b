import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernConfig
import TernTestSupport
@testable import TernUI

/// The composer's service and review screen on their own: late saves, hostile text, small
/// terminals, the mouse.
@Suite(.serialized) struct ComposeServiceTests {
    @Test func aLateSaveNeverUndoesANewerOne() async throws {
        let f = try ComposeFixture()
        let opened = try await f.service.start(ComposeStart(account: "test", kind: .new(to: [], subject: "first")), backend: nil)
        var newer = opened.draft
        newer.subject = "newer"
        var older = opened.draft
        older.subject = "older"
        try f.service.save(opened.id, newer, revision: 2)
        try f.service.save(opened.id, older, revision: 1)
        f.service.releaseAll()
        let entry = try #require(f.service.recoverable().first)
        #expect(entry.summary == "newer")
        let resumed = try f.service.resume(entry)
        #expect(resumed.draft.subject == "newer")
        #expect(!resumed.openEditor)
    }

    @Test(arguments: [("figures.bin", [UInt8](repeating: 0, count: 10) + [0xFF, 0xFE], "application/octet-stream"),
                      ("notes.txt", Array("plain words\n".utf8), "text/plain"),
                      ("scan", Array("%PDF-1.7\n".utf8), "application/pdf")])
    func attachedFilesShowTheTypeTheyAreSentAs(name: String, bytes: [UInt8], type: String) throws {
        let f = try ComposeFixture()
        try f.file(name, bytes)
        let attachment = try #require(try f.service.attachments(for: name).first)
        #expect(attachment.displayType == type)
        #expect(try attachment.outgoing().resolvedType == type)
    }

    @Test func messagesLeftInTheOutboxAreSentAtStart() async throws {
        let f = try ComposeFixture()
        let account = try #require(f.service.settings.accounts["test"])
        let sender = try AccountSending.sender(for: account, environment: f.service.settings.environment)
        _ = try sender.queue(OutgoingMessage(bytes: Array("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: Left over\r\n\r\nHi\r\n".utf8),
                                             sender: "alice@example.test", recipients: ["bob@example.test"], subject: "Left over"))
        #expect(f.outboxCount == 1)
        let h = f.harness()
        await h.start()
        #expect(f.sent.first?.contains("Subject: Left over") == true)
        #expect(f.outboxCount == 0)
        #expect(h.state.account("test")?.outboxQueued == 0)
        #expect(h.state.compose.sending.isEmpty)
    }

    @Test func savingADraftThatIsNotOpenSaysSo() throws {
        let f = try ComposeFixture()
        let draft = Draft(account: "test", from: Address(address: "alice@example.test"))
        #expect(throws: UIError.self) { try f.service.save("nope", draft, revision: 1) }
        #expect(f.service.runEditor("nope", draft, revision: 0).editorFailure != nil)
    }

    @Test func unknownAccountIsAClearError() async throws {
        let f = try ComposeFixture()
        await #expect(throws: UIError("account \"other\" has no settings for sending mail")) {
            _ = try await f.service.start(ComposeStart(account: "other", kind: .new(to: [], subject: "")), backend: nil)
        }
    }

    @Test func missingEditorKeepsTheDraftAndSaysWhatToDo() async throws {
        let f = try ComposeFixture()
        let settings = ComposeSettings(accounts: Array(f.service.settings.accounts.values),
                                       general: {
                                           var g = f.service.settings.general
                                           g.editor = "/no/such/editor"
                                           return g
                                       }(), environment: f.service.settings.environment, directory: f.service.settings.directory)
        let service = ComposeService(settings: settings)
        let h = f.harness()
        h.runner.composer = service
        await h.start()
        await h.press("r")
        let composer = try #require(h.state.topComposer)
        #expect(h.state.message?.level == .error)
        #expect(h.state.message?.text.contains("Using the built-in editor") == true)
        #expect(composer.builtIn?.text == composer.draft.body, "the built-in editor opens on the draft's text, quote included")
        await h.press("<Esc>")
        #expect(h.state.topComposer?.builtIn == nil)
        #expect(h.state.topComposer?.draft.body == composer.draft.body, "Esc keeps the text")
        #expect(f.draftsOnDisk.count == 1)
    }

    @Test func hostileSubjectsAndNamesNeverReachTheTerminal() async throws {
        let f = try ComposeFixture()
        let hostile = FakeMessage(uid: 1, from: "Eve \u{1B}[31mRed\u{202E} <eve@example.test>", subject: "Pay \u{1B}]0;title\u{07} now\u{202E}gnp.exe",
                                  date: Date(timeIntervalSince1970: 1_789_000_000))
        let backend = FakeMailBackend(accountName: "test", folders: [FolderInfo(path: .inbox, role: .inbox),
                                                                      FolderInfo(path: MailboxPath("Drafts"), role: .drafts)],
                                      messages: [.inbox: [hostile]])
        let h = Harness(backends: [backend])
        h.runner.composer = f.service
        await h.start()
        await h.press("r")
        #expect(h.state.topComposer != nil)
        #expect(unsafeScalars(in: h.screen.buffer).isEmpty)
        #expect(h.text.contains("Re: Pay"))
    }

    @Test(arguments: [Size(width: 20, height: 5), Size(width: 12, height: 3), Size(width: 1, height: 1), Size(width: 200, height: 60)])
    func reviewScreenDrawsAtAnySize(size: Size) async throws {
        let f = try ComposeFixture()
        try f.file("a-file-with-a-rather-long-name-indeed.txt", Array("x".utf8))
        let h = f.harness()
        await h.start()
        await h.press("r")
        await h.press("a")
        await h.type("a-file")
        await h.press("<Tab>")
        await h.press("<Enter>")
        await h.send(.resize(size))
        #expect(h.lines.count == size.height)
        #expect(h.lines.allSatisfy { TextWidth.width(of: $0) == size.width })
    }

    @Test func mouseDoesNotReachTheListUnderTheComposer() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        await h.start()
        let before = h.state.folder?.list.selected
        await h.press("r")
        await h.send(.mouse(MouseEvent(kind: .press(.left), position: Point(x: 30, y: 1))))
        #expect(h.state.folder?.list.selected == before)
        #expect(h.state.topComposer != nil)
    }

    @Test func attachmentSelectionMovesWithTheListKeys() async throws {
        let f = try ComposeFixture()
        for name in ["one.txt", "two.txt", "three.txt"] { try f.file(name, Array(name.utf8)) }
        let h = f.harness()
        await h.start()
        await h.press("r")
        await h.press("a")
        await h.type("*.txt")
        await h.press("<Enter>")
        #expect(h.state.topComposer?.selected == 2)
        await h.press("gg")
        #expect(h.state.topComposer?.selected == 0)
        await h.press("j")
        #expect(h.state.topComposer?.selected == 1)
        await h.press("G")
        #expect(h.state.topComposer?.selected == 2)
        await h.press("k")
        await h.press("D")
        #expect(h.state.topComposer?.draft.attachments.map(\.name) == ["one.txt", "two.txt"])
        #expect(h.state.topComposer?.selected == 1)
    }
}
