import Foundation
import IMAP
import MailCore
import TernTestSupport
import Testing
@testable import Transport

@Suite struct IMAPConnectionIdleTests {
    @Test func newMailArrivesDuringIdleAndStopIdleEndsIt() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 3) + [
            .expect("A3 IDLE"), .send("+ idling\r\n"),
            .pause(milliseconds: 100),
            .send("* 4 EXISTS\r\n* 1 RECENT\r\n"),
            .expect("DONE"), .send("A3 OK Idle completed.\r\n"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        let events = EventCollector(session)
        let idle = Task { try await session.idle() }
        #expect(await events.wait { $0.contains(.exists(4)) })
        #expect(await session.selectedMailbox?.messageCount == 4)
        await session.stopIdle()
        try await idle.value
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func anotherCallEndsIdleFirst() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 3) + [
            .expect("A3 IDLE"), .send("+ idling\r\n"),
            .send("* 4 EXISTS\r\n"),
            .expect("DONE"), .send("A3 OK Idle completed.\r\n"),
            .expect("A4 UID FETCH 4 (UID FLAGS)"), .send("* 4 FETCH (UID 4 FLAGS ())\r\nA4 OK done\r\n"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        let events = EventCollector(session)
        let idle = Task { try await session.idle() }
        #expect(await events.wait { $0.contains(.exists(4)) })
        let messages = try await session.fetchAll(SequenceSet([4]), items: [.flags])
        #expect(messages.first?.uid == UID(4))
        try await idle.value
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func idleIsRenewedBeforeTheServerGivesUp() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 3) + [
            .expect("A3 IDLE"), .send("+ idling\r\n"),
            .expect("DONE"), .send("A3 OK Idle completed.\r\n"),
            .expect("A4 IDLE"), .send("+ idling\r\n* 5 EXISTS\r\n"),
            .expect("DONE"), .send("A4 OK Idle completed.\r\n"),
            .expectClose,
        ], idleRenewal: .milliseconds(1500))
        _ = try await session.select(.inbox)
        let events = EventCollector(session)
        let idle = Task { try await session.idle() }
        #expect(await events.wait(for: .seconds(10)) { $0.contains(.exists(5)) })
        await session.stopIdle()
        try await idle.value
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func aServerWithoutIdle() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 3, capabilities: "IMAP4rev1")
            + [.expectClose])
        _ = try await session.select(.inbox)
        await #expect(throws: IMAPUsageError(.unsupported(.idle))) { try await session.idle() }
        await session.close()
        await expectCleanOutcome(server)
    }
}
