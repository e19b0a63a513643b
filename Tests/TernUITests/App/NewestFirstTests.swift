import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// An account that fetches a folder's newest messages first (IMAP): on a cold start its inbox's
/// newest page comes before anything else on the connection (the folder list, the full sync); on
/// a warm start the cached rows come first.
@Suite struct NewestFirstTests {
    /// The backend calls that use the connection, in the order they were made.
    private func networkCalls(_ h: Harness) async -> [String] {
        await h.backend.calls.filter { $0.hasPrefix("sync") || $0 == "folders" || $0.hasPrefix("watch") }
    }

    @Test func aColdStartFetchesTheNewestPageBeforeTheFolderListAndTheSync() async throws {
        let h = Harness(backends: [FakeMailBackend.standard(account: "test", inbox: 0)], fetchesNewestFirst: true)
        await h.backend.queueArrivals(FakeMessage.generated(count: 500, firstUID: 1), in: .inbox)
        await h.start()
        let calls = await networkCalls(h)
        // 24 rows: the list is shorter than the newest page's 50.
        #expect(calls == ["syncNewest INBOX 50", "folders", "sync INBOX", "watch INBOX"])
        #expect(h.state.folder?.count == 500)
        #expect(h.lines[22].hasSuffix("500/500"), "on the newest message: \(h.lines[22])")
        #expect(h.lines[21].contains("#500"), "\(h.lines[21])")
        #expect(h.text.contains("Sent"), "the folder list came after the first page: \(h.text)")
    }

    /// The rows announced by the newest page are being loaded when its answer arrives: the
    /// answer does not start that load over (a new generation would throw the first away).
    @Test func theAnswerToTheNewestPageDoesNotRestartTheLoadOfItsRows() async throws {
        let h = Harness(backends: [FakeMailBackend.standard(account: "test", inbox: 0)], fetchesNewestFirst: true)
        await h.start()
        let key = FolderKey(account: "test", path: .inbox)
        await h.backend.store(FakeMessage.generated(count: 50, firstUID: 451), in: .inbox)
        _ = h.state.apply(.event(account: "test", .messagesAdded(folder: .inbox, [])))
        let generation = try #require(h.state.folder?.generation)
        #expect(h.state.folder?.loads.awaitingList == true)
        let effects = h.state.apply(.newestSynced(key, .success(SyncReport(folder: .inbox, added: 50))))
        #expect(h.state.folder?.generation == generation, "the load on its way stays the one awaited")
        #expect(effects.contains(.sync(key)))
    }

    @Test func theNewestPageIsAtLeastAScreenful() async {
        let h = Harness(size: Size(width: 80, height: 70), backends: [FakeMailBackend.standard(account: "test", inbox: 0)],
                        fetchesNewestFirst: true)
        await h.backend.queueArrivals(FakeMessage.generated(count: 500, firstUID: 1), in: .inbox)
        await h.start()
        let calls = await networkCalls(h)
        #expect(calls.first == "syncNewest INBOX \(h.state.layout.list.height)")
        #expect(h.state.layout.list.height > AppState.newestPageSize)
    }

    @Test func aWarmStartShowsTheCachedRowsBeforeTheFolderList() async throws {
        let h = Harness(backends: [FakeMailBackend.standard(account: "test", inbox: 40)], fetchesNewestFirst: true)
        await h.start()
        let calls = await h.backend.calls
        let page = try #require(calls.firstIndex { $0.hasPrefix("summaries INBOX") })
        let folders = try #require(calls.firstIndex(of: "folders"))
        #expect(page < folders, "\(calls)")
        #expect(!calls.contains { $0.hasPrefix("syncNewest") }, "a cached folder gets the usual sync: \(calls)")
        #expect(calls.contains("sync INBOX"))
        #expect(h.lines[22].hasSuffix("40/40"))
    }

    @Test func aFailedNewestPageStillListsTheFoldersAndSyncs() async {
        let h = Harness(backends: [FakeMailBackend.standard(account: "test", inbox: 0)], fetchesNewestFirst: true)
        await h.start()
        _ = h.takeEffects()
        // Another folder with nothing cached, then the newest page fails (the server went away).
        await h.deliver(.newestSynced(FolderKey(account: "test", path: .inbox), .failure(UIError("connection lost"))))
        #expect(h.text.contains("connection lost"))
        #expect(h.takeEffects().contains(.sync(FolderKey(account: "test", path: .inbox))))
    }

