import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernConfig
import TernTestSupport
@testable import TernUI

/// The outbox view (`go`, `:outbox`) over the real outbox: a message the sendmail script refused
/// is listed with its error, then sent again, deleted, or taken back into the composer.
@Suite(.serialized) struct OutboxViewTests {
    /// A fixture whose first send fails (sendmail exits 1: refused for good), with the message queued.
    static func failedSend() async throws -> (ComposeFixture, Harness) {
        let f = try ComposeFixture(sendmailStatus: 1)
        let h = f.harness(size: TerminalKit.Size(width: 100, height: 24))
        await h.start()
        await h.press("r")
        await h.press("y")
        #expect(f.outboxCount == 1)
        return (f, h)
    }

    /// Lets the sendmail script accept messages from now on.
    static func acceptSends(_ f: ComposeFixture) throws {
        let text = try String(contentsOf: f.sendmail, encoding: .utf8).replacingOccurrences(of: "exit 1", with: "exit 0")
        try text.write(to: f.sendmail, atomically: true, encoding: .utf8)
    }

    @Test func listsTheFailedMessageWithItsErrorThenRetriesIt() async throws {
        let (f, h) = try await Self.failedSend()
        let entry = try #require(f.service.outboxListing().messages.first)
        let subject = entry.subject
        #expect(entry.lastError != nil)
        // sendmail's exit status 1 is no temporary failure: the message is held until retried.
        #expect(OutboxView.status(entry) == "held")
        await h.press("go")
        #expect(h.state.keyContext == .outbox)
        #expect(h.lines[0].contains("Outbox") && h.lines[0].contains("1 message"))
        let row = try #require(h.lines.first { $0.contains(subject) })
        #expect(row.contains("held") && row.contains("eve@example.test") && row.contains("1×"))
        #expect(h.text.contains("Last error:"), "the last error is shown under the list")
        #expect(h.text.contains("To: eve@example.test"))

        try Self.acceptSends(f)
        await h.press("r")
        #expect(f.sent.count == 2, "the failed attempt and the retry each reached sendmail")
        #expect(f.outboxCount == 0)
        #expect(h.state.message?.text == "Message sent")
        #expect(h.text.contains("The outbox is empty"))
        #expect(h.state.account("test")?.outboxQueued == 0)
        await h.press("q")
        #expect(h.state.keyContext == .list)
    }

    @Test func deleteAsksFirst() async throws {
        let (f, h) = try await Self.failedSend()
        await h.press("go")
        await h.press("d")
        let question = try #require(h.state.choice?.question)
        #expect(question.hasPrefix("Delete \"Re: "))
        #expect(question.contains("to eve@example.test from the outbox? (y/n)"))
        await h.press("n")
        #expect(f.outboxCount == 1, "n keeps it")
        #expect(h.state.message?.text == "Kept in the outbox")
        await h.press("d")
        await h.press("y")
        #expect(f.outboxCount == 0)
        #expect(h.state.message?.text == "Deleted from the outbox")
        #expect(h.text.contains("The outbox is empty"))
        #expect(f.sent.count == 1, "nothing was sent")
    }

    @Test func editTakesTheMessageBackIntoTheComposerAndReplacesIt() async throws {
        let (f, h) = try await Self.failedSend()
        await h.press("go")
        await h.press("e")
        let composer = try #require(h.state.topComposer)
        #expect(composer.draft.kind == .fromOutbox)
        #expect(composer.draft.to.map(\.address) == ["eve@example.test"])
        #expect(composer.draft.subject.hasPrefix("Re: "))
        #expect(composer.draft.inReplyTo.map(\.value) == ["m5@fake.example"])
        #expect(composer.draft.body.hasPrefix("Hello from the test.\nHello from the test."), "the editor ran on the queued text")
        let held = try #require(f.service.outboxListing().messages.first)
        #expect(held.note == OutboxQueue.heldNote, "the queued one is held while it is edited")

        try Self.acceptSends(f)
        await h.press("y")
        #expect(h.state.topComposer == nil)
        #expect(f.outboxCount == 0, "the held message went once the edited one was queued")
        #expect(f.sent.count == 2, "the edited message was sent once; the held one never")
        #expect(f.sent.last?.contains("In-Reply-To: <m5@fake.example>") == true)
        #expect(h.state.keyContext == .outbox, "back in the outbox view")
        #expect(h.text.contains("The outbox is empty"))
    }

    @Test func anAbandonedEditLeavesTheMessageHeldAndRetrySendsIt() async throws {
        let (f, h) = try await Self.failedSend()
        await h.press("go")
        await h.press("e")
        await h.press("q")
        await h.press("d")
        #expect(h.state.keyContext == .outbox)
        #expect(f.outboxCount == 1, "discarding the edit never loses the queued message")
        let row = try #require(h.lines.first { $0.contains("Re: ") })
        #expect(row.contains("editing"))
        try Self.acceptSends(f)
        await h.press("r")
        #expect(f.outboxCount == 0)
        #expect(f.sent.count == 2)
    }

    @Test func theCommandLineOpensItAndAnEmptyOutboxSaysSo() async throws {
        let f = try ComposeFixture()
        let h = f.harness()
        await h.start()
        await h.press(":")
        await h.type("outbox")
        await h.press("<Enter>")
        #expect(h.state.topOutbox?.loaded == true)
        #expect(h.text.contains("The outbox is empty"))
        await h.press("r")
        #expect(h.state.message?.text == "The outbox is empty")
        await h.press("<Esc>")
        #expect(h.state.topOutbox == nil)
    }

    @Test func keys() {
        let keymap = TernConfig.Keymap.defaults
        let go = [TernConfig.Key.character("g"), TernConfig.Key.character("o")]
        for context in [TernConfig.KeyContext.list, .viewer, .sidebar, .composer] {
            #expect(keymap.match(go, in: context) == .command(.outbox))
        }
        let outbox: [(String, CommandName)] = [("r", .send), ("e", .editMessage), ("d", .delete), ("q", .close), ("j", .moveDown)]
        for (key, command) in outbox {
            #expect(keymap.match([TernConfig.Key.character(Character(key))], in: .outbox) == .command(command))
        }
    }
}
