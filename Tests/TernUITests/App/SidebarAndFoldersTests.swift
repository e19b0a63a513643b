import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// The sidebar, changing folders and accounts, the command line, backend events.
@Suite struct SidebarAndFoldersTests {
    @Test func sidebarFocusMoveAndOpen() async {
        let h = Harness(inbox: 10)
        await h.start()
        await h.press("<C-w>h")
        #expect(h.state.keyContext == .sidebar)
        await h.press("jjj<Enter>")
        #expect(h.state.folder?.key.path == MailboxPath("Archive"))
        #expect(h.state.keyContext == .list)
        #expect(h.text.contains("No messages in Archive"))
        await h.press("<C-n>")
        #expect(h.state.folder?.key.path == MailboxPath("Trash"))
        await h.press("<C-p><C-p>")
        #expect(h.state.folder?.key.path == MailboxPath("Sent"))
        await h.press("c")
        await h.type("INBOX")
        await h.press("<Enter>")
        #expect(h.state.folder?.key.path == .inbox)
        #expect(h.state.folder?.count == 10)
    }

    @Test func sidebarToggleAndResize() async {
        let h = Harness(inbox: 10, sidebarWidth: 20)
        await h.start()
        #expect(h.lines[0].dropFirst(20).hasPrefix("│"))
        await h.press("}}")
        #expect(h.lines[0].dropFirst(24).hasPrefix("│"))
        await h.press("{")
        #expect(h.lines[0].dropFirst(22).hasPrefix("│"))
        await h.press("B")
        #expect(!h.lines[0].contains("│"))
        #expect(h.state.layout.sidebar == nil)
        await h.press(":")
        await h.type("sidebar-wider 30")
        await h.press("<Enter>")
        #expect(h.lines[0].dropFirst(30).hasPrefix("│"))
    }

    @Test func tabInTheSidebarFindsFoldersWithUnreadMail() async {
        let backend = FakeMailBackend.standard(inbox: 0)
        await backend.queueArrivals(FakeMessage.generated(count: 5), in: .inbox)
        let h = Harness(backends: [backend])
        await h.start()
        await h.press("<C-w>hG<Tab>")
        #expect(h.state.sidebar.entries[h.state.sidebar.list.selected!].name == "Inbox")
    }

    @Test func syncBringsNewMailIntoTheOpenList() async {
        let h = Harness(inbox: 5)
        await h.start()
        await h.backend.queueArrivals([FakeMessage(uid: 100, from: "New <new@example.test>", subject: "Fresh mail",
                                                   date: testNow.addingTimeInterval(-30))], in: .inbox)
        await h.press("$")
        #expect(h.state.folder?.count == 6)
        #expect(h.lines[5].contains("Fresh mail"))
        #expect(h.lines[5].contains("just now"))
        #expect(h.lines[0].hasPrefix("Inbox") && h.lines[0].contains("2/6"))
    }

    @Test func flagChangesFromElsewhereShowAtOnce() async {
        let h = Harness(inbox: 5)
        await h.start()
        let uid = h.state.folder!.selectedRow!.uid
        await h.deliver(.event(account: "test", .flagsChanged(folder: .inbox, [(uid, Set<Flag>([.seen, .flagged]))])))
        #expect(h.state.folder!.selectedRow!.flags == RowFlags([.seen, .flagged]))
    }

    @Test func syncProgressAndConnectionInTheStatusLine() async {
        let h = Harness(inbox: 5)
        await h.start()
        await h.deliver(.event(account: "test", .syncProgress(folder: .inbox, done: 3400, total: 100_000, bytes: nil)))
        #expect(h.lines[22].contains("syncing INBOX 3,400/100,000 [          ]"))
        await h.deliver(.event(account: "test", .syncProgress(folder: .inbox, done: 50_000, total: 100_000, bytes: nil)))
        #expect(h.lines[22].contains("[#####     ]"))
        await h.deliver(.event(account: "test", .syncFinished(SyncReport(folder: .inbox))))
        await h.deliver(.event(account: "test", .connection(.offline(reason: "no route", retryIn: 30))))
        #expect(h.lines[22].contains("offline: no route (retry in 30s)"))
        await h.deliver(.event(account: "test", .connection(.idle)))
        #expect(h.lines[22].contains("IDLE"))
    }

    @Test func commandLineRunsCommandsByName() async {
        let h = Harness(inbox: 5)
        await h.start()
        await h.press(":")
        await h.type("change-f")
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == "change-folder")
        await h.type(" Sent")
        await h.press("<Enter>")
        #expect(h.state.folder?.key.path == MailboxPath("Sent"))
        await h.press(":")
        await h.type("quitt")
        await h.press("<Enter>")
        #expect(h.state.message?.text == "unknown command \"quitt\"; did you mean quit?")
        #expect(!h.state.quitRequested)
        await h.press(":")
        await h.type("reply")
        await h.press("<Enter>")
        #expect(h.state.message?.text == "There is no message here", "reply runs from the command line (Sent is empty)")
    }

    @Test func lineNumberAtTheCommandLine() async {
        let h = Harness(inbox: 100_000)
        await h.start()
        await h.press(":")
        await h.type("50000")
        await h.press("<Enter>")
        #expect(h.state.folder?.list.selected == 49_999)
        #expect(h.lines.contains { $0.contains("#50000") })
        #expect(h.lines[22].hasSuffix("50,000/100,000"))
    }

    @Test func twoAccounts() async {
        let work = FakeMailBackend.standard(account: "work", inbox: 3)
        let home = FakeMailBackend.standard(account: "home", inbox: 7)
        let h = Harness(backends: [work, home])
        await h.start()
        #expect(h.lines[0].hasPrefix("work"))
        #expect(h.lines[22].hasPrefix("work: INBOX  3 msgs"))
        await h.press(":")
        await h.type("change-account")
        await h.press("<Enter>")
        #expect(h.lines[22].hasPrefix("home: INBOX  7 msgs"))
    }
}
