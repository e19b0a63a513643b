import Foundation
import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite struct MaildirBackendMessageTests {
    private func uid(_ backend: MaildirBackend, _ subject: String, in folder: MailboxPath = .inbox) async throws -> UID {
        let page = try await backend.summaries(in: folder, order: .newestFirst, range: 0 ..< 100, filter: nil)
        return try #require(page.first { $0.envelope.subject == subject }?.uid)
    }

    private func subjects(_ backend: MaildirBackend, in folder: MailboxPath) async throws -> [String] {
        try await backend.summaries(in: folder, order: SortOrder(key: .subject, descending: false), range: 0 ..< 100, filter: nil)
            .compactMap(\.envelope.subject)
    }

    @Test func readingAMessageReturnsItsBytesAndMovesItToCur() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let delivered = try tree.deliver("Hi")
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        let bytes = try await backend.messageBytes(try await uid(backend, "Hi"), in: .inbox)
        #expect(bytes == Array(try Data(contentsOf: delivered.url.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("cur/\(delivered.name.unique):2,"))))
        #expect(try tree.files(.inbox, .new).isEmpty)
        #expect(try tree.files(.inbox, .cur) == ["\(delivered.name.unique):2,"])
        #expect(try await backend.count(in: .inbox, filter: .unread) == 1, "opening is not marking as seen")
        #expect(try await backend.sync(.inbox).flagsChanged == 0)
    }

    @Test func aFileRenamedSinceTheLastSyncIsStillFound() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let delivered = try tree.deliver("Hi")
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        let id = try await uid(backend, "Hi")
        try tree.store.maildir(for: .inbox).setFlags([.seen], of: delivered)
        #expect(try await backend.messageBytes(id, in: .inbox).count > 0)
        try await backend.setFlags(.add([.flagged]), on: [id], in: .inbox)
        #expect(try tree.files(.inbox, .cur) == ["\(delivered.name.unique):2,FS"])
    }

    @Test func flagsAreSetAndClearedByRename() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let delivered = try tree.deliver("Hi")
        let backend = try tree.backend()
        let log = EventLog(backend.events)
        _ = try await backend.sync(.inbox)
        let id = try await uid(backend, "Hi")
        try await backend.setFlags(.add([.seen, .answered]), on: [id], in: .inbox)
        #expect(try tree.files(.inbox, .cur) == ["\(delivered.name.unique):2,RS"])
        try await backend.setFlags(.remove([.answered]), on: [id], in: .inbox)
        try await backend.setFlags(.replace([.flagged, .draft]), on: [id], in: .inbox)
        #expect(try tree.files(.inbox, .cur) == ["\(delivered.name.unique):2,DF"])
        let summary = try await backend.summaries(in: .inbox, order: .newestFirst, range: 0 ..< 1, filter: nil)
        #expect(summary.first?.flags == [.flagged, .draft])
        await #expect(throws: BackendError.self) { try await backend.setFlags(.add([.keyword("$Label1")]), on: [id], in: .inbox) }
        #expect(await log.wait { $0.contains { if case .flagsChanged(_, let c) = $0 { return c.first?.1 == [.flagged, .draft] } else { return false } } })
    }

    @Test func moveKeepsTheBytesAndCopyMakesANewFile() async throws {
        let tree = try TestMaildir(folders: [.inbox, MailboxPath(["Archive"])])
        defer { tree.remove() }
        let moved = try tree.deliver("Move me", flags: [.seen])
        try tree.deliver("Copy me")
        let original = try Data(contentsOf: moved.url)
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        let archive = MailboxPath(["Archive"])
        try await backend.move([try await uid(backend, "Move me")], from: .inbox, to: archive)
        try await backend.copy([try await uid(backend, "Copy me")], from: .inbox, to: archive)
        #expect(try await subjects(backend, in: .inbox) == ["Copy me"])
        #expect(try await subjects(backend, in: archive) == ["Copy me", "Move me"])
        #expect(try tree.files(archive, .cur).contains("\(moved.name.unique):2,S"))
        #expect(try Data(contentsOf: tree.store.maildir(for: archive).directory.appendingPathComponent("cur/\(moved.name.unique):2,S")) == original)
        #expect(try tree.files(archive, .new).count == 1, "the copy is a new message in new/")
        let report = try await backend.sync(archive)
        #expect(report.added == 0 && report.removed == 0, "the cache already knew the moved and copied files")
    }

    @Test func moveNeverReplacesAFileOfTheSameName() async throws {
        let tree = try TestMaildir(folders: [.inbox, MailboxPath(["Archive"])])
        defer { tree.remove() }
        let message = try tree.deliver("Twin")
        let archive = try tree.store.maildir(for: MailboxPath(["Archive"]))
        try Data("other".utf8).write(to: archive.directory.appendingPathComponent("new/\(message.name.unique)"))
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        try await backend.move([try await uid(backend, "Twin")], from: .inbox, to: MailboxPath(["Archive"]))
        let names = try tree.files(MailboxPath(["Archive"]), .new)
        #expect(names.count == 2)
        #expect(try String(contentsOf: archive.directory.appendingPathComponent("new/\(message.name.unique)"), encoding: .utf8) == "other")
    }

    @Test func deleteMovesToTrashCreatingItAndDeletingInTrashRemoves() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        try tree.deliver("Bye")
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        try await backend.delete([try await uid(backend, "Bye")], in: .inbox)
        let trash = MailboxPath(["Trash"])
        #expect(try await backend.folders().first { $0.path == trash }?.role == .trash)
        #expect(try await subjects(backend, in: .inbox).isEmpty)
        #expect(try await subjects(backend, in: trash) == ["Bye"])
        try await backend.delete([try await uid(backend, "Bye", in: trash)], in: trash)
        #expect(try await subjects(backend, in: trash).isEmpty)
        #expect(try tree.files(trash, .new).isEmpty && tree.files(trash, .cur).isEmpty)
    }

    @Test func deleteUsesTheConfiguredOrWellKnownTrash() async throws {
        let tree = try TestMaildir(folders: [.inbox, MailboxPath(["Deleted Items"]), MailboxPath(["Bin2"])])
        defer { tree.remove() }
        try tree.deliver("One")
        try tree.deliver("Two")
        let wellKnown = try tree.backend()
        _ = try await wellKnown.sync(.inbox)
        try await wellKnown.delete([try await uid(wellKnown, "One")], in: .inbox)
        #expect(try await subjects(wellKnown, in: MailboxPath(["Deleted Items"])) == ["One"])
        let configured = try tree.backend(cache: wellKnown.cache, roles: FolderRoles(overrides: [.trash: MailboxPath(["Bin2"])]))
        try await configured.delete([try await uid(configured, "Two")], in: .inbox)
        #expect(try await subjects(configured, in: MailboxPath(["Bin2"])) == ["Two"])
    }

    @Test func expungeRemovesForGood() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        try tree.deliver("Gone")
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        try await backend.expunge([try await uid(backend, "Gone")], in: .inbox)
        #expect(try tree.files(.inbox, .new).isEmpty)
        #expect(try await backend.count(in: .inbox, filter: nil) == 0)
        #expect(try await backend.folders().map(\.path) == [.inbox])
    }

    @Test func appendStoresAndCachesAtOnce() async throws {
        let tree = try TestMaildir(folders: [.inbox, MailboxPath(["Sent"])])
        defer { tree.remove() }
        let backend = try tree.backend()
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        let uid = try await backend.append(TestMaildir.bytes("Sent copy"), to: MailboxPath(["Sent"]), flags: [.seen], date: date)
        let page = try await backend.summaries(in: MailboxPath(["Sent"]), order: .newestFirst, range: 0 ..< 5, filter: nil)
        #expect(page.map(\.uid) == [try #require(uid)])
        #expect(page.first?.flags == [.seen])
        #expect(page.first?.receivedDate == date)
        #expect(try tree.files(MailboxPath(["Sent"]), .cur).count == 1)
        #expect(try await backend.sync(MailboxPath(["Sent"])).added == 0)
    }

    @Test func unknownFoldersAndUIDsAreClearErrors() async throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let backend = try tree.backend()
        _ = try await backend.sync(.inbox)
        await #expect(throws: BackendError.noSuchFolder(MailboxPath(["Nope"]), account: "test")) {
            try await backend.sync(MailboxPath(["Nope"]))
        }
        await #expect(throws: BackendError.noSuchMessage(UID(99), folder: .inbox)) {
            try await backend.messageBytes(UID(99), in: .inbox)
        }
        await #expect(throws: BackendError.noSuchMessage(UID(99), folder: .inbox)) {
            try await backend.setFlags(.add([.seen]), on: [UID(99)], in: .inbox)
        }
    }

    @Test func aMissingMaildirIsAnErrorUnlessItMayBeCreated() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tern-missing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: BackendError.self) { try MaildirBackend(accountName: "a", root: root, cache: HeaderCache(inMemoryFor: "a")) }
        _ = try MaildirBackend(accountName: "a", root: root, cache: HeaderCache(inMemoryFor: "a"), createIfMissing: true)
        #expect(Maildir(directory: root).exists)
    }
}
