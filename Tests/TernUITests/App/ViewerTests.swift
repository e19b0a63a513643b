import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// Enter opens the minimal read-only message view.
@Suite struct ViewerTests {
    @Test func openShowsHeadersAndBodyAndMarksRead() async {
        let h = Harness(inbox: 10)
        await h.start()
        await h.press("kkkkkk")
        let row = h.state.folder!.selectedRow!
        #expect(row.isUnread)
        await h.press("<Enter>")
        #expect(h.lines[0].hasPrefix(row.subject))
        #expect(h.text.contains("From: Dmitri Ivanov <dmitri@example.test>"))
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

    @Test func viewerSearchAndScroll() async {
        let body = (1...100).map { "line \($0)" }.joined(separator: "\n")
        let message = FakeMessage(uid: 1, from: "a@example.test", subject: "long", date: testNow, body: body)
        let backend = FakeMailBackend(accountName: "t", folders: [FolderInfo(path: .inbox)], messages: [.inbox: [message]])
        let h = Harness(backends: [backend])
        await h.start()
        await h.press("<Enter>")
        #expect(h.lines[1].hasPrefix("From: a@example.test"))
        await h.press("<Space>")
        #expect(h.lines[1].hasPrefix("line 16"), "\(h.lines[1])")
        await h.press("/")
        await h.type("line 80")
        await h.press("<Enter>")
        #expect(h.lines[1].hasPrefix("line 80"))
        await h.press("G")
        #expect(h.lines[21].hasPrefix("sig") || h.lines[21].hasPrefix("line 100"), "\(h.lines)")
        #expect(h.lines[22].hasSuffix("end"))
    }

    @Test func htmlOnlyMessageShowsItsText() {
        let bytes = Array("From: a@example.test\r\nSubject: hi\r\nContent-Type: text/html\r\n\r\n<html><style>p{}</style><p>Hello <b>there</b></p><p>bye &amp; thanks</p></html>\r\n".utf8)
        let text = MessageText.lines(bytes, preferHTML: false, theme: .plain).map(\.plainText)
        #expect(text.contains { $0.contains("Hello there") })
        #expect(text.contains { $0.contains("bye & thanks") })
        #expect(!text.joined().contains("p{}"))
    }

    @Test func missingMessageShowsTheError() async {
        let h = Harness(inbox: 3)
        await h.start()
        let key = h.state.folder!.key
        h.state.push(.page(Page(kind: .message(MessageReference(folder: key, uid: UID(99))), title: "gone", lines: nil)))
        await h.settle([.loadMessage(MessageReference(folder: key, uid: UID(99)), preferHTML: false)])
        #expect(h.text.contains("Cannot show this message: folder \"INBOX\" has no message with uid 99"))
    }
}
