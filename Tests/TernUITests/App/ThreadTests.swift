import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// The threaded list: trees drawn, collapsed and expanded, acted on as a whole.
@Suite struct ThreadTests {
    static func threadedBackend() -> FakeMailBackend {
        let t = testNow
        let messages = [
            FakeMessage(uid: 1, from: "Ann <ann@example.test>", subject: "Plans for the offsite", date: t.addingTimeInterval(-9000), messageID: "a"),
            FakeMessage(uid: 2, from: "Bob <bob@example.test>", subject: "Re: Plans for the offsite", date: t.addingTimeInterval(-8000),
                        flags: [.seen], messageID: "b", inReplyTo: "a", references: ["a"]),
            FakeMessage(uid: 3, from: "Eve <eve@example.test>", subject: "Invoice", date: t.addingTimeInterval(-7000), flags: [.seen], messageID: "c"),
            FakeMessage(uid: 4, from: "Ann <ann@example.test>", subject: "Re: Plans for the offsite", date: t.addingTimeInterval(-6000),
                        messageID: "d", inReplyTo: "b", references: ["a", "b"]),
            FakeMessage(uid: 5, from: "Dan <dan@example.test>", subject: "Re: Plans for the offsite", date: t.addingTimeInterval(-5000),
                        flags: [.seen], messageID: "e", inReplyTo: "a", references: ["a"]),
            FakeMessage(uid: 6, from: "Zoe <zoe@example.test>", subject: "Lunch", date: t.addingTimeInterval(-100), flags: [.seen], messageID: "f"),
        ]
        return FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox), FolderInfo(path: MailboxPath("Archive"), role: .archive)],
                               messages: [.inbox: messages])
    }

    @Test func threadsAreDrawnAsATree() async {
        let h = Harness(size: Size(width: 80, height: 10), backends: [Self.threadedBackend()], order: ListOrder(field: .thread),
                        sidebarWidth: 12)
        await h.start()
        #expect(h.state.folder?.rowCount == 6)
        expectSnapshot(h.screen, named: "threads-80x10")
        #expect(h.state.folder?.selectedRow?.subject == "Lunch", "newest thread last, selected")
        #expect(h.state.folder?.row(at: 0)?.subject == "Invoice", "threads ordered by their newest message")
        await h.press("kk")
        #expect(h.state.folder?.selectedRow?.uid == UID(4))
        await h.press("za")
        #expect(h.state.folder?.rowCount == 3)
        #expect(h.state.folder?.selectedRow?.uid == UID(1), "the thread folds into its first line")
        #expect(h.lines[1].contains("Plans for the offsite (+3)"))
        await h.press("za")
        #expect(h.state.folder?.rowCount == 6)
        await h.press("zM")
        #expect(h.state.folder?.rowCount == 3)
        await h.press("zR")
        #expect(h.state.folder?.rowCount == 6)
    }

    @Test func markThreadReadMarksEveryMessageOfTheThread() async {
        let backend = Self.threadedBackend()
        let h = Harness(backends: [backend], order: ListOrder(field: .thread))
        await h.start()
        await h.press("ggj<C-r>")
        #expect(await backend.flags(of: UID(1), in: .inbox)?.contains(.seen) == true)
        #expect(await backend.flags(of: UID(4), in: .inbox)?.contains(.seen) == true)
        #expect(h.state.folder?.row(at: 2)?.isUnread == false)
    }

    @Test func searchAndUnreadInThreads() async {
        let h = Harness(backends: [Self.threadedBackend()], order: ListOrder(field: .thread))
        await h.start()
        await h.press("<Tab>")
        #expect(h.state.folder?.selectedRow?.uid == UID(1), "wraps to the first unread")
        #expect(h.state.message?.text == "Search wrapped around")
        await h.press("<Tab>")
        #expect(h.state.folder?.selectedRow?.uid == UID(4))
        await h.press("/")
        await h.type("from:dan")
        await h.press("<Enter>")
        #expect(h.state.folder?.selectedRow?.uid == UID(5))
        await h.press("l")
        await h.type("from:ann")
        await h.press("<Enter>")
        #expect(h.state.folder?.rowCount == 2)
        #expect(h.lines[22].contains("sort: thread") && h.lines[22].contains("limit: from:ann"))
    }

    @Test func reverseThreadPutsTheNewestThreadFirst() async {
        let h = Harness(backends: [Self.threadedBackend()], order: ListOrder(field: .thread, reverse: true))
        await h.start()
        #expect(h.state.folder?.row(at: 0)?.subject == "Lunch")
        #expect(h.state.folder?.list.selected == 0)
    }

    @Test func switchingToThreadsKeepsTheSelectedMessage() async {
        let h = Harness(backends: [Self.threadedBackend()])
        await h.start()
        await h.press("kk")
        let uid = h.state.folder?.selectedRow?.uid
        await h.press("ot")
        #expect(h.state.folder?.order.isThreaded == true)
        #expect(h.state.folder?.rowCount == 6)
        _ = uid
    }

    @Test func hugeFolderThreadsWithoutBlocking() async {
        let h = Harness(inbox: 20_000, order: ListOrder(field: .thread))
        await h.start()
        #expect(h.state.folder?.rowCount == 20_000)
        #expect(h.state.folder?.selectedRow != nil)
        await h.press("gg")
        #expect(h.lines[0].contains("#1"))
    }
}
