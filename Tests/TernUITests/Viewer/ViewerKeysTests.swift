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

/// `G` on a long message while the rest is laid out off the UI thread.
@Suite struct ViewerBackgroundLayoutTests {
    @Test func gWaitsForTheBackgroundLayoutThenGoesToTheEnd() async throws {
        let body = (1...20_000).map { "line \($0)" }.joined(separator: "\n")
        let message = FakeMessage(uid: 1, from: "a@example.test", subject: "long", date: testNow, body: body)
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: [message]])
        let h = Harness(backends: [backend])
        await h.start()
        // Open it without performing the background layout.
        var effects = h.state.handle(.key(.enter))
        let load = try #require(effects.first { if case .viewer(.load) = $0 { return true } else { return false } })
        let box = MessageBox()
        await h.runner.perform(load) { box.append($0) }
        effects = box.take().flatMap { h.state.apply($0) }
        let layOut = try #require(effects.first { if case .viewer(.layOut) = $0 { return true } else { return false } })
        #expect(h.state.topReader?.layingOut == true)
        // G now: the UI does not lay out 20,000 lines; it says it goes there when ready.
        _ = h.state.handle(.key(.char("G")))
        #expect(h.state.topReader?.reader?.document.isComplete == false)
        #expect(h.state.topReader?.reader?.wantsBottom == true)
        #expect(h.state.message?.text.hasPrefix("Laying out the rest of the message") == true)
        await h.settle([layOut])
        #expect(h.state.topReader?.layingOut == false)
        #expect(h.state.topReader?.reader?.isAtBottom == true)
        #expect(h.text.contains("line 20000"))
        #expect(h.lines[22].hasSuffix("Bot"))
        // Toggling headers lays the message out again, in the background too.
        _ = h.takeEffects()
        await h.press("h")
        #expect(h.takeEffects().contains { if case .viewer(.layOut) = $0 { return true } else { return false } })
        await h.press("G")
        #expect(h.text.contains("line 20000"))
    }

    @Test func theLinkListOfALongMessageWaitsForTheBackgroundLayout() async throws {
        let body = (1...20_000).map { $0 % 5_000 == 0 ? "see https://example.test/\($0)" : "line \($0)" }.joined(separator: "\n")
        let message = FakeMessage(uid: 1, from: "a@example.test", subject: "long", date: testNow, body: body)
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: [message]])
        let h = Harness(backends: [backend])
        await h.start()
        var effects = h.state.handle(.key(.enter))
        let load = try #require(effects.first { if case .viewer(.load) = $0 { return true } else { return false } })
        let box = MessageBox()
        await h.runner.perform(load) { box.append($0) }
        effects = box.take().flatMap { h.state.apply($0) }
        let layOut = try #require(effects.first { if case .viewer(.layOut) = $0 { return true } else { return false } })
        _ = h.state.handle(.key(.char("u")))
        #expect(h.state.keyContext == .viewer, "the UI does not lay out 20,000 lines to number the links")
        #expect(h.state.message?.text.hasPrefix("Finding the links") == true)
        await h.settle([layOut])
        #expect(h.state.keyContext == .urls)
        #expect(h.state.topURLs?.urls == (1...4).map { "https://example.test/\($0 * 5_000)" })
    }
}
