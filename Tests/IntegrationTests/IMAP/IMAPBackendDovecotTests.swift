import Foundation
import IMAP
import MailCore
import MailEngine
import MailStore
import TernTestSupport
import Testing
import Transport

/// The IMAP account backend against the real Dovecot of the test stack, each test with a user
/// of its own.
@Suite(.enabled(if: MailStack.shouldRun), .serialized)
struct IMAPBackendDovecotTests {
    @Test func foldersHaveTheirRolesAndConfigOverridesWin() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let backend = try fixture.backend()
        try await backend.createFolder(MailboxPath("Sent Items"))
        try await backend.createFolder(MailboxPath(["Projects", "Tern"]))
        let folders = try await backend.folders()
        let roles = Dictionary(folders.compactMap { f in f.role.map { ($0, f.path.description) } }, uniquingKeysWith: { a, _ in a })
        #expect(roles[.inbox] == "INBOX")
        #expect(roles[.sent] == "Sent" && roles[.drafts] == "Drafts" && roles[.trash] == "Trash")
        #expect(roles[.junk] == "Junk" && roles[.archive] == "Archive")
        #expect(folders.contains { $0.path == MailboxPath(["Projects", "Tern"]) })
        #expect(folders.first?.path == .inbox, "the inbox comes first")
        #expect(folders.first { $0.path.isInbox }?.total == 0)
        await backend.close()

