import Foundation
import MailStore
import Testing
@testable import MailEngine

/// What the outbox view does to one message: retry it, delete it, hold it while it is edited.
@Suite struct OutboxQueueTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tern-outboxqueue-\(UUID().uuidString)")
        var outbox: Outbox { Outbox(directory: url.appendingPathComponent("outbox")) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func queued(status: OutboxEntry.Status = .queued, note: String? = nil) throws -> OutboxEntry {
            var entry = try outbox.enqueue(Array("Subject: Hi\r\n\r\nText\r\n".utf8),
                                           OutboxSubmission(account: "a", sender: "me@example.test",
                                                            recipients: ["bob@example.test", "carol@example.test"],
                                                            bcc: ["carol@example.test"], subject: "Hi"))
            entry.status = status
            entry.attempts = 2
            entry.nextAttempt = Date().addingTimeInterval(3600)
            entry.lastError = "550 5.1.1 no such user"
            entry.note = note
            try outbox.save(entry)
            return entry
        }
    }

    @Test(arguments: [OutboxEntry.Status.queued, .failed, .sentCopyPending])
    func retryMakesItDueNow(status: OutboxEntry.Status) async throws {
        let folder = Folder()
        let entry = try folder.queued(status: status)
        let retried = try await OutboxQueue(outbox: folder.outbox).retry(entry.id)
        #expect(retried.nextAttempt == nil)
        #expect(retried.status == (status == .failed ? .queued : status), "a sent message is never queued again")
        #expect(retried.attempts == 2 && retried.lastError == entry.lastError, "its history stays")
        #expect(try folder.outbox.reload(entry) == retried)
    }

    @Test func deleteRemovesTheMessageAndItsEntry() async throws {
        let folder = Folder()
        let entry = try folder.queued()
        let path = folder.outbox.messagePath(of: entry)
        try await OutboxQueue(outbox: folder.outbox).delete(entry.id)
        #expect(try folder.outbox.entries().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func holdingForEditingKeepsItFromBeingSentAndRetryReleasesIt() async throws {
        let folder = Folder()
        let entry = try folder.queued()
        let queue = OutboxQueue(outbox: folder.outbox)
        let held = try await queue.holdForEditing(entry.id)
        #expect(held.bytes == Array("Subject: Hi\r\n\r\nText\r\n".utf8))
        #expect(held.entry.status == .failed, "no flush sends a failed entry")
        #expect(held.entry.note == OutboxQueue.heldNote)
        #expect(held.entry.bcc == ["carol@example.test"])
        let retried = try await queue.retry(entry.id)
        #expect(retried.status == .queued && retried.note == nil)
    }

    @Test func aSentMessageCannotBeEdited() async throws {
        let folder = Folder()
        let entry = try folder.queued(status: .sentCopyPending)
        await #expect(throws: OutboxQueue.Refusal.self) { try await OutboxQueue(outbox: folder.outbox).holdForEditing(entry.id) }
        #expect(try folder.outbox.reload(entry)?.status == .sentCopyPending)
    }

    @Test func aMessageGoneMeanwhileIsAClearError() async throws {
        let folder = Folder()
        try folder.outbox.prepare()
        let queue = OutboxQueue(outbox: folder.outbox)
        for action in ["retry", "delete", "edit"] {
            do {
                switch action {
                case "retry": try await queue.retry("deadbeef")
                case "delete": try await queue.delete("deadbeef")
                default: _ = try await queue.holdForEditing("deadbeef")
                }
                Issue.record("\(action) of a missing message succeeded")
            } catch let refusal as OutboxQueue.Refusal {
                #expect(refusal.description.contains("deadbeef is no longer in the outbox"))
            }
        }
    }

    @Test func listingNamesOrphanedMessageFiles() throws {
        let folder = Folder()
        _ = try folder.queued()
        _ = try folder.outbox.maildir.deliver(Array("Subject: orphan\r\n\r\n".utf8))
        let (messages, problems) = try OutboxQueue(outbox: folder.outbox).listing()
        #expect(messages.count == 1)
        #expect(problems.count == 1 && problems[0].contains("without its entry"))
    }
}
