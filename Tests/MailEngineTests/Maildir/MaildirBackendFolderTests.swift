import Foundation
import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite struct MaildirBackendFolderTests {
    @Test func foldersHaveRolesAndCounts() async throws {
        let names = ["Sent", "Drafts", "Trash", "Spam", "Archive", "Lists"]
        let tree = try TestMaildir(folders: [.inbox] + names.map { MailboxPath([$0]) })
        defer { tree.remove() }
        try tree.deliver("a")
        try tree.deliver("b", flags: [.seen])
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        let folders = try await backend.folders()
        #expect(folders.map(\.path.description) == ["INBOX", "Archive", "Drafts", "Lists", "Sent", "Spam", "Trash"])
        #expect(folders.map(\.role) == [.inbox, .archive, .drafts, nil, .sent, .junk, .trash])
        #expect(folders[0].total == 2 && folders[0].unread == 1)
        #expect(folders[1].total == nil, "a folder never scanned has no counts yet")
    }

    @Test(arguments: [
        ([MailboxRole.sent: MailboxPath(["Outbox"])], MailboxPath(["Outbox"]), MailboxRole.sent),
        ([.junk: MailboxPath(["Lists"])], MailboxPath(["Lists"]), .junk),
        ([.sent: MailboxPath(["Missing"])], MailboxPath(["Sent"]), nil),
    ])
    func overridesWin(overrides: [MailboxRole: MailboxPath], folder: MailboxPath, role: MailboxRole?) {
        let folders = [MailboxPath.inbox, MailboxPath(["Sent"]), MailboxPath(["Outbox"]), MailboxPath(["Lists"])]
        #expect(FolderRoles(overrides: overrides).assign(folders)[folder] == role)
    }

    @Test func createRenameAndDeleteFolders() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let backend = try tree.backend()
        try await backend.createFolder(MailboxPath(["Projekte"]))
        try await backend.createFolder(MailboxPath(["Projekte", "Entwürfe"]))
        #expect(FileManager.default.fileExists(atPath: tree.root.appendingPathComponent(".Projekte.Entw&APw-rfe/cur").path))
        _ = try await backend.append(TestMaildir.bytes("kept"), to: MailboxPath(["Projekte", "Entwürfe"]), flags: [], date: nil)
        try await backend.renameFolder(MailboxPath(["Projekte"]), to: MailboxPath(["Work"]))
        #expect(try await backend.folders().map(\.path) == [.inbox, MailboxPath(["Work"]), MailboxPath(["Work", "Entwürfe"])])
        let kept = try await backend.summaries(in: MailboxPath(["Work", "Entwürfe"]), order: .newestFirst, range: 0 ..< 5, filter: nil)
        #expect(kept.map(\.envelope.subject) == ["kept"])
        #expect(try await backend.sync(MailboxPath(["Work", "Entwürfe"])).added == 0, "the cache followed the rename")
        await #expect(throws: BackendError.self) { try await backend.deleteFolder(MailboxPath(["Work", "Entwürfe"])) }
        try await backend.deleteFolder(MailboxPath(["Work"]))
        #expect(try await backend.folders().map(\.path) == [.inbox, MailboxPath(["Work", "Entwürfe"])])
        await #expect(throws: BackendError.self) { try await backend.createFolder(MailboxPath(["a.b"])) }
        await #expect(throws: BackendError.self) { try await backend.deleteFolder(.inbox) }
    }

    @Test func watchingNoticesChangesByOtherPrograms() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let backend = try tree.backend(pollInterval: .milliseconds(30))
        let log = EventLog(backend.events)
        _ = try await backend.sync(.inbox)
        try await backend.watch(.inbox)
        let message = try tree.deliver("Arrived while watching")
        #expect(await log.wait { $0.contains { if case .messagesAdded(_, let s) = $0 { return s.first?.envelope.subject == "Arrived while watching" } else { return false } } })
        try tree.store.maildir(for: .inbox).setFlags([.seen], of: message)
        #expect(await log.wait { $0.contains { if case .flagsChanged(_, let c) = $0 { return c.first?.1 == [.seen] } else { return false } } })
        try FileManager.default.removeItem(at: tree.store.maildir(for: .inbox).directory.appendingPathComponent("cur/\(message.name.unique):2,S"))
        #expect(await log.wait { $0.contains { if case .messagesRemoved(_, let u) = $0 { return u.count == 1 } else { return false } } })
        await backend.close()
    }
}
