import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// A folder opened with no cache: its first sync's rows show up while the sync goes on, not only
/// when it ends.
@Suite struct FirstSyncTests {
    @Test func rowsInTheCacheShowWhileTheFirstSyncRuns() async {
        let h = Harness(inbox: 0)
        await h.start()
        #expect(h.text.contains("No messages in INBOX"))
        // The sync wrote its first batch (the newest mail) to the cache and said so.
        await h.backend.store(FakeMessage.generated(count: 200, firstUID: 99_801), in: .inbox)
        await h.deliver(.event(account: "test", .syncProgress(folder: .inbox, done: 200, total: 100_000, bytes: nil)))
        #expect(h.state.folder?.count == 200)
        #expect(h.lines[22].contains("200 msgs"))
        #expect(h.lines[22].contains("syncing INBOX 200/100,000"))
        #expect(h.lines[22].hasSuffix("200/200"), "the newest message is selected: \(h.lines[22])")
        #expect(!h.text.contains("No messages"))

        // Once a screen is full, progress alone does not reload: the list waits for the end.
        _ = h.takeEffects()
        await h.backend.store(FakeMessage.generated(count: 1000, newest: Date(timeIntervalSince1970: 1_780_000_000), firstUID: 1), in: .inbox)
        await h.deliver(.event(account: "test", .syncProgress(folder: .inbox, done: 1200, total: 100_000, bytes: nil)))
        #expect(h.state.folder?.count == 200)
        #expect(!h.takeEffects().contains { if case .loadCount = $0 { return true } else { return false } })
        await h.deliver(.event(account: "test", .syncFinished(SyncReport(folder: .inbox, added: 1200))))
        #expect(h.state.folder?.count == 1200)
        #expect(h.lines[22].hasSuffix("1,200/1,200"), "still on the newest message: \(h.lines[22])")
    }

    /// IMAP fills the cache oldest first: the first rows shown are old, and once the sync ends the
    /// list is on the newest message, not on the last of the first rows.
    @Test func anUntouchedListEndsOnTheNewestMessage() async {
        let h = Harness(inbox: 0)
        await h.start()
        await Self.showFirstRows(h)
        #expect(h.lines[22].hasSuffix("10/10"))
        await h.backend.store(FakeMessage.generated(count: 490, firstUID: 11), in: .inbox)
        await h.deliver(.event(account: "test", .syncFinished(SyncReport(folder: .inbox, added: 500))))
        #expect(h.lines[22].hasSuffix("500/500"), "\(h.lines[22])")
    }

    /// The same when the sync says so by adding messages chunk by chunk.
    @Test func chunksOfAddedMessagesEndOnTheNewestMessage() async {
        let h = Harness(inbox: 0)
        await h.start()
        var uid: UInt32 = 1
        for chunk in 0..<5 {
            let list = FakeMessage.generated(count: 100, newest: Date(timeIntervalSince1970: 1_700_000_000 + Double(chunk) * 86_400), firstUID: uid)
            uid += 100
            await h.backend.store(list, in: .inbox)
            await h.deliver(.event(account: "test", .messagesAdded(folder: .inbox, list.map(\.summary))))
        }
        await h.deliver(.event(account: "test", .syncFinished(SyncReport(folder: .inbox, added: 500))))
        #expect(h.lines[22].hasSuffix("500/500"), "\(h.lines[22])")
    }

    @Test func aMovedSelectionStaysOnItsMessage() async throws {
        let h = Harness(inbox: 0)
        await h.start()
        await Self.showFirstRows(h)
        await h.press("kk")
        let uid = try #require(h.state.folder?.selectedRow?.uid)
        await h.backend.store(FakeMessage.generated(count: 490, firstUID: 11), in: .inbox)
        await h.deliver(.event(account: "test", .syncFinished(SyncReport(folder: .inbox, added: 500))))
        #expect(h.state.folder?.selectedRow?.uid == uid)
    }

    /// A key pressed while the reload that ends a first sync is on its way is not undone when the
    /// rows arrive (the end-to-end Ctrl-Z test lost its `k` this way now and then).
    @Test func aKeyPressedWhileTheReloadIsOnItsWayIsKept() async throws {
        let h = Harness(inbox: 0)
        await h.start()
        await Self.showFirstRows(h)
        #expect(h.lines[22].hasSuffix("10/10"))
        await h.backend.store(FakeMessage.generated(count: 490, firstUID: 11), in: .inbox)
        let reload = h.state.apply(.event(account: "test", .syncFinished(SyncReport(folder: .inbox, added: 500))))
        let moved = h.state.handle(.key(.char("k")))
        let uid = try #require(h.state.folder?.selectedRow?.uid, "the rows stay on screen while the reload runs")
        await h.settle(reload + moved)
        #expect(h.state.folder?.selectedRow?.uid == uid)
        #expect(h.state.folder?.count == 500)
    }

    /// The same with a second reload queued behind the first (more rows came meanwhile): the key is
    /// not undone by the second one either. Before the fix the first answer passed the moved line on
    /// as the start to follow, and the queued reload put the selection back on the newest message
    /// (the end-to-end tests lost a `k`, or a search's result, now and then this way).
    @Test func aKeyPressedWhileTwoReloadsAreOnTheirWayIsKept() async throws {
        let h = Harness(inbox: 0)
        await h.start()
        await Self.showFirstRows(h)
        #expect(h.lines[22].hasSuffix("10/10"))
        await h.backend.store(FakeMessage.generated(count: 480, firstUID: 11), in: .inbox)
        let reload = h.state.apply(.event(account: "test", .syncFinished(SyncReport(folder: .inbox, added: 490))))
        let more = FakeMessage.generated(count: 10, newest: Date(timeIntervalSince1970: 1_600_000_000), firstUID: 491)
        await h.backend.store(more, in: .inbox)
        let queued = h.state.apply(.event(account: "test", .messagesAdded(folder: .inbox, more.map(\.summary))))
        #expect(h.state.folder?.loads.reloadQueued == true, "the second reload waits for the first")
        let moved = h.state.handle(.key(.char("k")))
        let uid = try #require(h.state.folder?.selectedRow?.uid)
        await h.settle(reload + queued + moved)
        #expect(h.state.folder?.count == 500)
        #expect(h.state.folder?.selectedRow?.uid == uid, "\(h.lines[22])")
    }

