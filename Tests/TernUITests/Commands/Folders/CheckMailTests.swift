import Foundation
import MailCore
import MailEngine
import Testing
import TernConfig
import TernTestSupport
@testable import TernUI

/// `check-mail` (F5): the open folder, and the inbox of every account that downloads (POP3).
@Suite struct CheckMailTests {
    /// Two accounts: `local` (a Maildir) open, `pop` downloading into its inbox.
    static func harness() async -> (Harness, local: FakeMailBackend, pop: FakeMailBackend) {
        let local = FakeMailBackend.standard(account: "local", inbox: 3)
        let pop = FakeMailBackend.standard(account: "pop", inbox: 2)
        let h = Harness(backends: [local, pop])
        h.state.updateAccount("pop") { $0.downloadsMail = true }
        await h.start()
        await local.clearCalls()
        await pop.clearCalls()
        return (h, local, pop)
    }

    @Test func downloadsForEveryPOP3AccountWhateverFolderIsOpen() async throws {
        let (h, local, pop) = await Self.harness()
        await pop.queueArrivals([FakeMessage(uid: 50, from: "Far <far@example.test>", subject: "Downloaded",
                                             date: testNow.addingTimeInterval(-60))], in: .inbox)
        await h.press("<F5>")
        #expect(await pop.calls.contains("sync INBOX"), "the POP3 inbox was synced (downloaded) though not open")
        #expect(await local.calls.contains("sync INBOX"), "the open folder was synced")
        #expect(await pop.calls.contains("folders"))
        #expect(h.state.folder?.key == FolderKey(account: "local", path: .inbox), "the open folder stays")
        #expect(try await pop.count(in: .inbox, filter: nil) == 3)
    }

    @Test func aShownPOP3InboxIsSyncedOnceAndReloaded() async {
        let (h, _, pop) = await Self.harness()
        await h.settle(h.state.openFolder(FolderKey(account: "pop", path: .inbox)))
        await pop.clearCalls()
        await pop.queueArrivals([FakeMessage(uid: 60, from: "Far <far@example.test>", subject: "Arrived by POP3",
                                             date: testNow.addingTimeInterval(-30))], in: .inbox)
        await h.press("<F5>")
        #expect(await pop.calls.filter { $0 == "sync INBOX" }.count == 1)
        #expect(h.state.folder?.count == 3)
        #expect(h.text.contains("Arrived by POP3"))
    }

    @Test func accountsThatDoNotDownloadAreLeftAlone() async {
        let local = FakeMailBackend.standard(account: "local", inbox: 3)
        let other = FakeMailBackend.standard(account: "other", inbox: 2)
        let h = Harness(backends: [local, other])
        await h.start()
        await other.clearCalls()
        await h.press("<F5>")
        #expect(await !other.calls.contains("sync INBOX"))
    }

    @Test func theConfigMarksPOP3AccountsAsDownloading() throws {
        let toml = """
            [accounts.home]
            from = "Me <me@example.org>"
            [accounts.home.pop3]
            host = "pop.example.org"
            user = "me"
            password_env = "X"
            maildir = "/tmp/tern-pop"
            [accounts.disk]
            from = "Me <me@example.org>"
            [accounts.disk.maildir]
            path = "/tmp/tern-disk"
            """
        let config = try ConfigLoader(environment: ["HOME": "/tmp"]).parse(text: toml, file: "test.toml")
        let ui = UIConfiguration(config)
        #expect(ui.accounts.first { $0.name == "home" }?.downloadsMail == true)
        #expect(ui.accounts.first { $0.name == "disk" }?.downloadsMail == false)
    }
}
