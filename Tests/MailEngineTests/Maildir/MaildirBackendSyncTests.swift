import Foundation
import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite struct MaildirBackendSyncTests {
    @Test func newMailAppearsAfterSync() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let backend = try tree.backend()
        #expect(try await backend.sync(.inbox).added == 0)
        try tree.deliver("First")
        try tree.deliver("Second", flags: [.seen])
        let report = try await backend.sync(.inbox)
        #expect(report.added == 2)
        let page = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 10, filter: nil)
        #expect(Set(page.compactMap(\.envelope.subject)) == ["First", "Second"])
        #expect(try await backend.count(in: .inbox, filter: .unread) == 1)
        let again = try await backend.sync(.inbox)
        #expect(again.added == 0 && again.removed == 0 && again.flagsChanged == 0)
    }

    @Test func uidsStayStableAcrossSyncsFlagChangesAndRenamesByOthers() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let backend = try tree.backend()
        let a = try tree.deliver("A")
        try tree.deliver("B")
        _ = try await backend.sync(.inbox)
        let before = try await backend.summaries(in: .inbox, order: SortOrder(key: .subject, descending: false), range: 0 ..< 10, filter: nil)
        let uidA = try #require(before.first { $0.envelope.subject == "A" }?.uid)
        // Another program marks A as read and flagged (moves it to cur/ with :2,FS).
        let renamed = try tree.store.maildir(for: .inbox).setFlags([.seen, .flagged], of: a)
        let report = try await backend.sync(.inbox)
        #expect(report.flagsChanged == 1 && report.added == 0 && report.removed == 0)
        try await backend.setFlags(.remove([.flagged]), on: [uidA], in: .inbox)
        _ = try await backend.sync(.inbox)
        let after = try await backend.summaries(in: .inbox, order: SortOrder(key: .subject, descending: false), range: 0 ..< 10, filter: nil)
        #expect(after.map(\.uid) == before.map(\.uid))
        #expect(after.first { $0.uid == uidA }?.flags == [.seen])
        #expect(try tree.files(.inbox, .cur).contains { $0.hasPrefix(renamed.name.unique) && $0.hasSuffix(":2,S") })
    }

    @Test func aFileDeletedByAnotherProgramDisappears() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let backend = try tree.backend()
        let gone = try tree.deliver("Gone")
        try tree.deliver("Stays")
        _ = try await backend.sync(.inbox)
        try FileManager.default.removeItem(at: gone.url)
        let report = try await backend.sync(.inbox)
        #expect(report.removed == 1)
        let page = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 10, filter: nil)
        #expect(page.map(\.envelope.subject) == ["Stays"])
    }

    @Test func anUnchangedFolderIsNotListedAgain() throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let cache = try HeaderCache(inMemoryFor: "t")
        let sync = MaildirSynchronizer(cache: cache)
        let maildir = try tree.store.maildir(for: .inbox)
        try tree.deliver("x")
        // Age the directories past the trust window.
        let old = Date().addingTimeInterval(-10)
        for sub in ["new", "cur"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: maildir.directory.appendingPathComponent(sub).path)
        }
        #expect(try sync.sync(maildir, as: .inbox).added.count == 1)
        #expect(try sync.sync(maildir, as: .inbox).unchanged)
        try tree.deliver("y")
        let third = try sync.sync(maildir, as: .inbox)
        #expect(!third.unchanged && third.added.count == 1)
    }

    @Test func recentlyChangedDirectoriesAreAlwaysCompared() throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let cache = try HeaderCache(inMemoryFor: "t")
        let sync = MaildirSynchronizer(cache: cache)
        let maildir = try tree.store.maildir(for: .inbox)
        try tree.deliver("x")
        _ = try sync.sync(maildir, as: .inbox)
        // The directories changed less than a second ago: their times are not trusted.
        #expect(try !sync.sync(maildir, as: .inbox).unchanged)
    }

    @Test func theCacheIsReusedAcrossBackendsAndRebuildsGiveNewUIDValidity() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let url = tree.root.deletingLastPathComponent().appendingPathComponent("cache-\(UUID().uuidString).sqlite")
        defer { for s in ["", "-wal", "-shm"] { unlink(url.path + s) } }
        try tree.deliver("A")
        let first = try tree.backend(cache: HeaderCache(url: url, account: "test", source: "m"))
        _ = try await first.sync(.inbox)
        let uids = try await first.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 5, filter: nil).map(\.uid)
        await first.close()
        let second = try tree.backend(cache: HeaderCache(url: url, account: "test", source: "m"))
        #expect(try await second.sync(.inbox).added == 0)
        #expect(try await second.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 5, filter: nil).map(\.uid) == uids)
        let validity = try #require(try second.cache.mailbox(.inbox)?.uidValidity)
        await second.close()
        try await Task.sleep(for: .seconds(1.1))
        let rebuilt = try tree.backend(cache: HeaderCache(url: url, account: "test", source: "other"))
        let report = try await rebuilt.sync(.inbox)
        #expect(report.rebuilt && report.added == 1)
        #expect(try rebuilt.cache.mailbox(.inbox)?.uidValidity != validity)
    }

    @Test func syncReportsProgressAndChangesAsEvents() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let backend = try tree.backend()
        let log = EventLog(backend.events)
        try tree.deliver("One")
        _ = try await backend.sync(.inbox)
        let seen = await log.wait { events in
            events.contains { if case .messagesAdded(_, let s) = $0 { return s.count == 1 } else { return false } }
                && events.contains { if case .folderCounts(let f) = $0 { return f.total == 1 && f.unread == 1 } else { return false } }
                && events.contains { if case .syncProgress(_, 1, 1, _) = $0 { return true } else { return false } }
                && events.contains { if case .syncFinished(let r) = $0 { return r.added == 1 } else { return false } }
        }
        #expect(seen)
        await backend.close()
    }
}
