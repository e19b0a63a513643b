import Foundation
import MailCore
import MailEngine
import Testing
@testable import TernUI

/// Leaving the editor without a change: a message begun here goes (nothing would be lost), a
/// postponed draft taken up again stays open, ready to send (its text is the user's own).
@Suite struct ComposerUnchangedTests {
    @Test func resumedDraftLeftUnchangedInTheEditorStaysOpenAndSends() async throws {
        // The editor writes on its first run only; later runs leave the file as it is.
        let f = try ComposeFixture(editorScript: """
            [ -f "$(dirname "$0")/editor.done" ] && exit 0
            \(ComposeFixture.prepend("Written once."))
            touch "$(dirname "$0")/editor.done"
            """)
        let h = f.harness()
        await h.start()
        await h.press("r")
        await h.press("P")
        #expect(h.state.message?.text == "Message postponed to Drafts")

        await h.press("R")
        await h.press("G")
        await h.press("e")
        #expect(h.state.message?.text != "Message not changed: discarded")
        let composer = try #require(h.state.topComposer, "the resumed draft stays open")
        #expect(composer.draft.kind == .resumed)
        #expect(composer.draft.body.contains("Written once."))
        await h.press("y")
        #expect(f.sent.count == 1)
    }

    @Test(arguments: [DraftKind.new, .reply, .groupReply, .listReply, .forward, .forwardAttached])
    func messagesBegunHereAreDiscardedWhenUnchanged(_ kind: DraftKind) {
        #expect(kind.discardsWhenUnchanged)
    }

    @Test(arguments: [DraftKind.editAsNew, .resumed, .fromOutbox])
    func textTheUserWroteBeforeIsNeverDiscardedWhenUnchanged(_ kind: DraftKind) {
        #expect(!kind.discardsWhenUnchanged)
    }
}