        let overridden = try fixture.backend(cacheName: "other", roles: FolderRoles(overrides: [.sent: MailboxPath("Sent Items")]))
        let again = try await overridden.folders()
        #expect(again.first { $0.role == .sent }?.path == MailboxPath("Sent Items"))
        #expect(again.filter { $0.role == .sent }.count == 1)
        try await overridden.renameFolder(MailboxPath("Projects"), to: MailboxPath("Work"))
        #expect(try await overridden.folders().contains { $0.path == MailboxPath(["Work", "Tern"]) })
        try await overridden.deleteFolder(MailboxPath(["Work", "Tern"]))
        #expect(!(try await overridden.folders().contains { $0.path == MailboxPath(["Work", "Tern"]) }))
        await overridden.close()
    }

    @Test func aThousandAppendedMessagesAreSyncedAndListed() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        let uids = try await fixture.append(1000, to: "Bulk", via: client)
        #expect(uids.count == 1000)
        let backend = try fixture.backend()
        let events = BackendEventLog(backend)
        let report = try await backend.sync(MailboxPath("Bulk"))
        #expect(report.added == 1000 && report.removed == 0 && !report.rebuilt)
        #expect(try await backend.count(in: MailboxPath("Bulk"), filter: nil) == 1000)
        let page = try await backend.summaries(in: MailboxPath("Bulk"), order: .newestFirst, range: 0 ..< 50, filter: nil)
        #expect(page.count == 50)
        #expect(page.first?.uid == uids.last, "newest first (same Date header: ties break on uid)")
        #expect(page.first?.envelope.subject == "message 999")
        #expect(page.first?.envelope.from.first?.address == "alice@example.test")
        #expect(page.allSatisfy { $0.size > 0 && $0.sortDate != nil })
        #expect(try await backend.threadingRows(in: MailboxPath("Bulk")).count == 1000)
        #expect(try await backend.search(.subject("999"), in: MailboxPath("Bulk")) == [uids[999]])
        // The first screen was announced before the sync finished.
        #expect(await events.wait { $0.contains { if case .messagesAdded(_, let added) = $0 { !added.isEmpty } else { false } } })
        // A second sync asks for nothing new.
        let again = try await backend.sync(MailboxPath("Bulk"))
        #expect(again.added == 0 && again.removed == 0 && again.flagsChanged == 0)
        // Bodies come from the server once, then from the disk cache.
        let bytes = try await backend.messageBytes(uids[3], in: MailboxPath("Bulk"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("Body of message 3: lunch at noon."))
        #expect(try await backend.messageBytes(uids[3], in: MailboxPath("Bulk")) == bytes)
        #expect(try await backend.search(.body("message 7:"), in: MailboxPath("Bulk")) == [uids[7]])
        await backend.close()
        await client.logout()
    }

    @Test(arguments: [true, false])
    func changesByAnotherClientAppearAfterSync(quickResync: Bool) async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        let uids = try await fixture.append(20, to: "INBOX", via: client)
        let options = IMAPBackendOptions(useQResync: quickResync, useCondStore: quickResync)
        let backend = try fixture.backend(options: options)
        #expect(try await backend.sync(.inbox).added == 20)
        #expect(try await backend.count(in: .inbox, filter: .unread) == 20)

        _ = try await client.select(.inbox)
        _ = try await client.store(SequenceSet(uids[0...2].map(\.value)), .add, flags: [.flagged, .seen])
        _ = try await client.expunge(SequenceSet([uids[10].value, uids[11].value]))
        try await fixture.append(1, to: "INBOX", via: client, subject: "late")

        let report = try await backend.sync(.inbox)
        #expect(report.flagsChanged == 3, "\(report)")
        #expect(report.removed == 2 && report.added == 1, "\(report)")
        #expect(try await backend.count(in: .inbox, filter: nil) == 19)
        #expect(try await backend.search(.flagged, in: .inbox) == Array(uids[0...2]))
        #expect(try await backend.count(in: .inbox, filter: .unread) == 16)
        #expect(try await backend.search(.subject("late"), in: .inbox).count == 1)
        // Our own change reaches the server and the cache.
        try await backend.setFlags(.add([.seen]), on: [uids[5]], in: .inbox)
        #expect(try await backend.count(in: .inbox, filter: .unread) == 15)
        let seen = try await client.fetchAll(SequenceSet([uids[5].value]), items: [.flags])
        #expect(seen.first?.mailFlags?.contains(.seen) == true)
        #expect(try await backend.sync(.inbox).flagsChanged == 0)
        await backend.close()
        await client.logout()
    }

    @Test func moveDeleteAndExpunge() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        let uids = try await fixture.append(6, to: "INBOX", via: client)
        let backend = try fixture.backend()
        _ = try await backend.sync(.inbox)
        try await backend.move([uids[0], uids[1]], from: .inbox, to: MailboxPath("Archive"))
        try await backend.delete([uids[2]], in: .inbox)
        #expect(try await backend.search(.and([]), in: .inbox) == Array(uids[3...5]))
        #expect(try await backend.sync(MailboxPath("Archive")).added == 2)
        #expect(try await backend.sync(MailboxPath("Trash")).added == 1)
        let inTrash = try await backend.search(.and([]), in: MailboxPath("Trash"))
        try await backend.delete(inTrash, in: MailboxPath("Trash"))
        #expect(try await backend.sync(MailboxPath("Trash")).removed == 0, "already gone from the cache")
        #expect(try await client.status(await client.mailboxName("Trash")).messageCount == 0)
        try await backend.copy([uids[3]], from: .inbox, to: MailboxPath("Archive"))
        #expect(try await backend.sync(MailboxPath("Archive")).added == 1)
        #expect(try await backend.sync(.inbox) == SyncReport(folder: .inbox))
        #expect(try await client.status(.inbox).messageCount == 3)
        let appended = try await backend.append(Array("From: a@example.test\nSubject: kept\n\nbody\n".utf8), to: MailboxPath("Drafts"),
                                                flags: [.draft, .seen], date: nil)
        #expect(appended != nil)
        await backend.close()
        await client.logout()
    }

    @Test func idleDeliversNewMailWithinASecond() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        try await fixture.append(2, to: "INBOX", via: client)
        let backend = try fixture.backend()
        _ = try await backend.sync(.inbox)
        let events = BackendEventLog(backend)
        try await backend.watch(.inbox)
        #expect(await events.wait { $0.contains { if case .connection(.idle) = $0 { true } else { false } } })
        try await Task.sleep(for: .milliseconds(200))
        let start = ContinuousClock.now
        try await fixture.append(1, to: "INBOX", via: client, subject: "pushed")
        let arrived = await events.wait(.seconds(3)) { events in
            events.contains { event in
                if case .messagesAdded(_, let added) = event { added.contains { $0.envelope.subject == "pushed 0" } } else { false }
            }
        }
        let elapsed = ContinuousClock.now - start
        #expect(arrived)
        #expect(elapsed < .seconds(1), "the new message took \(elapsed)")
        #expect(try await backend.count(in: .inbox, filter: nil) == 3)
        await backend.close()
        await client.logout()
    }

    @Test func aConnectionKilledDuringAFetchReconnectsAndFinishes() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        let uids = try await fixture.append(1500, to: "Big", via: client)
        let proxy = try CuttingProxy(target: fixture.stack.imapsPort, cutAfter: 200_000)
        defer { proxy.stop() }
        let backend = try fixture.backend(options: IMAPBackendOptions(batchSize: 250), port: proxy.port)
        let events = BackendEventLog(backend)
        await #expect(throws: BackendError.self) { try await backend.sync(MailboxPath("Big")) }
        #expect(proxy.didCut)
        let partial = try await backend.count(in: MailboxPath("Big"), filter: nil)
        #expect(partial > 0 && partial < 1500, "the cut came in the middle (\(partial) cached)")
        #expect(events.all.contains { if case .connection(.offline) = $0 { true } else { false } })
        let report = try await backend.sync(MailboxPath("Big"))
        #expect(report.added == 1500 - partial)
        #expect(try await backend.search(.and([]), in: MailboxPath("Big")) == uids)
        await backend.close()
        await client.logout()
    }

    @Test func aMessageOpenedDuringALongFirstSyncIsServedBetweenItsChunks() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        let big = try await fixture.append(1200, to: "Long", via: client)
        let other = try await fixture.append(1, to: "Other", via: client, subject: "elsewhere")
        let backend = try fixture.backend(options: IMAPBackendOptions(batchSize: 50, firstBatchSize: 50, pipelineDepth: 2))
        _ = try await backend.sync(MailboxPath("Other"))
        let sync = Task { try await backend.sync(MailboxPath("Long")) }
        try await Task.sleep(for: .milliseconds(100))
        let bytes = try await backend.messageBytes(other[0], in: MailboxPath("Other"))
        let openedWhileSyncing = try backend.cache.count(in: MailboxPath("Long")) < 1200
        #expect(String(decoding: bytes, as: UTF8.self).contains("elsewhere 0"))
        let report = try await sync.value
        #expect(openedWhileSyncing, "the message waited for the whole sync")
        #expect(report.added == 1200)
        // The sync went back to its folder after the other one was selected: nothing mixed in.
        #expect(try await backend.search(.and([]), in: MailboxPath("Long")) == big)
        #expect(try await backend.search(.subject("elsewhere"), in: MailboxPath("Long")).isEmpty)
        await backend.close()
        await client.logout()
    }

    @Test func aNewUIDValidityDropsTheCachedFolder() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        try await fixture.append(5, to: "Volatile", via: client)
        let backend = try fixture.backend()
        #expect(try await backend.sync(MailboxPath("Volatile")).added == 5)
        let before = try #require(try backend.cache.mailbox(MailboxPath("Volatile")))
        // Deleted and made again: the server gives the folder a new UIDVALIDITY.
        try await client.delete(await client.mailboxName("Volatile"))
        try await Task.sleep(for: .milliseconds(1100))
        try await fixture.append(2, to: "Volatile", via: client, subject: "fresh")
        let report = try await backend.sync(MailboxPath("Volatile"))
        #expect(report.rebuilt)
        #expect(report.added == 2)
        #expect(try backend.cache.mailbox(MailboxPath("Volatile"))?.uidValidity != before.uidValidity)
        #expect(try await backend.search(.subject("fresh"), in: MailboxPath("Volatile")).count == 2)
        #expect(try await backend.count(in: MailboxPath("Volatile"), filter: nil) == 2)
        await backend.close()
        await client.logout()
    }
}

