import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernConfig
import TernTestSupport
@testable import TernUI

/// The screens as text grids: main screen, tiny terminals, resize, wide characters, hostile text,
/// help, log, the message view, the theme's styles.
@Suite struct ScreensTests {
    @Test func mainScreenSnapshot() async {
        let h = Harness(inbox: 40, size: Size(width: 100, height: 16))
        await h.start()
        expectSnapshot(h.screen, named: "main-100x16")
    }

    @Test func tinyTerminal() async {
        let h = Harness(inbox: 40, size: Size(width: 20, height: 5))
        await h.start()
        expectSnapshot(h.screen, named: "main-20x5")
        #expect(h.state.layout.sidebar == nil, "no room for the sidebar")
        await h.press("k")
        #expect(h.state.folder?.list.selected == 38)
        await h.press("?")
        #expect(h.lines[0].hasPrefix("Keys: message list"))
        await h.press("q/")
        #expect(h.lines[4].hasPrefix("Search: "))
    }

    @Test(arguments: [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 3, height: 2), Size(width: 12, height: 3)])
    func survivesAnySize(size: Size) async {
        let h = Harness(inbox: 10, size: size)
        await h.start()
        await h.press("jkG?")
        await h.press("q:")
        #expect(h.screen.size == size)
    }

    @Test func resizeKeepsTheSelectionVisible() async {
        let h = Harness(inbox: 200, size: Size(width: 80, height: 24))
        await h.start()
        await h.press("<PageUp>")
        let selected = h.state.folder!.list.selected!
        await h.send(.resize(Size(width: 50, height: 8)))
        #expect(h.screen.size == Size(width: 50, height: 8))
        #expect(h.state.layout.sidebar != nil)
        let subject = h.state.folder!.selectedRow!.subject
        #expect(h.lines.prefix(6).contains { $0.contains(subject) }, "\(h.lines)")
        #expect(h.state.folder!.list.selected == selected)
        await h.send(.resize(Size(width: 120, height: 30)))
        #expect(h.lines[28].hasSuffix("\(selected + 1)/200"))
        expectSnapshot(h.screen, named: "resized-120x30")
    }

    @Test func wideCharactersAndHostileText() async {
        let messages = [
            FakeMessage(uid: 1, from: "陳大文 <chen@example.test>", subject: "会議の資料と議事録についてのお知らせ、来週の予定", date: testNow.addingTimeInterval(-7200)),
            FakeMessage(uid: 2, from: "Mallory <m@example.test>", subject: "\u{1B}[31mred\u{1B}[0m \u{202E}evil\u{9B}1m", date: testNow.addingTimeInterval(-3000)),
            FakeMessage(uid: 3, from: "Zoë <z@example.test>", subject: "e\u{301}te\u{301} 😀 emoji 👩‍👩‍👧", date: testNow.addingTimeInterval(-100)),
        ]
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: messages])
        let h = Harness(size: Size(width: 60, height: 6), backends: [backend], sidebarWidth: 12)
        await h.start()
        #expect(unsafeScalars(in: h.screen.buffer).isEmpty)
        #expect(h.text.contains("␛[31mred␛[0m"))
        // Every row is exactly the screen's width in cells: no wide character broken at an edge.
        for y in 0..<h.screen.size.height {
            var width = 0
            for x in 0..<h.screen.size.width where !h.screen.buffer[x, y].isContinuation { width += Int(max(1, h.screen.buffer[x, y].width)) }
            #expect(width == 60, "row \(y): \(h.lines[y])")
        }
        expectSnapshot(h.screen, named: "wide-and-hostile-60x6")
    }

    @Test func defaultThemeStyles() async {
        let h = Harness(inbox: 12, size: Size(width: 70, height: 8), theme: .standard, sidebarWidth: 16)
        await h.start()
        let t = UITheme.standard
        let selectedUnread = t[.listSelected].adding(t[.listUnread].attributes)
        let styles = legend([
            (".", t[.normal]), ("S", t[.sidebarSelected].adding(.bold)), ("c", t[.sidebarCount]), ("|", t[.border]),
            ("f", t[.listFlags]), ("N", t[.listFlags].patched(with: t[.listUnread])), ("u", t[.list].patched(with: t[.listUnread])),
            ("F", t[.listFlags].patched(with: t[.listFlagged])), ("R", t[.listSelected]), ("B", selectedUnread),
            ("=", t[.status]), ("s", t[.listSize]), ("d", t[.listDate]), ("w", t[.listFrom]), ("j", t[.listSubject]),
        ])
        expectSnapshot(h.screen, named: "default-theme-70x8", legend: styles)
    }

    @Test func helpIsGeneratedFromTheLiveKeymap() async throws {
        let loader = ConfigLoader(environment: ["HOME": "/nonexistent"])
        let config = try loader.parse(text: """
            [accounts.t]
            from = "T <t@example.test>"
            [accounts.t.maildir]
            path = "/tmp/none"
            [keys.list]
            x = "delete"
            d = "none"
            """, file: "test.toml", themes: ThemeCatalog(userDirectory: nil))
        let h = Harness(size: Size(width: 90, height: 40), backends: [FakeMailBackend.standard(account: "t", inbox: 3)],
                        keymap: config.keymap)
        await h.start()
        await h.press("?")
        #expect(h.lines[0].hasPrefix("Keys: message list"))
        #expect(h.text.contains("  x "))
        let deleteLine = try #require(h.lines.first { $0.contains(" delete ") })
        #expect(deleteLine.hasPrefix("  x "), "d was unbound, x bound: \(deleteLine)")
        let page = h.state.topPage?.layout?.rows.map(\.plainText).joined(separator: "\n") ?? ""
        #expect(page.contains("reply") && !page.contains("(not in this build yet)"), "every command of the list is implemented")
        #expect(page.contains("Everywhere"))
        expectSnapshot(h.screen, named: "help-list-90x40")
        await h.press("x")
        #expect(h.state.topPage == nil ? false : true, "x does nothing on the help page")
        await h.press("q")
        #expect(h.state.screens.isEmpty)
        await h.press("x")
        #expect(h.state.folder?.pendingDeletion.count == 1)
    }

    @Test func helpOfTheSidebarIsTheSidebars() async {
        let h = Harness(inbox: 3)
        await h.start()
        await h.press("<C-w>h?")
        #expect(h.lines[0].hasPrefix("Keys: folder sidebar"))
        #expect(h.text.contains("In the folder sidebar"))
    }

    @Test func logKeepsErrors() async {
        let h = Harness(inbox: 3)
        await h.start()
        await h.deliver(.event(account: "test", .error("connection reset by peer")))
        #expect(h.lines[23] == "test: connection reset by peer".padding(toLength: 80, withPad: " ", startingAt: 0))
        await h.press("j")
        #expect(h.state.message == nil, "a key clears the message line")
        await h.press("M")
        #expect(h.lines[0].hasPrefix("Messages of this session"))
        #expect(h.text.contains("error    test: connection reset by peer"))
        await h.press("q")
        #expect(h.state.screens.isEmpty)
    }

    @Test func unboundKeySaysSo() async {
        let h = Harness(inbox: 3)
        await h.start()
        await h.press("Q")
        #expect(h.lines[23].hasPrefix("Q is not bound in the list context; press ? for help"))
        await h.press("g")
        #expect(h.lines[23].hasSuffix("g"), "a pending sequence shows on the right")
        await h.press("<Esc>")
        #expect(h.state.pendingKeys.isEmpty)
    }
}