    /// The same reload with no key pressed ends on the newest message, with the rows kept meanwhile.
    @Test func anUntouchedReloadKeepsTheRowsUntilTheNewOnesArrive() async throws {
        let h = Harness(inbox: 0)
        await h.start()
        await Self.showFirstRows(h)
        await h.backend.store(FakeMessage.generated(count: 490, firstUID: 11), in: .inbox)
        let reload = h.state.apply(.event(account: "test", .syncFinished(SyncReport(folder: .inbox, added: 500))))
        #expect(h.state.folder?.selectedRow != nil)
        await h.settle(reload)
        #expect(h.lines[22].hasSuffix("500/500"), "\(h.lines[22])")
    }

    /// A search whose answer comes after the list was reloaded (a sync brought rows meanwhile) is
    /// run again on the list as it is, not dropped (the end-to-end viewer test's search did
    /// nothing now and then this way).
    @Test func aSearchAnsweredAfterTheListReloadedRunsAgain() async throws {
        let h = Harness(inbox: 40)
        await h.start()
        let search = h.state.searchList(.subject("Invoice 2231 #12"), text: "subject:Invoice 2231 #12", backward: false)
        #expect(search.contains { if case .find = $0 { return true } else { return false } })
        let more = FakeMessage.generated(count: 5, newest: Date(timeIntervalSince1970: 1_600_000_000), firstUID: 1001)
        await h.backend.store(more, in: .inbox)
        let reload = h.state.apply(.event(account: "test", .messagesAdded(folder: .inbox, more.map(\.summary))))
        await h.settle(search + reload)
        #expect(h.state.folder?.count == 45)
        #expect(h.state.folder?.selectedRow?.subject == "Invoice 2231 #12", "\(h.lines[22])")
    }

    /// A sync that brought mail fetches the folder's newest message in the background (the one
    /// most often opened first) from a backend that keeps it; one that brought none, or another
    /// folder's, does not.
    @Test func aSyncThatBringsMailPrefetchesTheNewestMessage() async {
        let h = Harness(backends: [FakeMailBackend.standard(account: "test", inbox: 0, capabilities: [.copy, .bodyCache])])
        await h.start()
        let list = FakeMessage.generated(count: 30, newest: Date(timeIntervalSince1970: 1_700_000_000), firstUID: 1)
        await h.backend.store(list, in: .inbox)
        var before = await h.backend.calls.count
        await h.deliver(.synced(FolderKey(account: "test", path: .inbox), .success(SyncReport(folder: .inbox, added: 30))))
        let newest = list.max { $0.summary.envelope.date ?? .distantPast < $1.summary.envelope.date ?? .distantPast }!.summary.uid
        #expect(await h.backend.calls.dropFirst(before).contains("messageBytes INBOX \(newest)"))
        before = await h.backend.calls.count
        await h.deliver(.synced(FolderKey(account: "test", path: .inbox), .success(SyncReport(folder: .inbox))))
        await h.deliver(.synced(FolderKey(account: "test", path: MailboxPath("Archive")), .success(SyncReport(folder: MailboxPath("Archive"), added: 3))))
        #expect(await !h.backend.calls.dropFirst(before).contains { $0.hasPrefix("messageBytes") })
    }

    /// A backend that does not keep messages (an IMAP account with its body cache off, a Maildir)
    /// is not asked for the newest: it would be read or downloaded for nothing.
    @Test func noPrefetchFromABackendThatKeepsNoMessages() async {
        let h = Harness(inbox: 0)
        await h.start()
        await h.backend.store(FakeMessage.generated(count: 30, newest: Date(timeIntervalSince1970: 1_700_000_000), firstUID: 1), in: .inbox)
        let before = await h.backend.calls.count
        await h.deliver(.synced(FolderKey(account: "test", path: .inbox), .success(SyncReport(folder: .inbox, added: 30))))
        #expect(h.state.folder?.count == 30)
        #expect(await !h.backend.calls.dropFirst(before).contains { $0.hasPrefix("messageBytes") })
    }

    /// A first sync of 500 messages has cached its first 10 (old ones, uids 1-10) and said so:
    /// they are on screen, the newest of them selected.
    static func showFirstRows(_ h: Harness) async {
        await h.backend.store(FakeMessage.generated(count: 10, newest: Date(timeIntervalSince1970: 1_700_000_000), firstUID: 1), in: .inbox)
        await h.deliver(.event(account: "test", .syncProgress(folder: .inbox, done: 10, total: 500, bytes: nil)))
    }

    @Test func progressOfAnotherFolderChangesNothing() async {
        let h = Harness(inbox: 0)
        await h.start()
        await h.backend.store(FakeMessage.generated(count: 5), in: MailboxPath("Archive"))
        _ = h.takeEffects()
        await h.deliver(.event(account: "test", .syncProgress(folder: MailboxPath("Archive"), done: 5, total: 10, bytes: nil)))
        #expect(h.takeEffects().isEmpty)
        #expect(h.state.folder?.count == 0)
    }
}
