import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// The viewer inside the app: Enter in the list opens the Reader document, every viewer key works.
@Suite struct ReaderScreenTests {
    @Test func openShowsHeadersAndBodyAndMarksRead() async {
        let h = Harness(inbox: 10)
        await h.start()
        await h.press("kkkkkk")
        let row = h.state.folder!.selectedRow!
        #expect(row.isUnread)
        await h.press("<Enter>")
        #expect(h.lines[0].hasPrefix(row.subject))
        #expect(h.text.contains("From:    Dmitri Ivanov <dmitri@example.test>"))
        #expect(h.text.contains("Subject: \(row.subject)"))
        #expect(h.text.contains("Message number 4."))
        #expect(h.text.contains("> quoted line"))
        #expect(await h.backend.flags(of: row.uid, in: .inbox)?.contains(.seen) == true)
        expectSnapshot(h.screen, named: "viewer-80x24")
        await h.press("J")
        #expect(h.text.contains("Message number 5."))
        await h.press("K")
        #expect(h.text.contains("Message number 4."))
        await h.press("q")
        #expect(h.state.screens.isEmpty)
        #expect(h.state.folder?.selectedRow?.uid == row.uid)
    }

    @Test func scrollPageSearchAndPosition() async {
        let body = (1...100).map { "line \($0)" }.joined(separator: "\n")
        let message = FakeMessage(uid: 1, from: "a@example.test", subject: "long", date: testNow, body: body)
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: [message]])
        let h = Harness(backends: [backend])
        await h.start()
        await h.press("<Enter>")
        #expect(h.lines[1].hasPrefix("From:    a@example.test"))
        #expect(h.lines[22].hasSuffix("Top"))
        await h.press("j")
        #expect(h.lines[1].hasPrefix("To: "), "one line down: \(h.lines[1])")
        await h.press("k<Space>")
        // 21 text rows, a page is 20: the row that was last is now first.
        let firstAfterPage = h.lines[1]
        #expect(h.state.topReader?.reader?.top == 20, "\(firstAfterPage)")
        await h.press("-")
        #expect(h.state.topReader?.reader?.top == 0)
        await h.press("<C-d>")
        #expect(h.state.topReader?.reader?.top == 10)
        await h.press("/")
        await h.type("line 80")
        await h.press("<Enter>")
        #expect(h.text.contains("line 80"))
        let top80 = h.state.topReader!.reader!.top
        await h.press("n")
        #expect(h.state.topReader?.reader?.currentMatch == 0, "only one match: n wraps to it")
        #expect(h.state.topReader!.reader!.top == top80)
        await h.press("/")
        await h.type("line 9")
        await h.press("<Enter>")
        let firstMatch = h.state.topReader!.reader!.currentMatch
        await h.press("n")
        #expect(h.state.topReader!.reader!.currentMatch == firstMatch.map { $0 + 1 })
        await h.press("N")
        #expect(h.state.topReader!.reader!.currentMatch == firstMatch)
        await h.press("G")
        #expect(h.lines[22].hasSuffix("Bot"), "\(h.lines[22])")
        #expect(h.text.contains("line 100"))
        await h.press("gg")
        #expect(h.lines[1].hasPrefix("From:    a@example.test"))
        await h.press("/")
        await h.type("nowhere")
        await h.press("<Enter>")
        #expect(h.lines[23].contains("Not found: nowhere"))
    }

    @Test func headersToggleAndRawSource() async {
        let h = ViewerFixtures.harness([ViewerFixtures.withAttachments()])
        await h.start()
        await h.press("<Enter>")
        #expect(!h.text.contains("Message-ID:"))
        await h.press("h")
        #expect(h.text.contains("Message-ID: <report@example.test>"))
        #expect(h.text.contains("MIME-Version: 1.0"))
        #expect(h.lines[22].contains("[all headers]"))
        #expect(h.lines[23].contains("Showing all headers"))
        await h.press("h")
        #expect(!h.text.contains("Message-ID:"))
        await h.press(":")
        await h.type("view-raw")
        await h.press("<Enter>")
        #expect(h.text.contains("Content-Type: multipart/mixed; boundary=\"b1\""))
        #expect(h.text.contains("--b1"))
        #expect(h.lines[22].contains("[raw]"))
        await h.press(":")
        await h.type("view-raw")
        await h.press("<Enter>")
        #expect(!h.text.contains("--b1"))
        #expect(h.text.contains("The report is attached."))
    }

    @Test func htmlToggleShowsTheOtherAlternative() async {
        let h = ViewerFixtures.harness([ViewerFixtures.alternative])
        await h.start()
        await h.press("<Enter>")
        #expect(h.text.contains("Plain words here."))
        await h.press("H")
        #expect(h.text.contains("Rich words here & there."))
        #expect(!h.text.contains("color:red"))
        #expect(h.lines[22].contains("[HTML]"))
        await h.press("H")
        #expect(h.text.contains("Plain words here."))
        // The choice is kept for the next message opened from the viewer.
        await h.press("H")
        await h.press("q<Enter>")
        #expect(h.text.contains("Plain words here."), "a message opened from the list starts from the settings")
    }

    @Test func quotedLevelsAndFolding() async {
        let h = ViewerFixtures.harness([ViewerFixtures.quoted], size: .init(width: 80, height: 40))
        await h.start()
        await h.press("<Enter>")
        #expect(h.text.contains("> Are you sure?"))
        #expect(h.text.contains(">> I think so."))
        #expect(h.text.contains(">>> Is it ready?"))
        #expect(h.text.contains("> old line 15"))
        await h.press("T")
        #expect(!h.text.contains("> old line 15"), "\(h.text)")
        #expect(h.text.contains("more quoted lines"))
        #expect(h.lines[38].contains("[quotes folded]"))
        await h.press("T")
        #expect(h.text.contains("> old line 15"))
    }

    @Test func linksAreOpenedByNumber() async {
        let h = ViewerFixtures.harness([ViewerFixtures.withAttachments()])
        h.state.config.viewer.opener = "true"
        await h.start()
        await h.press("<Enter>")
        #expect(h.text.contains("https://example.test/q3"))
        _ = h.takeEffects()
        await h.press("gx")
        // One link: opened at once.
        #expect(h.takeEffects().contains(.viewer(.openURL("https://example.test/q3", opener: "true"))))
        await h.press(":")
        await h.type("open-url 7")
        await h.press("<Enter>")
        #expect(h.lines[23].contains("\"7\" is not a link number"))
    }

    @Test func resizingLaysTheMessageOutAgain() async {
        let long = String(repeating: "word ", count: 40)
        let message = FakeMessage(uid: 1, from: "a@example.test", subject: "wide", date: testNow, body: long)
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: [message]])
        let h = Harness(backends: [backend])
        await h.start()
        await h.press("<Enter>")
        let wide = h.state.topReader!.reader!.document.lines.count
        await h.send(.resize(Size(width: 30, height: 12)))
        #expect(h.state.topReader!.reader!.options.width == 30)
        #expect(h.state.topReader!.reader!.document.lines.count > wide)
        #expect(h.lines.allSatisfy { $0.count <= 30 })
    }

    @Test func missingMessageShowsTheError() async {
        let h = Harness(inbox: 3)
        await h.start()
        let key = h.state.folder!.key
        let reference = MessageReference(folder: key, uid: UID(99))
        h.state.push(.reader(ReaderScreen(reference: reference, title: "gone")))
        await h.settle([.viewer(.load(reference))])
        #expect(h.text.contains("Cannot show this message: folder \"INBOX\" has no message with uid 99"))
    }

    @Test func hostileHeadersNeverReachTheTerminal() async {
        let raw = "From: \"Evil\u{1B}[2J\u{202E}gpj.exe\" <e@example.test>\r\nSubject: Hi\u{1B}]0;owned\u{07} there\u{200F}\r\n\r\nBody \u{1B}[31mred\u{1B}[0m \u{9B}2J text\r\n"
        let h = ViewerFixtures.harness([Array(raw.utf8)])
        await h.start()
        await h.press("<Enter>")
        #expect(h.text.contains("Body"))
        var frame = Frame(size: Size(width: 80, height: 24))
        AppRenderer.render(&h.state, into: &frame)
        #expect(unsafeScalars(in: frame.buffer).isEmpty)
    }
}
