import Foundation
import MailStore
import Testing

struct OutboxTests {
    static let message = Array("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: hi\r\n\r\nHello\r\n".utf8)
    static let submission = OutboxSubmission(account: "alice", sender: "alice@example.test",
                                             recipients: ["bob@example.test", "eve@example.test"],
                                             bcc: ["eve@example.test"], subject: "hi", messageID: "1@example.test")

    @Test func enqueueStoresTheMessageAndItsEnvelope() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let outbox = Outbox(directory: folder.url.appendingPathComponent("alice/outbox"))
        let entry = try outbox.enqueue(Self.message, Self.submission)
        #expect(entry.status == .queued)
        #expect(entry.attempts == 0)
        #expect(entry.id.count == 8 && entry.id.allSatisfy(\.isHexDigit))
        #expect(entry.recipients == ["bob@example.test", "eve@example.test"])
        #expect(entry.bcc == ["eve@example.test"])
        #expect(try outbox.message(of: entry) == Self.message)
        #expect(FileManager.default.fileExists(atPath: outbox.messagePath(of: entry)))
        #expect(outbox.messagePath(of: entry).contains("/outbox/new/"))

        // A fresh value reads the same from disk.
        let again = Outbox(directory: outbox.directory)
        let listed = try again.entries()
        #expect(listed == [entry])
        #expect(try again.entry(matching: String(entry.id.prefix(3))) == entry)
    }

    @Test func savingIsAtomicAndLeavesNoTemporaryFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let outbox = Outbox(directory: folder.url.appendingPathComponent("outbox"))
        var entry = try outbox.enqueue(Self.message, Self.submission)
        entry.status = .sentCopyPending
        entry.sentAt = Date(timeIntervalSince1970: 1_700_000_000)
        entry.lastError = "452 4.3.1 Insufficient system storage"
        try outbox.save(entry)
        let names = try FileManager.default.contentsOfDirectory(atPath: outbox.directory.appendingPathComponent("meta").path)
        #expect(names == ["\(entry.id).json"])
        #expect(try outbox.reload(entry) == entry)
        let attributes = try FileManager.default.attributesOfItem(
            atPath: outbox.directory.appendingPathComponent("meta/\(entry.id).json").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func removeDeletesTheMessageAndTheEntry() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let outbox = Outbox(directory: folder.url.appendingPathComponent("outbox"))
        let entry = try outbox.enqueue(Self.message, Self.submission)
        let other = try outbox.enqueue(Self.message, Self.submission)
        try outbox.remove(entry)
        #expect(try outbox.entries() == [other])
        #expect(try outbox.reload(entry) == nil)
        #expect(!FileManager.default.fileExists(atPath: outbox.messagePath(of: entry)))
        #expect(throws: OutboxError.self) { try outbox.message(of: entry) }
    }

    @Test func orphansAndDamagedEntriesAreReportedNotSent() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let outbox = Outbox(directory: folder.url.appendingPathComponent("outbox"))
        let entry = try outbox.enqueue(Self.message, Self.submission)
        // A crash between the message and its entry leaves an orphan.
        try outbox.maildir.deliver(Self.message)
        try Data("{ not json".utf8).write(to: outbox.directory.appendingPathComponent("meta/deadbeef.json"))
        let listing = try outbox.listing()
        #expect(listing.entries == [entry])
        #expect(listing.orphans.count == 1)
        #expect(listing.damaged.count == 1)
        #expect(listing.damaged.first?.contains("deadbeef.json") == true)
    }

    @Test func idsAreMatchedByPrefix() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let outbox = Outbox(directory: folder.url.appendingPathComponent("outbox"))
        let entry = try outbox.enqueue(Self.message, Self.submission)
        #expect(throws: OutboxError.self) { try outbox.entry(matching: "zzzz") }
        #expect(try outbox.entry(matching: entry.id.uppercased()) == entry)
    }

    @Test func replacingTheMessageQueuesItAgain() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let outbox = Outbox(directory: folder.url.appendingPathComponent("outbox"))
        var entry = try outbox.enqueue(Self.message, Self.submission)
        entry.status = .failed
        entry.attempts = 3
        entry.lastError = "550 no"
        try outbox.save(entry)
        let edited = Array("To: carol@example.test\r\n\r\nfixed\r\n".utf8)
        let updated = try outbox.replaceMessage(of: entry, with: edited, OutboxSubmission(
            account: "alice", sender: "alice@example.test", recipients: ["carol@example.test"]))
        #expect(updated.status == .queued && updated.attempts == 0 && updated.lastError == nil)
        #expect(try outbox.message(of: updated) == edited)
        #expect(!FileManager.default.fileExists(atPath: outbox.messagePath(of: entry)))
        #expect(try outbox.listing().orphans.isEmpty)
    }

    @Test func theLockKeepsASecondHolderOut() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let outbox = Outbox(directory: folder.url.appendingPathComponent("outbox"))
        let first = try await outbox.lock(wait: .seconds(1))
        let error = await #expect(throws: OutboxError.self) { try await outbox.lock(wait: .milliseconds(200)) }
        #expect(error?.description.contains("another tern is sending") == true)
        // A holder that lets go within the wait hands the lock over.
        Task {
            try? await Task.sleep(for: .milliseconds(100))
            first.release()
        }
        let second = try await outbox.lock(wait: .seconds(60))
        second.release()
    }

    @Test func dueness() {
        var entry = OutboxEntry(id: "00000001", messageFile: "x", account: "a", sender: "a@x", recipients: ["b@x"], size: 1)
        let now = Date()
        #expect(entry.isDue(at: now))
        entry.nextAttempt = now.addingTimeInterval(60)
        #expect(!entry.isDue(at: now))
        #expect(entry.isDue(at: now.addingTimeInterval(61)))
        entry.status = .failed
        entry.nextAttempt = nil
        #expect(!entry.isDue(at: now))
    }
}