    /// The launcher asked for the newest page before the UI was up: the UI's request waits for
    /// that one instead of asking again, and only once.
    @Test func theUIUsesTheNewestPageAskedForAtLaunch() async throws {
        let backend = FakeMailBackend.standard(account: "test", inbox: 0)
        await backend.queueArrivals(FakeMessage.generated(count: 500, firstUID: 1), in: .inbox)
        let key = FolderKey(account: "test", path: .inbox)
        let early = EarlyRequests()
        early.fetchNewest(key, on: backend, count: 60)
        early.readFirstRows(key, on: backend, order: ListOrder(field: .date), height: 21)
        var runner = EffectRunner(backends: ["test": backend], theme: .plain)
        runner.early = early
        let box = MessageBox()
        await runner.perform(.syncNewest(key, count: 50)) { box.append($0) }
        guard case .newestSynced(_, .success(let report)) = try #require(box.take().first) else {
            Issue.record("no newest page")
            return
        }
        #expect(report.added == 60)
        #expect(await backend.calls.filter { $0.hasPrefix("syncNewest") } == ["syncNewest INBOX 60"])
        // A later request (the folder opened again with nothing cached) asks the backend.
        await runner.perform(.syncNewest(key, count: 50)) { box.append($0) }
        #expect(await backend.calls.filter { $0.hasPrefix("syncNewest") } == ["syncNewest INBOX 60", "syncNewest INBOX 50"])
    }

    @Test func aCachedInboxGetsItsFirstRowsAtLaunchAndNoNewestPage() async throws {
        let backend = FakeMailBackend.standard(account: "test", inbox: 300)
        let early = EarlyRequests()
        let key = FolderKey(account: "test", path: .inbox)
        early.fetchNewest(key, on: backend, count: 60)
        early.readFirstRows(key, on: backend, order: ListOrder(field: .date), height: 21)
        let report = try await #require(early.takeNewest(key)).value
        #expect(report.added == 0)
        #expect(await !backend.calls.contains { $0.hasPrefix("sync") })
        let task = try #require(early.takeFirstRows(key))
        let first = try #require(await task.value)
        #expect(first.count == 300)
        #expect(first.pages.map { $0.page } == [1, 2])
        #expect(first.pages.last?.rows.last?.subject.hasSuffix("#300") == true)
        #expect(early.takeFirstRows(key) == nil, "handed out once")
    }

    /// The UI's first screen takes the rows read at launch: the cache is read once for it.
    @Test func theFirstScreenUsesTheRowsReadAtLaunch() async throws {
        let h = Harness(inbox: 300)
        let early = EarlyRequests()
        early.readFirstRows(FolderKey(account: "test", path: .inbox), on: h.backend, order: h.state.config.order,
                            height: h.state.layout.list.height)
        h.runner.early = early
        await h.start()
        #expect(h.lines[22].hasSuffix("300/300"), "\(h.lines[22])")
        let calls = await h.backend.calls
        #expect(calls.filter { $0 == "count INBOX" }.count == 1, "\(calls)")
        #expect(calls.filter { $0.hasPrefix("summaries INBOX") }.count == 2, "\(calls)")
    }

    /// Rows read for another height (the terminal changed size meanwhile) are not used.
    @Test func rowsReadForAnotherHeightAreNotUsed() async throws {
        let h = Harness(inbox: 300)
        let early = EarlyRequests()
        early.readFirstRows(FolderKey(account: "test", path: .inbox), on: h.backend, order: h.state.config.order, height: 5)
        h.runner.early = early
        await h.start()
        #expect(h.lines[22].hasSuffix("300/300"), "\(h.lines[22])")
        #expect(h.lines[21].contains("#300"), "\(h.lines[21])")
    }

    @Test func otherAccountsListTheirFoldersAtOnce() async {
        let h = Harness(backends: [FakeMailBackend.standard(account: "test", inbox: 0)])
        let effects = h.state.start()
        #expect(effects.contains(.loadFolders(account: "test")), "without newest-first the folder list is asked at start")
    }
}
