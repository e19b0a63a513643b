import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernConfig
import TernTestSupport
@testable import TernUI

/// `layout = "split"`: the message list stays on top and the viewer takes the rest of the screen.
@Suite struct SplitLayoutTests {
    @Test func theViewerOpensUnderTheList() async {
        let h = Harness(inbox: 30, size: Size(width: 80, height: 30))
        h.state.config.layout = .split
        await h.start()
        await h.press("<Enter>")
        let row = h.state.folder!.selectedRow!
        // 27 rows for the list and the viewer: the list keeps 9 of them.
        #expect(ReaderScreenView.splitListRows(height: 30) == 9)
        #expect(h.lines[0...8].contains { $0.contains(row.subject) }, "the list is still there\n\(h.text)")
        #expect(h.lines[9].hasPrefix(row.subject), "the subject line under the list: \(h.lines[9])")
        #expect(h.lines[10].hasPrefix("From:    "), "\(h.lines[10])")
        #expect(h.lines[28].hasPrefix("q closes"), "\(h.lines[28])")
        #expect(h.state.topReader?.reader?.height == 18)
        #expect(h.state.keyContext == .viewer)
        // K shows the previous message: the list's selection follows in the pane above.
        await h.press("K")
        let next = h.state.folder!.selectedRow!
        #expect(next.uid != row.uid)
        #expect(h.lines[9].hasPrefix(next.subject))
        #expect(h.lines[0...8].contains { $0.contains(next.subject) })
        // q closes the viewer pane: the list has the screen again.
        await h.press("q")
        #expect(h.state.screens.isEmpty)
        #expect(!h.text.contains("From:    "))
    }

    @Test func aLowScreenFallsBackToFullScreen() async {
        let h = Harness(inbox: 5, size: Size(width: 80, height: 10))
        h.state.config.layout = .split
        await h.start()
        await h.press("<Enter>")
        #expect(h.lines[1].hasPrefix("From:    "), "\(h.text)")
    }

    @Test func fullScreenIsTheDefault() async {
        #expect(UIConfiguration(accounts: [.init(name: "a")]).layout == .full)
        let config = try? ConfigLoader(environment: ["HOME": "/nonexistent"]).parse(text: """
            layout = "split"
            [accounts.a]
            from = "a@example.test"
            [accounts.a.maildir]
            path = "/nonexistent/mail"
            """, file: "split.toml")
        #expect(config.map { UIConfiguration($0).layout } == .split)
    }
}
