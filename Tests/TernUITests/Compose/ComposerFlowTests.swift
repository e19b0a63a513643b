import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernConfig
import TernTestSupport
@testable import TernUI

/// The composer in the UI with the real drafts, editor runner and outbox: an editor script edits
/// the file, a sendmail script receives the message, the fake backend holds the folders.
@Suite(.serialized) struct ComposerFlowTests {
    @Test func replyIsEditedReviewedAndSent() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        await h.start()
        let original = try #require(h.state.folder?.selectedRow)
        await h.press("r")
        let composer = try #require(h.state.topComposer)
        #expect(composer.draft.kind == .reply)
        #expect(composer.draft.body.hasPrefix("Hello from the test.\n"))
        #expect(h.state.keyContext == .composer)
        #expect(h.text.contains("Reply: Re: \(original.subject)"))
        #expect(h.text.contains("To: Eve Evans <eve@example.test>"))
        #expect(h.text.contains("In reply: <m5@fake.example>"))
        #expect(f.draftsOnDisk.count == 1, "the draft is on disk while the review screen shows")

        await h.press("y")
        #expect(h.state.topComposer == nil)
        let sent = try #require(f.sent.first)
        #expect(sent.contains("Subject: Re: \(original.subject)"))
        #expect(sent.contains("In-Reply-To: <m5@fake.example>"))
        #expect(sent.contains("References: <m5@fake.example>"))
        #expect(sent.contains("Hello from the test."))
        #expect(f.arguments(0).contains("eve@example.test"))
        #expect(h.state.message?.text == "Message sent")
        #expect(f.outboxCount == 0)
        #expect(f.draftsOnDisk.isEmpty)
        #expect(await h.backend.flags(of: original.uid, in: .inbox)?.contains(.answered) == true)
        let copies = await h.backend.storedMessages(in: MailboxPath("Sent"))
        #expect(copies.count == 1)
        #expect(copies.first.map { String(decoding: $0, as: UTF8.self).contains("Hello from the test.") } == true)
    }

    @Test func newMessageAsksToAndSubjectThenAttachesWithCompletion() async throws {
        let f = try ComposeFixture(aliases: ["alias bob Bob Baker <bob@example.test>"])
        try f.file("report-2026.pdf", Array("%PDF-1.4 fake".utf8))
        try f.file("notes.txt", Array("line one\nline two\n".utf8))
        let h = f.harness()
        await h.start()
        await h.press("m")
        #expect(h.lines[23].hasPrefix("To: "))
        await h.type("bo")
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == "Bob Baker <bob@example.test>")
        await h.press("<Enter>")
        #expect(h.lines[23].hasPrefix("Subject: "))
        await h.type("Numbers")
        await h.press("<Enter>")
        var composer = try #require(h.state.topComposer)
        #expect(composer.draft.to.map(\.address) == ["bob@example.test"])
        #expect(composer.draft.subject == "Numbers")
        #expect(composer.draft.body.hasPrefix("Hello from the test."))

        await h.press("a")
        await h.type("rep")
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == "report-2026.pdf")
        await h.press("<Enter>")
        await h.press("a")
        await h.type("*.txt")
        await h.press("<Enter>")
        composer = try #require(h.state.topComposer)
        #expect(composer.draft.attachments.map(\.name) == ["report-2026.pdf", "notes.txt"])
        #expect(h.text.contains("  1 report-2026.pdf  application/pdf  13 bytes"))
        #expect(h.text.contains("> 2 notes.txt        text/plain       18 bytes"))
        #expect(h.text.contains("> 2 notes.txt"))

        await h.press("y")
        let sent = try #require(f.sent.first)
        #expect(sent.contains("To: Bob Baker <bob@example.test>"))
        #expect(sent.contains("filename=report-2026.pdf") || sent.contains("filename=\"report-2026.pdf\""))
        #expect(sent.contains(Data("%PDF-1.4 fake".utf8).base64EncodedString()))
        #expect(sent.contains("notes.txt"))
    }

    @Test func reviewScreenTextGrid() async throws {
        let f = try ComposeFixture()
        let h = f.harness(size: TerminalKit.Size(width: 60, height: 14))
        await h.start()
        await h.press("m")
        await h.type("bob@example.test")
        await h.press("<Enter>")
        await h.type("Hi")
        await h.press("<Enter>")
        try f.file("a.txt", Array("0123456789".utf8))
        await h.press("a")
        await h.type("a.txt")
        await h.press("<Enter>")
        expectLines(h.lines, [
            "New message: Hi                                         test",
            "     From: Alice <alice@example.test>                       ",
            "       To: bob@example.test                                 ",
            "       Cc:                                                  ",
            "      Bcc:                                                  ",
            "  Subject: Hi                                               ",
            " Reply-To:                                                  ",
            "     Text: 2 lines, 22 bytes                                ",
            "                                                            ",
            " Attachments (1):                                           ",
            " > 1 a.txt         text/plain  10 bytes                     ",
            "                                                            ",
            "y send  e edit  t to  c cc  s subject  a attach  P postpone…",
            "Attached a.txt                                              ",
        ])
    }

    @Test func headersAreEditedAndCheckedOnTheReviewScreen() async throws {
        let f = try ComposeFixture(aliases: ["alias team ann@example.test, bob@example.test"],
                                   identities: [Identity(name: "work", address: Address(name: "Alice W", address: "alice@work.test"))])
        let h = f.harness()
        await h.start()
        await h.press("r")
        await h.press("c")
        #expect(h.state.prompt?.label == "Cc: ")
        await h.type("team")
        await h.press("<Enter>")
        #expect(h.state.topComposer?.draft.cc.map(\.address) == ["ann@example.test", "bob@example.test"])
        await h.press("s")
        await h.press("<C-u>")
        await h.type("New subject")
        await h.press("<Enter>")
        #expect(h.state.topComposer?.draft.subject == "New subject")
        await h.press("b")
        await h.type("not an address <")
        await h.press("<Enter>")
        #expect(h.state.message?.level == .error)
        #expect(h.state.prompt?.label == "Bcc: ", "the prompt opens again with the text")
        await h.press("<Esc>")
        await h.press("<M-f>")
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == "Alice W <alice@work.test>")
        await h.press("<Enter>")
        #expect(h.state.topComposer?.draft.from.address == "alice@work.test")
        await h.press("w")
        #expect(h.state.topComposer?.draft.flowed == true)
        await h.press("y")
        let sent = try #require(f.sent.first)
        #expect(sent.contains("From: Alice W <alice@work.test>"))
        #expect(sent.contains("Subject: New subject"))
        #expect(sent.contains("Cc: ann@example.test, bob@example.test"))
        #expect(sent.contains("format=flowed"))
    }

    @Test func attachmentsAreRenamedRetypedAndRemoved() async throws {
        let f = try ComposeFixture()
        try f.file("data.bin", [0, 1, 2, 3])
        let h = f.harness()
        await h.start()
        await h.press("r")
        await h.press("a")
        await h.type("data.bin")
        await h.press("<Enter>")
        await h.press("<C-o>")
        await h.press("<C-u>")
        await h.type("bad/name")
        await h.press("<Enter>")
        #expect(h.state.message?.level == .error)
        await h.press("<C-o>")
        await h.press("<C-u>")
        await h.type("figures.dat")
        await h.press("<Enter>")
        await h.press("<C-t>")
        await h.press("<C-u>")
        await h.type("nonsense")
        await h.press("<Enter>")
        #expect(h.state.message?.level == .error)
        await h.press("<C-t>")
        await h.press("<C-u>")
        await h.type("Application/X-Figures")
        await h.press("<Enter>")
        let attachment = try #require(h.state.topComposer?.draft.attachments.first)
        #expect(attachment.name == "figures.dat")
        #expect(attachment.contentType == "application/x-figures")
        await h.press("D")
        #expect(h.state.topComposer?.draft.attachments.isEmpty == true)
        #expect(h.text.contains("No attachments"))
    }

    @Test func postponeThenRecallFromDraftsAndSend() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        await h.start()
        await h.press("r")
        await h.press("P")
        #expect(h.state.topComposer == nil)
        #expect(h.state.message?.text == "Message postponed to Drafts")
        #expect(f.draftsOnDisk.isEmpty)
        let drafts = await h.backend.storedMessages(in: MailboxPath("Drafts"))
        #expect(drafts.count == 1)
        let uid = try #require(await h.backend.uids(in: MailboxPath("Drafts")).first)
        #expect(await h.backend.flags(of: uid, in: MailboxPath("Drafts"))?.contains(.draft) == true)

        await h.press("R")
        #expect(h.state.folder?.key.path == MailboxPath("Drafts"))
        await h.press("G")
        await h.press("e")
        let composer = try #require(h.state.topComposer)
        #expect(composer.draft.kind == .resumed)
        #expect(composer.draft.body.contains("Hello from the test.\nHello from the test."), "edited once more")
        await h.press("y")
        #expect(f.sent.count == 1)
        let leftFlags = await h.backend.flags(of: uid, in: MailboxPath("Drafts"))
        #expect(leftFlags == nil || leftFlags?.contains(.deleted) == true, "the postponed copy goes once sent")
    }

    @Test func abortAsksWhenSomethingWasWrittenAndNeverLosesTextSilently() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        await h.start()
        await h.press("r")
        await h.press("q")
        #expect(h.state.choice?.purpose == .compose(.abort))
        #expect(h.lines[23].contains("(p)ostpone"))
        await h.press("c")
        #expect(h.state.topComposer != nil, "c goes on editing")
        #expect(f.draftsOnDisk.count == 1)
        await h.press("q")
        await h.press("d")
        #expect(h.state.topComposer == nil)
        #expect(f.draftsOnDisk.isEmpty)
        #expect(f.sent.isEmpty)
    }

    @Test func unchangedMessageIsDiscardedAfterTheEditor() async throws {
        let f = try ComposeFixture(editorScript: "true")
        let h = f.harness()
        await h.start()
        await h.press("r")
        #expect(h.state.topComposer == nil)
        #expect(h.state.message?.text == "Message not changed: discarded")
        #expect(f.draftsOnDisk.isEmpty)
    }

    @Test func failedSendKeepsTheMessageInTheOutbox() async throws {
        let f = try ComposeFixture(sendmailStatus: 1)
        let h = f.harness()
        await h.start()
        await h.press("r")
        await h.press("y")
        #expect(h.state.topComposer == nil, "the message is safe in the outbox")
        #expect(h.state.message?.level == .error)
        #expect(h.state.message?.text.contains("stays in the outbox") == true)
        #expect(f.outboxCount == 1)
        #expect(h.state.account("test")?.outboxQueued == 1)
        #expect(h.lines[22].contains("outbox: 1 queued"))
    }

    @Test func sendWithoutRecipientIsRefusedAndTheDraftStays() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        await h.start()
        await h.press("m")
        await h.press("<Enter>")
        await h.press("<Enter>")
        await h.press("y")
        #expect(h.state.topComposer != nil)
        #expect(h.state.message?.text == "The message has no recipient: press t to add one")
        #expect(f.sent.isEmpty)
    }

    @Test func editorProblemsAreShownAndBlockSending() async throws {
        let f = try ComposeFixture(editorScript: "printf 'Attach: /no/such/file\\nHello\\n' > \"$1\"")
        let h = f.harness()
        await h.start()
        await h.press("r")
        let composer = try #require(h.state.topComposer)
        if !composer.problems.isEmpty {
            #expect(h.text.contains("problems"))
            await h.press("y")
            #expect(f.sent.isEmpty)
        }
    }

    @Test func forwardAsAttachmentFromTheViewer() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        await h.start()
        await h.press("<Enter>")
        #expect(h.state.keyContext == .viewer)
        await h.press("F")
        let composer = try #require(h.state.topComposer)
        #expect(composer.draft.kind == .forwardAttached)
        #expect(composer.draft.attachments.first?.isMessage == true)
        #expect(h.text.contains("message/rfc822"))
        await h.press("t")
        await h.type("carol@example.test")
        await h.press("<Enter>")
        await h.press("y")
        let sent = try #require(f.sent.first)
        #expect(sent.contains("Content-Type: message/rfc822"))
        #expect(sent.contains("Message-ID: <m5@fake.example>"))
        #expect(h.state.topReader != nil, "back in the viewer")
    }

    @Test func bounceResendsUnchanged() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        await h.start()
        await h.press("b")
        #expect(h.state.prompt?.label == "Bounce to: ")
        await h.type("carol@example.test")
        await h.press("<Enter>")
        #expect(h.state.choice?.question == "Bounce to carol@example.test? (y/n)")
        #expect(f.sent.isEmpty, "nothing goes before the answer")
        await h.press("y")
        let sent = try #require(f.sent.first)
        #expect(sent.hasPrefix("Resent-Date:") || sent.contains("Resent-To: carol@example.test"))
        #expect(sent.contains("Message-ID: <m5@fake.example>"))
        #expect(f.arguments(0) == ["--", "carol@example.test"], "only the new recipient gets it")
        #expect(h.state.message?.text == "Message sent")
    }

    @Test func bounceConfirmationShowsTheExpandedAliasAndNoCancels() async throws {
        let f = try ComposeFixture(aliases: ["alias team Carol <carol@example.test>, Dan <dan@example.test>"])
        let h = f.harness()
        await h.start()
        await h.press("b")
        await h.type("team")
        await h.press("<Enter>")
        #expect(h.state.choice?.question == "Bounce to carol@example.test, dan@example.test? (y/n)")
        await h.press("n")
        #expect(h.state.choice == nil)
        #expect(h.state.message?.text == "Not bounced")
        #expect(f.sent.isEmpty)
        #expect(f.outboxCount == 0)
    }

    @Test func draftLeftByAnEarlierSessionIsOfferedAndResumed() async throws {
        let f = try ComposeFixture()
        let first = f.harness()
        await first.start()
        await first.press("r")
        #expect(f.draftsOnDisk.count == 1)
        f.service.releaseAll() // the session ends (or dies) with the draft open

        let second = f.harness()
        await second.start()
        #expect(second.state.compose.recoverable.count == 1)
        #expect(second.state.message?.text.contains("press R to continue it") == true)
        await second.press("R")
        let composer = try #require(second.state.topComposer)
        #expect(composer.draft.body.hasPrefix("Hello from the test."))
        #expect(composer.edited, "a recovered draft is never discarded as unchanged")
        await second.press("y")
        #expect(f.sent.count == 1)
        #expect(f.draftsOnDisk.isEmpty)
    }

    @Test func composeCommandOpensTheComposerAndEndsWhenSent() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        h.state.compose.initialDraft = Draft(account: "test", from: Address(name: "Alice", address: "alice@example.test"),
                                             to: [Address(address: "bob@example.test")], subject: "From the command line")
        await h.start()
        let composer = try #require(h.state.topComposer)
        #expect(composer.draft.subject == "From the command line")
        #expect(composer.draft.body.hasPrefix("Hello from the test."))
        #expect(!h.state.quitRequested)
        await h.press("y")
        #expect(f.sent.first?.contains("Subject: From the command line") == true)
        #expect(h.state.quitRequested, "tern compose ends once the message is sent")
    }

    @Test func editHeadersPutsTheHeadersInTheEditorFile() async throws {
        let f = try ComposeFixture(editorScript: "sed -i 's/^To:.*/To: dora@example.test/; s/^Subject:.*/Subject: Typed in the editor/' \"$1\"; printf 'Body text.\\n' >> \"$1\"")
        let settings = f.service.settings
        var general = settings.general
        general.editHeaders = true
        let service = ComposeService(settings: ComposeSettings(accounts: Array(settings.accounts.values), general: general,
                                                               environment: settings.environment, directory: settings.directory))
        let h = f.harness()
        h.runner.composer = service
        await h.start()
        await h.press("m")
        #expect(h.state.prompt == nil, "with edit_headers, m asks nothing first")
        let composer = try #require(h.state.topComposer)
        #expect(composer.draft.to.map(\.address) == ["dora@example.test"])
        #expect(composer.draft.subject == "Typed in the editor")
        #expect(composer.draft.body.contains("Body text."))
    }

    @Test func keysOfTheListAndViewer() {
        let keymap = TernConfig.Keymap.defaults
        for context in [TernConfig.KeyContext.list, .viewer] {
            #expect(keymap.match([TernConfig.Key.character("F")], in: context) == .command(.forwardAsAttachment))
            #expect(keymap.match([TernConfig.Key.character("*")], in: context) == .command(.toggleFlag))
            #expect(keymap.match([TernConfig.Key.character("e")], in: context) == .command(.editAsNew))
            #expect(keymap.match([TernConfig.Key.character("R")], in: context) == .command(.recallPostponed))
        }
    }
}
