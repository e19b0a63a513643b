import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// The viewer's keys added with the link list and save-all: Tab to the next unread message, `gs`
/// for the raw source, `o` on the attachment screen, `|` to a pager.
@Suite struct ViewerKeysTests {
    /// 600 read messages (oldest first: uid 1 at the top) with unread ones at uids `unread`.
    static func harness(unread: Set<UInt32>) -> Harness {
        let messages = (1...600).map { (uid: Int) in
            FakeMessage(uid: UInt32(uid), from: "a@example.test", subject: "Message \(uid)",
                        date: testNow.addingTimeInterval(Double(uid - 600) * 60),
                        flags: unread.contains(UInt32(uid)) ? [] : [.seen], body: "Body of \(uid).\n")
        }
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: messages])
        return Harness(backends: [backend], order: ListOrder(field: .date))
    }

    @Test func tabOpensTheNextUnreadMessageEvenWhenTheAccountFindsIt() async throws {
        let h = Self.harness(unread: [2, 3, 590])
        await h.start()
        await h.press("gg")
        await h.press("<Enter>")
        #expect(h.text.contains("Body of 1."))
        await h.press("<Tab>")
        #expect(h.text.contains("Body of 2."), "the next unread among the loaded rows")
        await h.press("<Tab>")
        #expect(h.text.contains("Body of 3."))
        // The next one is far below the rows loaded: the account finds it, then the viewer shows it.
        await h.press("<Tab>")
        #expect(h.effects.contains { if case .find = $0 { return true } else { return false } })
        #expect(h.text.contains("Body of 590."), "\(h.text)")
        #expect(h.state.folder?.selectedRow?.uid == UID(590))
        #expect(await h.backend.flags(of: UID(590), in: .inbox)?.contains(.seen) == true)
        #expect(h.state.topReader?.unreadJump == nil)
        // No unread message is left: the message stays, the bottom line says so.
        await h.press("<Tab>")
        #expect(h.text.contains("Body of 590."))
        #expect(h.lines[23].contains("No unread messages"), "\(h.lines[23])")
        await h.press("<S-Tab>")
        #expect(h.text.contains("Body of 590."))
    }

    @Test func rawSourceKeyAndOpenKey() async throws {
        let h = ViewerFixtures.harness([ViewerFixtures.withAttachments()])
        h.state.config.viewer.mailcapFiles = []
        await h.start()
        await h.press("<Enter>")
        await h.press("gs")
        #expect(h.text.contains("Content-Type: multipart/mixed; boundary=\"b1\""))
        #expect(h.lines[22].contains("[raw]"))
        await h.press("gs")
        #expect(!h.text.contains("--b1"))
        await h.press("v")
        await h.press("j")
        _ = h.takeEffects()
        await h.press("o")
        #expect(h.takeEffects().contains { if case .viewer(.open(let request)) = $0 { return request.name == "notes.txt" } else { return false } })
        #expect(h.text.contains("first note"), "a text part without a mailcap entry is shown as text")
    }

    @Test func pipeToAPagerGetsTheTerminal() async throws {
        let h = ViewerFixtures.harness([ViewerFixtures.withAttachments()])
        await h.start()
        await h.press("<Enter>|")
        await h.type("cat > /dev/null | less")
        _ = h.takeEffects()
        await h.press("<Enter>")
        let effects = h.takeEffects()
        #expect(effects.contains { if case .viewer(.pipe(let request)) = $0 { return request.usesTerminal } else { return false } })
        #expect(effects.contains { if case .viewer(.runInTerminal(let job)) = $0 { return job.title == "cat > /dev/null | less" } else { return false } })
        #expect(h.lines[23].hasPrefix("Finished: cat > /dev/null | less"), "\(h.lines[23])")
        // A command that does not need the terminal has its output shown.
        await h.press("|")
        await h.type("wc -l")
        await h.press("<Enter>")
        #expect(h.lines[0].hasPrefix("| wc -l"))
    }
}
