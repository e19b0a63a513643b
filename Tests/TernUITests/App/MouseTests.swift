import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// The mouse in the main screen and on pages: a click selects, the wheel scrolls, a click in the
/// sidebar opens the folder.
@Suite struct MouseTests {
    private func click(_ x: Int, _ y: Int) -> InputEvent {
        .mouse(MouseEvent(kind: .press(.left), position: Point(x: x, y: y)))
    }

    private func wheel(down: Bool, _ x: Int, _ y: Int) -> InputEvent {
        .mouse(MouseEvent(kind: down ? .wheelDown : .wheelUp, position: Point(x: x, y: y)))
    }

    @Test func clickOnAListRowSelectsIt() async throws {
        let h = Harness(inbox: 100)
        await h.start()
        let list = h.state.layout.list
        let top = try #require(h.state.folder?.list.offset)
        await h.send(click(list.x + 10, list.y + 3))
        #expect(h.state.folder?.list.selected == top + 3)
        #expect(h.state.keyContext == .list)
        #expect(h.lines[22].hasSuffix("\(top + 4)/100"))
    }

    @Test func wheelScrollsTheListWithoutLoadingWhatIsNotShown() async throws {
        let h = Harness(inbox: 100_000)
        await h.start()
        let list = h.state.layout.list
        let before = try #require(h.state.folder?.list.offset)
        _ = h.takeEffects()
        await h.send(wheel(down: false, list.x + 5, list.y + 2))
        let after = try #require(h.state.folder?.list.offset)
        #expect(after < before, "wheel up scrolls towards the top")
        for _ in 0..<5 { await h.send(wheel(down: false, list.x + 5, list.y + 2)) }
        let afterMore = try #require(h.state.folder?.list.offset)
        #expect(afterMore < after)
        // Every line on screen is a loaded row, and nothing but the pages in view was asked for.
        #expect(!h.text.contains("…  "), "no placeholder rows left on screen")
        let pages = h.takeEffects().filter { if case .loadPage = $0 { return true } else { return false } }
        #expect(pages.count <= 2, "only the pages that came into view are loaded: \(pages.count)")
        await h.send(wheel(down: true, list.x + 5, list.y + 2))
        #expect(try #require(h.state.folder?.list.offset) > afterMore)
    }

    @Test func clickInTheSidebarOpensTheFolder() async {
        let h = Harness(inbox: 10)
        await h.start()
        // Rows: Inbox, Drafts, Sent, Archive, Trash.
        await h.send(click(3, 2))
        #expect(h.state.folder?.key.path == MailboxPath("Sent"))
        #expect(h.state.keyContext == .list)
        #expect(h.text.contains("No messages in Sent"))
        await h.send(click(3, 0))
        #expect(h.state.folder?.key.path == .inbox)
        #expect(h.state.folder?.count == 10)
    }

    @Test func clickOnTheStatusLineOrAtAPromptDoesNothing() async throws {
        let h = Harness(inbox: 30)
        await h.start()
        let selected = try #require(h.state.folder?.list.selected)
        await h.send(click(40, 22))
        #expect(h.state.folder?.list.selected == selected)
        await h.press("/")
        await h.send(click(40, 3))
        #expect(h.state.folder?.list.selected == selected)
        #expect(h.state.prompt != nil)
    }

    @Test func wheelScrollsTheViewer() async throws {
        let long = (1...200).map { "line \($0) of a long body" }.joined(separator: "\n")
        let message = FakeMessage(uid: 1, from: "a@example.test", subject: "Long one", date: testNow, body: long)
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: [message]])
        let h = Harness(backends: [backend])
        await h.start()
        await h.press("<Enter>")
        #expect(h.text.contains("line 1 of a long body"))
        for _ in 0..<10 { await h.send(wheel(down: true, 40, 10)) }
        #expect(!h.text.contains("line 1 of a long body"))
        #expect(h.text.contains("line 30 of a long body"))
        for _ in 0..<10 { await h.send(wheel(down: false, 40, 10)) }
        #expect(h.text.contains("line 1 of a long body"))
    }
}
