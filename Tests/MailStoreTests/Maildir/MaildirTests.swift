import Foundation
import MailCore
import Testing
@testable import MailStore

@Suite struct MaildirTests {
    @Test func deliveredMessageIsInNewWithExactBytes() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let box = try Maildir.create(at: tmp.url.appendingPathComponent("INBOX"))
        let bytes = Array("Subject: hi\r\n\r\nbody\r\n".utf8)
        let message = try box.deliver(bytes)
        #expect(message.subfolder == .new)
        #expect(try Data(contentsOf: message.url) == Data(bytes))
        #expect(try box.messages().count == 1)
        let tmpEntries = try FileManager.default.contentsOfDirectory(atPath: box.directory.appendingPathComponent("tmp").path)
        #expect(tmpEntries.isEmpty)
    }

    @Test func deliveryWithFlagsGoesToCur() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let box = try Maildir.create(at: tmp.url)
        let message = try box.deliver(Array("x".utf8), flags: [.seen, .flagged])
        #expect(message.subfolder == .cur)
        #expect(message.url.lastPathComponent.hasSuffix(":2,FS"))
        let listed = try box.messages()
        #expect(listed.map(\.name.flags) == [[.seen, .flagged]])
    }

    @Test func abortedDeliveryLeavesNothing() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let box = try Maildir.create(at: tmp.url)
        let delivery = try box.beginDelivery()
        try delivery.write(Array("partial".utf8))
        delivery.abort()
        #expect(try box.messages().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.directory.appendingPathComponent("tmp").path).isEmpty)
    }

    @Test func uncommittedDeliveryIsInvisible() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let box = try Maildir.create(at: tmp.url)
        let delivery = try box.beginDelivery()
        try delivery.write(Array("half a message".utf8))
        #expect(try box.messages().isEmpty, "a message still being written must not be listed")
        try delivery.commit()
        #expect(try box.messages().count == 1)
    }

    @Test func settingFlagsRenamesIntoCurAndKeepsUniquePart() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let box = try Maildir.create(at: tmp.url)
        let message = try box.deliver(Array("x".utf8))
        let moved = try box.setFlags([.seen, .answered], of: message)
        #expect(moved.subfolder == .cur)
        #expect(moved.name.unique == message.name.unique)
        #expect(moved.url.lastPathComponent == "\(message.name.unique):2,RS")
        #expect(!FileManager.default.fileExists(atPath: message.url.path))
        let again = try box.setFlags([], of: moved)
        #expect(again.url.lastPathComponent == "\(message.name.unique):2,")
    }

    @Test func dateSetsModificationTime() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let box = try Maildir.create(at: tmp.url)
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let message = try box.deliver(Array("x".utf8), date: date)
        let attributes = try FileManager.default.attributesOfItem(atPath: message.url.path)
        #expect((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 == 1_700_000_000)
    }

    @Test func filesArePrivate() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let box = try Maildir.create(at: tmp.url)
        let message = try box.deliver(Array("x".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: message.url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func deliveryIntoMissingFolderIsAClearError() throws {
        let box = Maildir(directory: URL(fileURLWithPath: "/nonexistent/tern/maildir"))
        #expect { try box.deliver(Array("x".utf8)) } throws: { error in
            "\(error)".contains("/nonexistent/tern/maildir/tmp/")
        }
    }
}

@Suite struct MaildirStoreTests {
    @Test func foldersAreInboxThenSortedSubfolders() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let store = MaildirStore(root: tmp.url.appendingPathComponent("mail"))
        try store.create(MailboxPath(["Sent"]))
        try store.create(MailboxPath(["Archive", "2024"]))
        try store.create(MailboxPath(["Archive"]))
        try store.create(.inbox)
        #expect(try store.folders() == [.inbox, MailboxPath(["Archive"]), MailboxPath(["Archive", "2024"]), MailboxPath(["Sent"])])
        #expect(FileManager.default.fileExists(atPath: tmp.url.appendingPathComponent("mail/.Archive.2024/maildirfolder").path))
    }

    @Test(arguments: [["a.b"], ["../x"], [""], ["a/b"]])
    func unsafeFolderNamesAreRefused(components: [String]) throws {
        let store = MaildirStore(root: URL(fileURLWithPath: "/tmp/unused"))
        #expect(throws: MaildirStoreError.self) { try store.maildir(for: MailboxPath(components)) }
    }
}
