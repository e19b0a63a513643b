import Foundation
import MailCore
import MailStore
import TernConfig
import TernTestSupport
import Testing
@testable import MailEngine

@Suite struct POP3BackendTests {
    /// A local backend that counts its syncs and fails everything else.
    actor StubLocal: MailBackend {
        nonisolated let accountName = "home"
        nonisolated let capabilities: BackendCapabilities = [.offline, .folderManagement]
        nonisolated let events: AsyncStream<BackendEvent>
        let continuation: AsyncStream<BackendEvent>.Continuation
        let maildir: Maildir
        private(set) var syncs: [MailboxPath] = []
        private(set) var closed = false

        init(maildir: Maildir) {
            self.maildir = maildir
            let (stream, continuation) = AsyncStream<BackendEvent>.makeStream()
            self.events = stream
            self.continuation = continuation
        }

        func sync(_ folder: MailboxPath) async throws -> SyncReport {
            syncs.append(folder)
            continuation.yield(.notice("local sync of \(folder)"))
            let count = folder.isInbox ? ((try? maildir.messages().count) ?? 0) : 0
            return SyncReport(folder: folder, added: count)
        }

        func close() async {
            closed = true
            continuation.finish()
        }

        func folders() async throws -> [FolderInfo] { [FolderInfo(path: .inbox, role: .inbox)] }
        func count(in folder: MailboxPath, filter: SearchQuery?) async throws -> Int { 0 }
        func summaries(in folder: MailboxPath, order: MailEngine.SortOrder, range: Range<Int>, filter: SearchQuery?) async throws
            -> [MailEngine.MessageSummary] { [] }
        func threadingRows(in folder: MailboxPath) async throws -> [ThreadingRow] { [] }
        func messageBytes(_ uid: UID, in folder: MailboxPath) async throws -> [UInt8] { [] }
        func setFlags(_ change: FlagChange, on uids: [UID], in folder: MailboxPath) async throws {}
        func move(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {}
        func delete(_ uids: [UID], in folder: MailboxPath) async throws {}
        func append(_ message: [UInt8], to folder: MailboxPath, flags: Set<Flag>, date: Date?) async throws -> UID? { nil }
    }

    static func account(port: Int, maildir: URL) -> POP3Account {
        let connection = ServerConnection(serverProtocol: .pop3, host: "127.0.0.1", port: port, security: .none,
                                          user: "bob", password: .environment("UNUSED"), allowInsecureAuth: true)
        return POP3Account(name: "home", settings: TernConfig.POP3Settings(connection: connection, maildir: maildir.path))
    }

    @Test func syncingTheInboxDownloadsThenSyncsTheLocalInbox() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 3)
        defer { Task { await fixture.remove() } }
        let local = StubLocal(maildir: fixture.maildir)
        let asked = Counter()
        let backend = POP3Backend(local: local, account: Self.account(port: fixture.server.port, maildir: fixture.maildir.directory)) {
            asked.increment()
            return "bobpw"
        }
        #expect(asked.value == 0, "no password is asked before a download")
        let report = try await backend.sync(.inbox)
        #expect(report.added == 3)
        #expect(fixture.server.maildrop.isEmpty)
        #expect(await local.syncs == [.inbox])
        #expect(asked.value == 1)

        // Another folder is local only: no connection.
        let connections = fixture.server.connectionCount
        _ = try await backend.sync(MailboxPath("Archive"))
        #expect(fixture.server.connectionCount == connections)
        #expect(await local.syncs == [.inbox, MailboxPath("Archive")])

        await backend.close()
        #expect(await local.closed)
        var progress: [Int] = []
        var states: [ConnectionState] = []
        var notices = 0
        for await event in backend.events {
            switch event {
            case .syncProgress(let folder, let done, let total, _):
                #expect(folder == .inbox && total == 3)
                progress.append(done)
            case .connection(let state): states.append(state)
            case .notice: notices += 1
            default: break
            }
        }
        #expect(progress == [0, 1, 2, 3])
        #expect(states == [.connecting, .local])
        #expect(notices == 2, "the local backend's events are forwarded")
    }

    @Test func aFailedDownloadIsReportedAndTheLocalInboxStillSynced() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 1)
        await fixture.server.stop()
        defer { Task { await fixture.remove() } }
        let local = StubLocal(maildir: fixture.maildir)
        let backend = POP3Backend(local: local, account: Self.account(port: fixture.server.port, maildir: fixture.maildir.directory)) {
            "bobpw"
        }
        await #expect(throws: (any Error).self) { try await backend.sync(.inbox) }
        #expect(await local.syncs == [.inbox])
        await backend.close()
        var offline = false
        for await event in backend.events {
            if case .connection(.offline(let reason, _)) = event { offline = reason.contains("127.0.0.1") }
        }
        #expect(offline)
    }

    @Test func aFailingPasswordCommandFailsTheSyncWithItsError() async throws {
        struct NoPassword: Error {}
        let fixture = try await POP3DownloadFixture.make(count: 1)
        defer { Task { await fixture.remove() } }
        let backend = POP3Backend(local: StubLocal(maildir: fixture.maildir),
                                  account: Self.account(port: fixture.server.port, maildir: fixture.maildir.directory)) {
            throw NoPassword()
        }
        await #expect(throws: NoPassword.self) { try await backend.sync(.inbox) }
        #expect(fixture.server.connectionCount == 0)
        await backend.close()
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
