import Foundation
@testable import MailEngine
import MailStore
import SMTP
import Testing

struct OutboxSenderTests {
    @Test func acceptedThenCopiedThenGone() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let transport = FakeTransport()
        let copies = RecordingSentCopy()
        let sender = makeSender(folder, transport: transport, sentCopy: copies)
        let result = try await sender.send(sampleMessage)
        guard case .sent(let receipt, let copy) = result.outcome else {
            Issue.record("not sent: \(result.outcome)")
            return
        }
        #expect(receipt.reply == "250 2.0.0 Ok: queued as FAKE")
        #expect(copy == .stored)
        #expect(try sender.outbox.entries().isEmpty)
        #expect(transport.submitted.map(\.recipients) == [["bob@example.test", "eve@example.test"]])
        // The message that went out has no Bcc; the Sent copy shows it.
        #expect(!String(decoding: transport.submitted[0].bytes, as: UTF8.self).contains("Bcc"))
        let copyText = String(decoding: copies.copies[0], as: UTF8.self)
        #expect(copyText == "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: hi\r\nBcc: eve@example.test\r\n\r\nHello\r\n")
        #expect(transport.sessionsClosed == 1)
    }

    @Test func aTemporaryFailureStaysQueuedAndIsRetriedOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let clock = TestClock()
        let transport = FakeTransport([.failed(SendFailure(step: .message, message: "451 4.3.0 try later", isTransient: true,
                                                           endsSession: false))])
        let copies = RecordingSentCopy()
        let sender = makeSender(folder, transport: transport, sentCopy: copies, clock: clock)
        let result = try await sender.send(sampleMessage)
        guard case .willRetry(let failure, let date) = result.outcome else {
            Issue.record("expected a retry: \(result.outcome)")
            return
        }
        #expect(failure.step == .message)
        #expect(date == clock.now.addingTimeInterval(60))
        let queued = try #require(try sender.outbox.entries().first)
        #expect(queued.status == .queued && queued.attempts == 1)
        #expect(queued.lastError == "451 4.3.0 try later" && queued.lastErrorStep == "end of DATA")

        // Background retries wait for the time; an explicit flush does not.
        let early = try await sender.flush(dueOnly: true)
        #expect(transport.submittedCount == 1)
        if case .skipped = early.first?.outcome {} else { Issue.record("not skipped: \(early)") }
        clock.advance(61)
        let flushed = try await sender.flush(dueOnly: true)
        #expect(flushed.first?.wasAccepted == true)
        #expect(transport.submittedCount == 2)
        #expect(copies.count == 1)
        #expect(try sender.outbox.entries().isEmpty)
        _ = try await sender.flush()
        #expect(transport.submittedCount == 2)
    }

    @Test func aPermanentRefusalIsKeptAsFailed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let transport = FakeTransport([.failed(SendFailure(
            step: .recipients, message: "the server refused the recipient (bob@example.test: 550 5.1.1 no such user)",
            isTransient: false, endsSession: false))])
        let sender = makeSender(folder, transport: transport, sentCopy: RecordingSentCopy())
        let result = try await sender.send(sampleMessage)
        guard case .failed(let failure) = result.outcome else {
            Issue.record("expected failed: \(result.outcome)")
            return
        }
        #expect(failure.description.contains("550 5.1.1 no such user"))
        let entry = try #require(try sender.outbox.entries().first)
        #expect(entry.status == .failed)
        #expect(entry.lastErrorStep == "RCPT TO")
        // Flush leaves it alone until the user acts.
        let results = try await sender.flush()
        #expect(transport.submittedCount == 1)
        if case .skipped = results.first?.outcome {} else { Issue.record("not skipped") }
    }

    @Test func anAccountProblemWaitsForAnExplicitFlush() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let clock = TestClock()
        let transport = FakeTransport(openFailure: SendFailure(
            step: .authentication, message: "SMTP login to x as alice failed", isTransient: false))
        let sender = makeSender(folder, transport: transport, sentCopy: RecordingSentCopy(), clock: clock)
        let result = try await sender.send(sampleMessage)
        guard case .willRetry(let failure, nil) = result.outcome else {
            Issue.record("expected a held message: \(result.outcome)")
            return
        }
        #expect(failure.step == .authentication)
        let entry = try #require(try sender.outbox.entries().first)
        #expect(entry.status == .queued)
        clock.advance(86_400 * 365)
        _ = try await sender.flush(dueOnly: true)
        #expect(transport.sessionsOpened == 0)
        transport.setOpenFailure(nil)
        let flushed = try await sender.flush()
        #expect(flushed.first?.wasAccepted == true)
        #expect(transport.submittedCount == 1)
    }

    /// A Sent copy that fails is retried later and the message is never submitted again.
    @Test func aFailedSentCopyIsRetriedWithoutSendingTwice() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let clock = TestClock()
        let transport = FakeTransport()
        let copies = RecordingSentCopy(failures: 2)
        let sender = makeSender(folder, transport: transport, sentCopy: copies, clock: clock)
        let result = try await sender.send(sampleMessage)
        guard case .sent(_, .failed(let reason, let retry)) = result.outcome else {
            Issue.record("expected a failed copy: \(result.outcome)")
            return
        }
        #expect(reason.contains("APPEND failed"))
        #expect(retry == clock.now.addingTimeInterval(60))
        var entry = try #require(try sender.outbox.entries().first)
        #expect(entry.status == .sentCopyPending && entry.sentAt == clock.now && entry.sentCopyAttempts == 1)

        _ = try await sender.flush()
        entry = try #require(try sender.outbox.entries().first)
        #expect(entry.sentCopyAttempts == 2)
        let last = try await sender.flush()
        guard case .sentCopyRetried(.stored) = last.first?.outcome else {
            Issue.record("copy not stored: \(last)")
            return
        }
        #expect(try sender.outbox.entries().isEmpty)
        #expect(transport.submittedCount == 1)
        #expect(copies.count == 1)
    }

    @Test func aSentCopyThatCannotBeMadeYetKeepsTheMessageMarkedSent() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let transport = FakeTransport()
        let sender = makeSender(folder, transport: transport,
                                sentCopy: UnavailableSentCopy(reason: "Sent copy waits for IMAP support"))
        let result = try await sender.send(sampleMessage)
        guard case .sent(_, .waiting(let reason)) = result.outcome else {
            Issue.record("expected waiting: \(result.outcome)")
            return
        }
        #expect(reason == "Sent copy waits for IMAP support")
        let entry = try #require(try sender.outbox.entries().first)
        #expect(entry.status == .sentCopyPending && entry.note == reason)
        _ = try await sender.flush()
        _ = try await sender.flush(dueOnly: true)
        #expect(transport.submittedCount == 1)
    }

    @Test func aBrokenSessionLeavesTheRestUntouched() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let transport = FakeTransport([.failed(SendFailure(step: .session, message: "421 closing", isTransient: true))])
        let sender = makeSender(folder, transport: transport, sentCopy: RecordingSentCopy())
        for _ in 0..<3 { try sender.queue(sampleMessage) }
        let results = try await sender.flush()
        #expect(transport.submittedCount == 1)
        #expect(results.count == 3)
        let entries = try sender.outbox.entries()
        #expect(entries.map(\.attempts).sorted() == [0, 0, 1])
        let retried = try await sender.flush()
        #expect(retried.filter(\.wasAccepted).count == 3)
        #expect(transport.submittedCount == 4)
    }

    @Test func partialSendsRecordWhoDidNotGetIt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let transport = FakeTransport([.accepted(SubmissionReceipt(reply: "250 ok",
                                                                   refusedRecipients: ["eve@example.test: 550 5.1.1 no"]))])
        let sender = makeSender(folder, transport: transport, sentCopy: UnavailableSentCopy(reason: "later"))
        let result = try await sender.send(sampleMessage, policy: .partial)
        #expect(result.wasAccepted)
        #expect(result.entry.note == "later")
        let entry = try #require(try sender.outbox.entries().first)
        #expect(entry.allowPartial)
    }

    /// Two flushes at once (two tern processes) never submit a message twice.
    @Test func concurrentFlushesSendEachMessageOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let transport = FakeTransport()
        transport.delay = .milliseconds(20)
        let copies = RecordingSentCopy()
        let first = makeSender(folder, transport: transport, sentCopy: copies)
        let second = makeSender(folder, transport: transport, sentCopy: copies)
        for _ in 0..<5 { try first.queue(sampleMessage) }
        async let a = first.flush()
        async let b = second.flush()
        let (ra, rb) = try await (a, b)
        #expect((ra + rb).filter(\.wasAccepted).count == 5)
        #expect(transport.submittedCount == 5)
        #expect(copies.count == 5)
    }

    /// While another process holds the outbox, `send` waits; past its wait, the message is queued
    /// for that process (or a later flush) and the caller is told.
    @Test func aBusyOutboxQueuesTheMessage() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let transport = FakeTransport()
        var sender = makeSender(folder, transport: transport, sentCopy: RecordingSentCopy())
        sender.lockWait = .milliseconds(200)
        let held = try await sender.outbox.lock()
        let error = await #expect(throws: OutboxError.self) { try await sender.send(sampleMessage) }
        if case .busy? = error {} else { Issue.record("expected busy: \(String(describing: error))") }
        held.release()
        #expect(try sender.outbox.entries().count == 1)
        #expect(transport.submittedCount == 0)
        #expect(try await sender.flush().first?.wasAccepted == true)
    }

    @Test func theRetryScheduleGrowsThenStays() {
        let schedule = RetrySchedule()
        let start = Date(timeIntervalSince1970: 0)
        #expect((1...8).map { schedule.nextAttempt(after: $0, from: start).timeIntervalSince1970 }
            == [60, 120, 300, 600, 1800, 3600, 3600, 3600])
    }
}
