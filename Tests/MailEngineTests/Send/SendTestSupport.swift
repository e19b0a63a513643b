import Foundation
@testable import MailEngine
import MailStore
import SMTP

/// A fresh folder under the temporary directory.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tern-send-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A transport whose outcomes the test scripts, counting what it was given.
final class FakeTransport: MessageTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [SubmissionOutcome]
    private var openFailure: SendFailure?
    private(set) var submitted: [OutgoingMessage] = []
    private(set) var sessionsOpened = 0
    private(set) var sessionsClosed = 0
    /// A pause inside each submission (for concurrency tests).
    var delay: Duration = .zero

    /// Outcomes in order; after the last, every message is accepted.
    init(_ outcomes: [SubmissionOutcome] = [], openFailure: SendFailure? = nil) {
        self.outcomes = outcomes
        self.openFailure = openFailure
    }

    func setOpenFailure(_ failure: SendFailure?) { lock.withLock { openFailure = failure } }

    var submittedCount: Int { lock.withLock { submitted.count } }

    func openSession() async throws(SendFailure) -> any SubmissionSession {
        if let failure = lock.withLock({ openFailure }) { throw failure }
        lock.withLock { sessionsOpened += 1 }
        return FakeSession(transport: self)
    }

    fileprivate func next(_ message: OutgoingMessage) -> SubmissionOutcome {
        lock.withLock {
            submitted.append(message)
            return outcomes.isEmpty ? .accepted(SubmissionReceipt(reply: "250 2.0.0 Ok: queued as FAKE")) : outcomes.removeFirst()
        }
    }

    fileprivate func closed() { lock.withLock { sessionsClosed += 1 } }
}

private struct FakeSession: SubmissionSession {
    let transport: FakeTransport

    func submit(_ message: OutgoingMessage, policy: SMTPRecipientPolicy) async -> SubmissionOutcome {
        if transport.delay > .zero { try? await Task.sleep(for: transport.delay) }
        return transport.next(message)
    }

    func close() async { transport.closed() }
}

/// A Sent-copy store that records copies and fails while told to.
final class RecordingSentCopy: SentCopyStore, @unchecked Sendable {
    private let lock = NSLock()
    private var failuresLeft: Int
    private(set) var copies: [[UInt8]] = []

    init(failures: Int = 0) {
        failuresLeft = failures
    }

    var count: Int { lock.withLock { copies.count } }

    func storeSentCopy(_ message: [UInt8], date: Date) async throws {
        try lock.withLock {
            if failuresLeft > 0 {
                failuresLeft -= 1
                throw BackendError.failed("APPEND failed: NO [SERVERBUG] try later")
            }
            copies.append(message)
        }
    }
}

let sampleMessage = OutgoingMessage(
    bytes: Array("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: hi\r\n\r\nHello\r\n".utf8),
    sender: "alice@example.test", recipients: ["bob@example.test", "eve@example.test"], bcc: ["eve@example.test"],
    subject: "hi", messageID: "1@example.test")

/// A mutable clock for the pipeline.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_700_000_000)

    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

func makeSender(_ folder: TemporaryFolder, transport: any MessageTransport, sentCopy: any SentCopyStore,
                clock: TestClock = TestClock()) -> OutboxSender {
    // A generous lock wait: fsyncs are slow when the whole suite runs at once.
    OutboxSender(account: "alice", outbox: Outbox(directory: folder.url.appendingPathComponent("alice/outbox")),
                 transport: transport, sentCopy: sentCopy, lockWait: .seconds(120), now: { clock.now })
}
