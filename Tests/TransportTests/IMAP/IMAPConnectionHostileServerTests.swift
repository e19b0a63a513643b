import Foundation
import IMAP
import MailCore
import TernTestSupport
import Testing
@testable import Transport

/// What a broken or hostile server can do, and that the client ends cleanly with a clear error.
@Suite struct IMAPConnectionHostileServerTests {
    @Test func anAnnouncedFourGigabyteLiteralIsRefusedAtOnce() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 1) + [
            .expect("A3 UID FETCH 1 (UID BODY.PEEK[])"),
            .send("* 1 FETCH (UID 1 BODY[] {4294967295}\r\nxxxx"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        let error = await #expect(throws: IMAPConnectionLost.self) { try await session.fetchMessage(uid: UID(1)) }
        guard case .protocolViolation(let violation)? = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(violation.kind == .literalTooLarge(size: 4_294_967_295, limit: IMAPLimits.default.maximumLiteralSize))
        #expect(error?.inFlight.map(\.name) == ["UID FETCH"])
        #expect(await !session.isConnected)
        let after = await #expect(throws: IMAPConnectionLost.self) { try await session.noop() }
        #expect(after?.reason == .closed)
        await expectCleanOutcome(server)
    }

    @Test func tenThousandNestedParentheses() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 1) + [
            .expect("A3 UID FETCH 1 (UID BODYSTRUCTURE)"),
            .send("* 1 FETCH (UID 1 BODYSTRUCTURE " + String(repeating: "(", count: 10_000)
                + String(repeating: ")", count: 10_000) + ")\r\nA3 OK done\r\n"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        let error = await #expect(throws: IMAPConnectionLost.self) {
            try await session.fetchAll(SequenceSet([1]), items: [.bodyStructure])
        }
        guard case .protocolViolation(let violation)? = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(violation.kind == .nestingTooDeep(limit: 100))
        await expectCleanOutcome(server)
    }

    @Test func aWholeSessionSentByteByByte() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let fetches = IMAPScripts.envelopeFetches(1...3) + "* 4 FETCH (UID 4 BODY[HEADER.FIELDS (LIST-ID)] {20}\r\n"
            + "List-Id: <a.b.c>\r\n\r\n FLAGS ())\r\n"
        let server = try await ScriptedServer.start([
            .sendSplit("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\r\n", .bytewise),
            .expect("A1 AUTHENTICATE PLAIN AGJvYgBib2Jwdw=="),
            .sendSplit("A1 OK [CAPABILITY \(IMAPScripts.capabilities)] Logged in\r\n", .bytewise),
            .expect("A2 SELECT INBOX"),
            .sendSplit(IMAPScripts.selectAnswer(tag: "A2", exists: 4), .bytewise),
            .expect("A3 UID FETCH 1:4 (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE BODY.PEEK[HEADER.FIELDS (LIST-ID)])"),
            .sendSplit(fetches + "A3 OK done\r\n", .bytewise),
            .expectClose,
        ], implicitTLS: .localhost, timeout: .seconds(60))
        let session = try await IMAPConnection.connect(imapSettings(port: server.port, caFile: ca.path))
        let inbox = try await session.select(.inbox)
        #expect(inbox.messageCount == 4 && inbox.uidNext == 5)
        let messages = try await session.fetchAll(SequenceSet(1...4), items: FetchAttribute.envelopeItems
            + [.body(.headerFields(["List-Id"]))])
        #expect(messages.map(\.uid) == [UID(1), UID(2), UID(3), UID(4)])
        #expect(messages[2].envelope?.mailEnvelope().from.first?.address == "sender3@example.org")
        #expect(messages[3].body(.headerFields(["LIST-ID"])) == Array("List-Id: <a.b.c>\r\n\r\n".utf8))
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func byeInTheMiddleOfAFetch() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 100) + [
            .expect("A3 UID FETCH 1:100 (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)"),
            .send(IMAPScripts.envelopeFetches(1...40)),
            .pause(milliseconds: 50),
            .send("* BYE Server shutting down for maintenance\r\n"),
            .close,
        ])
        _ = try await session.select(.inbox)
        let events = EventCollector(session)
        let groups = GroupCounter()
        let error = await #expect(throws: IMAPConnectionLost.self) {
            try await session.fetch(SequenceSet(1...100), items: FetchAttribute.envelopeItems) { groups.add($0) }
        }
        #expect(error?.reason == .bye("Server shutting down for maintenance"))
        #expect(error?.inFlight.map(\.name) == ["UID FETCH"])
        #expect(error?.description.contains("unanswered: UID FETCH 1:100") == true)
        #expect(groups.total == 40)
        #expect(await events.wait { $0.contains(.bye("Server shutting down for maintenance")) })
        #expect(await events.wait { $0.contains { if case .disconnected = $0 { true } else { false } } })
        await expectCleanOutcome(server)
    }

    @Test func aConnectionDroppedInTheMiddleOfABody() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 1) + [
            .expect("A3 UID FETCH 1 (UID BODY.PEEK[])"),
            .send("* 1 FETCH (UID 1 BODY[] {100000}\r\n" + String(repeating: "x", count: 5000)),
            .close,
        ])
        _ = try await session.select(.inbox)
        let error = await #expect(throws: IMAPConnectionLost.self) { try await session.fetchBody(uid: UID(1)) { _ in } }
        guard case .protocolViolation(let violation)? = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(violation.kind == .truncated)
        #expect(error?.inFlight.count == 1)
        await expectCleanOutcome(server)
    }

    @Test func unknownAndUnsolicitedResponsesAreNotFatal() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 2) + [
            .expect("A3 UID FETCH 1:2 (UID FLAGS)"),
            .send("* XAPPLEPUSHSERVICE aps-version 2 {3}\r\nabc\r\n* 1 FETCH (UID 1 FLAGS ())\r\n* 3 EXISTS\r\n"
                + "* 2 FETCH (UID 2 FLAGS (\\Seen) X-UNKNOWN-ITEM (a \"b\" (c)))\r\n* OK [ALERT] Mailbox almost full\r\n"
                + "* 2 EXPUNGE\r\n* 1 FETCH (FLAGS (\\Flagged))\r\nA3 OK done\r\n"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        let events = EventCollector(session)
        let messages = try await session.fetchAll(SequenceSet(1...2), items: [.flags])
        #expect(messages.map(\.uid) == [UID(1), UID(2)])
        #expect(await events.wait { kinds in
            kinds.contains(.exists(3)) && kinds.contains(.alert("Mailbox almost full"))
                && kinds.contains(.expunged(sequenceNumber: 2))
                && kinds.contains { if case .messageChanged(let m) = $0 { m.flags == [.flagged] } else { false } }
        })
        #expect(await session.selectedMailbox?.messageCount == 2)
        await session.close()
        await expectCleanOutcome(server)
    }

    /// The read timeout also covers the TLS handshake and login before the NOOP: 300 ms ran out
    /// there once on a loaded machine; 1.5 s still ends long before the server's 5 s pause.
    @Test func aSilentServerTimesOut() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.login() + [
            .expect("A2 NOOP"), .pause(milliseconds: 5000), .send("A2 OK late\r\n"), .expectClose,
        ], readTimeout: .milliseconds(1500))
        let error = await #expect(throws: IMAPConnectionLost.self) { try await session.noop() }
        guard case .transport(let transport)? = error?.reason else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(transport.kind == .readTimeout)
        #expect(error?.inFlight.map(\.traceText) == ["A2 NOOP"])
        await server.stop()
    }

    @Test func aSinkErrorEndsTheSession() async throws {
        struct DiskFull: Error {}
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 1) + [
            .expect("A3 UID FETCH 1 (UID BODY.PEEK[])"),
            .send("* 1 FETCH (UID 1 BODY[] {200000}\r\n" + String(repeating: "y", count: 200_000) + ")\r\nA3 OK done\r\n"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        await #expect(throws: DiskFull.self) { try await session.fetchBody(uid: UID(1)) { _ in throw DiskFull() } }
        #expect(await !session.isConnected)
        _ = await server.outcome()
    }

    @Test func aSectionTooLargeToHold() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 1) + [
            .expect("A3 UID FETCH 1 (UID BODY.PEEK[])"),
            .send("* 1 FETCH (UID 1 BODY[] {2000000}\r\n"),
            .expectClose,
        ], maximumHeldSectionSize: 1 << 20)
        _ = try await session.select(.inbox)
        await #expect(throws: SectionTooLarge.self) {
            try await session.fetchAll(SequenceSet([1]), items: [.body(.complete)])
        }
        _ = await server.outcome()
    }
}
