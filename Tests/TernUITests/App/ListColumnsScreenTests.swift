import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// What the list and status line show for particular folders and states: the recipient in Sent
/// and Drafts, the flag column, the outbox count.
@Suite struct ListColumnsScreenTests {
    private func backend() -> FakeMailBackend {
        let me = "Alice <alice@example.test>"
        let sent = [
            FakeMessage(uid: 1, from: me, to: "Bob Baker <bob@example.test>", subject: "Minutes", date: testNow.addingTimeInterval(-7200),
                        flags: [.seen]),
            FakeMessage(uid: 2, from: me, to: "carol@example.test", subject: "Invoice", date: testNow.addingTimeInterval(-600),
                        flags: [.seen, .answered, .flagged], attachments: true),
        ]
        let inbox = [
            FakeMessage(uid: 1, from: "Bob Baker <bob@example.test>", to: me, subject: "Agenda", date: testNow.addingTimeInterval(-30)),
        ]
        return FakeMailBackend(accountName: "test", folders: [FolderInfo(path: .inbox, role: .inbox),
                                                              FolderInfo(path: MailboxPath("Sent"), role: .sent)],
                               messages: [.inbox: inbox, MailboxPath("Sent"): sent])
    }

    @Test func sentShowsTheRecipientAndInboxTheSender() async throws {
        let h = Harness(size: Size(width: 120, height: 24), backends: [backend()])
        await h.start()
        let inboxRow = try #require(h.lines.first { $0.contains("Agenda") })
        #expect(inboxRow.contains("Bob Baker"))
        #expect(inboxRow.contains("just now"))
        #expect(!inboxRow.contains("To Bob"))
        await h.press("c")
        await h.type("Sent")
        await h.press("<Enter>")
        let minutes = try #require(h.lines.first { $0.contains("Minutes") })
        #expect(minutes.contains("To Bob Baker"))
        #expect(!minutes.contains("Alice"))
        let invoice = try #require(h.lines.first { $0.contains("Invoice") })
        #expect(invoice.contains("To carol@example."), "an address without a name: \(invoice)")
        #expect(invoice.contains("10 min ago"))
        // Flags: tag, new/deleted, flagged, replied/forwarded, attachment.
        #expect(invoice.contains(" Fr@ "), "\(invoice)")
    }

    @Test func outboxCountInTheStatusLine() async {
        let h = Harness(inbox: 3)
        await h.start()
        #expect(!h.lines[22].contains("queued"))
        h.state.accounts[0].outboxQueued = 2
        h.render()
        #expect(h.lines[22].contains("2 queued"))
    }
}
