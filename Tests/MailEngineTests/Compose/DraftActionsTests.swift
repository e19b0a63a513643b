import Foundation
import MailCore
import TernConfig
import Testing
@testable import MailEngine

/// A backend that records what it is asked to do.
actor RecordingBackend: MailBackend {
    nonisolated let accountName = "alice"
    nonisolated let capabilities: BackendCapabilities = []
    nonisolated let events = AsyncStream<BackendEvent> { $0.finish() }
    var appended: [(bytes: [UInt8], folder: MailboxPath, flags: Set<Flag>)] = []
    var deleted: [(UID, MailboxPath)] = []
    var flagged: [(FlagChange, UID, MailboxPath)] = []
    var failAppend = false
    var failDelete = false

    func setFailures(append: Bool, delete: Bool) {
        failAppend = append
        failDelete = delete
    }

    func folders() async throws -> [FolderInfo] { [] }
    func count(in folder: MailboxPath, filter: SearchQuery?) async throws -> Int { 0 }
    func summaries(in folder: MailboxPath, order: MailEngine.SortOrder, range: Range<Int>, filter: SearchQuery?) async throws -> [MailEngine.MessageSummary] { [] }
    func threadingRows(in folder: MailboxPath) async throws -> [ThreadingRow] { [] }
    func sync(_ folder: MailboxPath) async throws -> SyncReport { throw BackendError.unsupported("sync", account: accountName) }
    func messageBytes(_ uid: UID, in folder: MailboxPath) async throws -> [UInt8] { [] }
    func setFlags(_ change: FlagChange, on uids: [UID], in folder: MailboxPath) async throws {
        for uid in uids { flagged.append((change, uid, folder)) }
    }
    func move(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {}
    func delete(_ uids: [UID], in folder: MailboxPath) async throws {
        if failDelete { throw BackendError.unsupported("deleting", account: accountName) }
        for uid in uids { deleted.append((uid, folder)) }
    }
    func append(_ message: [UInt8], to folder: MailboxPath, flags: Set<Flag>, date: Date?) async throws -> UID? {
        if failAppend { throw BackendError.unsupported("appending", account: accountName) }
        appended.append((message, folder, flags))
        return UID(UInt32(appended.count + 100))
    }
    func close() async {}
}

@Suite("Postponing and finishing drafts")
struct DraftActionsTests {
    let drafts = MailboxPath(["Drafts"])

    @Test func draftsFolderFromConfigRoleOrName() {
        var account = ComposeFixtures.account
        let folders = [FolderInfo(path: .inbox), FolderInfo(path: MailboxPath(["Brouillons"]), role: .drafts),
                       FolderInfo(path: MailboxPath(["drafts"]))]
        #expect(DraftActions.draftsFolder(account: account, folders: folders) == MailboxPath(["Brouillons"]))
        #expect(DraftActions.draftsFolder(account: account, folders: [folders[2]]) == MailboxPath(["drafts"]))
        #expect(DraftActions.draftsFolder(account: account, folders: [.init(path: .inbox)]) == nil)
        account.folders[.drafts] = "Work/Drafts"
        #expect(DraftActions.draftsFolder(account: account, folders: folders) == MailboxPath(["Work", "Drafts"]))
    }

    @Test func postponeStoresTheDraftRemovesTheOldCopyAndTheLocalDraft() async throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir)
        var draft = Draft(account: "alice", from: ComposeFixtures.alice, bcc: [ComposeFixtures.carol], subject: "Later", body: "Half done\n")
        draft.postponedCopy = MessageLocation(folder: drafts, uid: UID(5))
        let session = try repository.begin(draft)
        let backend = RecordingBackend()
        let result = try await DraftActions.postpone(session, backend: backend, folder: drafts)
        #expect(result.uid == UID(101))
        #expect(result.warnings.isEmpty)
        let appended = await backend.appended
        #expect(appended.count == 1)
        #expect(appended[0].flags == [.draft, .seen])
        let message = Message(bytes: appended[0].bytes)
        #expect(message.envelope.subject == "Later")
        #expect(message.envelope.bcc == [ComposeFixtures.carol])
        #expect(await backend.deleted.map(\.0) == [UID(5)])
        #expect(try repository.recoverable().isEmpty)
    }

    @Test func aFailedPostponeKeepsTheDraftOnDisk() async throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir)
        let session = try repository.begin(Draft(account: "alice", from: ComposeFixtures.alice, body: "keep me\n"))
        let backend = RecordingBackend()
        await backend.setFailures(append: true, delete: false)
        await #expect(throws: BackendError.self) { try await DraftActions.postpone(session, backend: backend, folder: drafts) }
        session.release()
        #expect(try repository.recoverable().first?.draft.body == "keep me\n")
    }

    @Test func afterQueuedFlagsTheOriginalAndCleansUp() async throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repository = DraftRepository(account: "alice", directory: dir)
        let starter = DraftStarter(account: ComposeFixtures.account)
        var reply = try starter.reply(to: ComposeFixtures.message(), mode: .sender, location: MessageLocation(folder: .inbox, uid: UID(9)))
        reply.postponedCopy = MessageLocation(folder: drafts, uid: UID(4))
        let backend = RecordingBackend()
        let warnings = await DraftActions.afterQueued(try repository.begin(reply), backend: backend)
        #expect(warnings.isEmpty)
        #expect(await backend.deleted.map(\.0) == [UID(4)])
        let flagged = await backend.flagged
        #expect(flagged.map(\.0) == [.add([.answered])])
        #expect(flagged.map(\.1) == [UID(9)])
        #expect(try repository.recoverable().isEmpty)

        let forward = starter.forward(ComposeFixtures.message(), attached: true, location: MessageLocation(folder: .inbox, uid: UID(3)))
        await backend.setFailures(append: false, delete: true)
        _ = await DraftActions.afterQueued(try repository.begin(forward), backend: backend)
        #expect(await backend.flagged.last?.0 == .add([.forwarded]))
    }
}
