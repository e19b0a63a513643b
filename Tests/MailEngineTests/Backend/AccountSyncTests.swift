import Foundation
import MailCore
import MailStore
import TernConfig
import Testing
@testable import MailEngine

/// ``AccountSync``: every folder of a Maildir account synced, changes by other programs counted.
@Suite struct AccountSyncTests {
    @Test func everyFolderIsSyncedAndChangesByOtherProgramsAreCounted() async throws {
        let tree = try TestMaildir(folders: [.inbox, MailboxPath(["Archive"]), MailboxPath(["Sent"])])
        defer { tree.remove() }
        try tree.deliver("one")
        try tree.deliver("two", to: MailboxPath(["Archive"]))
        var factory = BackendFactory(environment: ["XDG_CACHE_HOME": tree.root.appendingPathComponent(".cache").path])
        factory.pollInterval = .milliseconds(100)
        let account = Account(name: "acct", from: try #require(Address.parse("me@example.org")),
                              source: .maildir(MaildirSettings(path: tree.root.path)))
        let backend = try factory.makeBackend(for: account)
        let first = try await AccountSync.run(backend)
        #expect(first.folders == 3 && first.added == 2 && first.removed == 0 && first.warnings.isEmpty)
        #expect(first.summary == "3 folders synced: 2 new")

        // Another program delivers one message and removes another.
        try tree.deliver("three", to: MailboxPath(["Sent"]))
        let archive = tree.root.appendingPathComponent(".Archive")
        for sub in ["new", "cur"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: archive.appendingPathComponent(sub).path) {
                try FileManager.default.removeItem(at: archive.appendingPathComponent("\(sub)/\(name)"))
            }
        }
        let second = try await AccountSync.run(backend)
        #expect(second.added == 1)
        #expect(second.removed == 1)
        #expect(second.summary == "3 folders synced: 1 new, 1 gone")
        #expect(try await AccountSync.run(backend).summary == "3 folders synced: no changes")
        await backend.close()
    }
}