/// Events of a backend collected in the background.
final class BackendEventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [BackendEvent] = []

    init(_ backend: some MailBackend) {
        Task { [weak self] in
            for await event in backend.events { self?.append(event) }
        }
    }

    private func append(_ event: BackendEvent) {
        lock.withLock { stored.append(event) }
    }

    var all: [BackendEvent] { lock.withLock { stored } }

    /// Waits up to `timeout` for the events to satisfy `condition`.
    func wait(_ timeout: Duration = .seconds(30), _ condition: ([BackendEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(all)
    }
}

/// A large first sync shared by the command connection and helper connections.
@Suite(.enabled(if: MailStack.shouldRun)) struct IMAPBackendParallelSyncTests {
    @Test func aLargeFirstSyncIsSharedWithHelperConnectionsAndCachesEveryMessageOnce() async throws {
        let fixture = try IMAPBackendFixture.make()
        defer { fixture.remove() }
        let client = try await fixture.otherClient()
        let uids = try await fixture.append(1000, to: "Shared", via: client)
        let lines = TraceLines()
        // Chunks of 20 UIDs: plenty left for the helpers when they have logged in.
        let options = IMAPBackendOptions(batchSize: 10, firstBatchSize: 50, pipelineDepth: 1, fetchConnections: 3,
                                         parallelFetchThreshold: 100, writeBatchRows: 300)
        let cache = try HeaderCache(url: fixture.directory.appendingPathComponent("shared.sqlite"), account: fixture.user.name,
                                    source: "imap://\(fixture.user.name)@test")
        let settings = fixture.settings()
        let backend = IMAPBackend(accountName: fixture.user.name, cache: cache, options: options,
                                  trace: lines.makeTrace()) { settings }
        let path = MailboxPath("Shared")
        let report = try await backend.sync(path)
        #expect(report.added == 1000)
        #expect(try cache.uids(in: path) == uids.sorted())
        #expect(try cache.mailbox(path)?.isComplete == true)
        #expect(try await backend.search(.subject("777"), in: path) == [uids[777]])
        #expect(lines.matching(" EXAMINE ") == 2, "two helper connections opened the folder read-only")
        #expect(try await backend.sync(path).added == 0)
        await backend.close()
        await client.logout()
    }
}
