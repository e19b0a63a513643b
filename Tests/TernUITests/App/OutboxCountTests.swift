import Foundation
import MailCore
import MailEngine
import MailStore
import Testing
import TernConfig
import TernTestSupport
@testable import TernUI

/// The outbox count of the status line: set at start, and again when another program changes the
/// outbox (`tern send` queues, `tern outbox flush` sends).
@Suite struct OutboxCountTests {
    /// Queues a message into the test account's outbox as another tern process would.
    static func queueElsewhere(_ f: ComposeFixture, subject: String) throws {
        guard let account = f.service.settings.accounts["test"] else { throw UIError("no test account") }
        let outbox = AccountSending.outbox(for: account, environment: f.service.settings.environment)
        try outbox.prepare()
        _ = try outbox.enqueue(Array("Subject: \(subject)\r\n\r\nHi\r\n".utf8),
                               OutboxSubmission(account: "test", sender: "alice@example.test", recipients: ["bob@example.test"],
                                                subject: subject))
    }

    @Test func theCountFollowsChangesByOtherPrograms() async throws {
        let f = try ComposeFixture()
        try Self.queueElsewhere(f, subject: "Queued before start")
        let h = f.harness()
        await h.start()
        // At start the message is counted (and, being due, sent by the start-up flush).
        #expect(h.effects.contains(.compose(.setUp)))
        let afterStart = f.outboxCount
        #expect(h.state.account("test")?.outboxQueued == afterStart)
        try Self.queueElsewhere(f, subject: "Queued by tern send")
        #expect(h.state.account("test")?.outboxQueued == afterStart, "not seen before the next count")
        var last = Date(timeIntervalSinceNow: -60)
        let due = h.state.outboxCheck(now: Date(), last: &last)
        #expect(due == [.countOutbox])
        await h.settle(due)
        #expect(h.state.account("test")?.outboxQueued == afterStart + 1)
        #expect(h.text.contains("outbox: \(afterStart + 1) queued"))
    }

    @Test func countsAreAskedForEveryFewSecondsOnceTheComposerIsReady() {
        var state = AppState(config: UIConfiguration(accounts: [.init(name: "a")]), size: .init(width: 80, height: 24))
        var last = Date(timeIntervalSince1970: 1000)
        #expect(state.outboxCheck(now: Date(timeIntervalSince1970: 2000), last: &last).isEmpty, "not before the composer is set up")
        state.compose.isReady = true
        #expect(state.outboxCheck(now: Date(timeIntervalSince1970: 1005), last: &last).isEmpty)
        #expect(state.outboxCheck(now: Date(timeIntervalSince1970: 1010), last: &last) == [.countOutbox])
        #expect(last == Date(timeIntervalSince1970: 1010))
        #expect(state.outboxCheck(now: Date(timeIntervalSince1970: 1011), last: &last).isEmpty)
    }

    @Test func aSendInProgressKeepsItsOwnCount() {
        var state = AppState(config: UIConfiguration(accounts: [.init(name: "a"), .init(name: "b")]), size: .init(width: 80, height: 24))
        state.compose.sending = ["a"]
        _ = state.apply(.outboxCounted(["a": 5, "b": 2]))
        #expect(state.account("a")?.outboxQueued == 0)
        #expect(state.account("b")?.outboxQueued == 2)
    }

    @Test func withoutAComposerNothingIsCounted() async {
        let runner = EffectRunner(backends: [:], theme: .plain)
        let box = MessageBox()
        await runner.perform(.countOutbox) { box.append($0) }
        #expect(box.take().isEmpty)
    }
}
