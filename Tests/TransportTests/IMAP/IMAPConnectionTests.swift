import Foundation
import IMAP
import MailCore
import TernTestSupport
import Testing
@testable import Transport

@Suite struct IMAPConnectionTests {
    @Test func logInListAndSelect() async throws {
        let trace = TraceLines()
        let (server, session) = try await connectIMAP(IMAPScripts.login() + [
            .expect("A2 LIST \"\" * RETURN (SPECIAL-USE STATUS (MESSAGES UNSEEN UIDNEXT UIDVALIDITY))"),
            .send("* LIST (\\HasNoChildren) \"/\" INBOX\r\n* STATUS INBOX (MESSAGES 3 UNSEEN 1 UIDNEXT 4 UIDVALIDITY 7)\r\n"
                + "* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n* STATUS Sent (MESSAGES 0 UNSEEN 0 UIDNEXT 1 UIDVALIDITY 8)\r\n"
                + "* LIST (\\Noselect \\HasChildren) \"/\" Lists\r\n* LIST (\\HasNoChildren) \"/\" \"Lists/Entw&APw-rfe\"\r\n"
                + "* LIST (\\HasNoChildren \\Trash) \"/\" {5}\r\nTrash\r\nA2 OK List completed.\r\n"),
            .expect("A3 SELECT INBOX"),
            .send(IMAPScripts.selectAnswer(tag: "A3", exists: 3)),
            .expect("A4 LOGOUT"),
            .send("* BYE Logging out\r\nA4 OK Logout completed.\r\n"),
            .close,
        ], trace: trace.makeTrace())
        #expect(await session.authenticationMethod == .plain)
        #expect(await session.capabilities.contains(.move))
        let folders = try await session.list(status: StatusAttribute.counts)
        #expect(folders.map(\.path.description) == ["INBOX", "Sent", "Lists", "Lists/Entwürfe", "Trash"])
        #expect(folders.map(\.role) == [.inbox, .sent, nil, nil, .trash])
        #expect(folders.map(\.isSelectable) == [true, true, false, true, true])
        #expect(folders[0].status?.messageCount == 3 && folders[0].status?.unseenCount == 1)
        #expect(folders[1].status?.uidValidity == 8)
        let inbox = try await session.select(.inbox)
        #expect(inbox.messageCount == 3 && inbox.uidNext == 4 && inbox.uidValidity == 1_700_000_000)
        #expect(inbox.highestModSeq == 9000 && !inbox.isReadOnly && inbox.allowsNewKeywords)
        #expect(inbox.flags.count == 5)
        #expect(await session.selectedMailbox == inbox)
        await session.logout()
        #expect(await !session.isConnected)
        await expectCleanOutcome(server)
        let text = trace.lines.joined(separator: "\n")
        #expect(text.contains("C: A1 AUTHENTICATE PLAIN ****"))
        #expect(!text.contains("AGJvYgBib2Jwdw=="))
        #expect(text.contains("S: * LIST (\\HasNoChildren \\Sent) \"/\" \"Sent\""))
    }

    @Test func fetchDeliversGroupsAndStreamsBodies() async throws {
        // 1.2 MB: more than one read burst can bring (NIO reads at most 4 x 64 KB before the handler
        // sees them, and TLS may join those), so the body arrives in pieces however loaded the machine.
        let body = String(repeating: "Line of the message body.\r\n", count: 45_000)
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 1200) + [
            .expect("A3 UID FETCH 1:1200 (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)"),
            .send(IMAPScripts.envelopeFetches(1...1200) + "* 5 FETCH (FLAGS (\\Deleted))\r\nA3 OK Fetch completed.\r\n"),
            .expect("A4 UID FETCH 7 (UID BODY.PEEK[])"),
            .sendSplit("* 7 FETCH (UID 7 BODY[] {\(body.utf8.count)}\r\n\(body))\r\nA4 OK done\r\n", .sizes([7000, 333])),
            .expect("A5 UID FETCH 9 (UID BODY.PEEK[])"),
            .send("A5 OK done\r\n"),
            .expectClose,
        ], limits: IMAPLimits(streamingThreshold: 1000))
        _ = try await session.select(.inbox)
        let events = EventCollector(session)
        let groups = GroupCounter()
        let outcome = try await session.fetch(SequenceSet(1...1200), items: FetchAttribute.envelopeItems) { messages in
            groups.add(messages)
        }
        #expect(outcome.messageCount == 1200)
        #expect(groups.total == 1200 && groups.count >= 3)
        #expect(groups.first?.uid == UID(1))
        #expect(groups.first?.envelope?.mailEnvelope().subject == "Message number 1 about café")
        #expect(groups.first?.mailFlags == [.seen])
        // The FETCH nobody asked for went to the event stream.
        #expect(await events.wait { $0.contains { if case .messageChanged(let m) = $0 { m.sequenceNumber == 5 } else { false } } })
        let collected = PieceCollector()
        let size = try await session.fetchBody(uid: UID(7)) { collected.add($0) }
        #expect(size == body.utf8.count)
        #expect(collected.bytes == Array(body.utf8))
        #expect(collected.pieces > 1)
        #expect(try await session.fetchBody(uid: UID(9)) { _ in } == nil)
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func pipelinedBatches() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 2500) + [
            .expect("A3 UID FETCH 1:1000 (UID FLAGS)"),
            .expect("A4 UID FETCH 1001:2000 (UID FLAGS)"),
            .expect("A5 UID FETCH 2001:2500 (UID FLAGS)"),
            .send((1...1000).map { "* \($0) FETCH (UID \($0) FLAGS ())\r\n" }.joined() + "A3 OK done\r\n"),
            .send((1001...2000).map { "* \($0) FETCH (UID \($0) FLAGS ())\r\n" }.joined() + "A4 OK done\r\n"),
            .send((2001...2500).map { "* \($0) FETCH (UID \($0) FLAGS (\\Seen))\r\n" }.joined() + "A5 OK done\r\n"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        let groups = GroupCounter()
        let outcome = try await session.fetch(.all, items: [.flags], batchSize: 1000) { groups.add($0) }
        #expect(outcome.messageCount == 2500)
        #expect(groups.uids == Array(1...2500))
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func storeCopyMoveAppendSearch() async throws {
        let message = "From: a@example.org\r\nSubject: hi\r\n\r\nHello\r\n"
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 3) + [
            .expect("A3 UID STORE 1:2 +FLAGS.SILENT (\\Flagged \\Seen)"),
            .send("* 1 FETCH (UID 1 MODSEQ (9001))\r\nA3 OK Store completed.\r\n"),
            .expect("A4 UID STORE 3 (UNCHANGEDSINCE 5) FLAGS.SILENT (\\Seen)"),
            .send("A4 OK [MODIFIED 3] Conditional store failed\r\n"),
            .expect("A5 UID COPY 1:2 Archive"),
            .send("A5 OK [COPYUID 99 1:2 11:12] Copy completed.\r\n"),
            .expect("A6 UID MOVE 3 Trash"),
            .send("* OK [COPYUID 98 3 40] Moved UIDs.\r\n* 3 EXPUNGE\r\nA6 OK Move completed.\r\n"),
            .expect("A7 APPEND Sent (\\Seen) {\(message.utf8.count)+}"),
            .expect("From: a@example.org"), .expect("Subject: hi"), .expect(""), .expect("Hello"), .expect(""),
            .send("A7 OK [APPENDUID 77 5] Append completed.\r\n"),
            .expect("A8 UID SEARCH RETURN (ALL COUNT) (UNSEEN FROM ann)"),
            .send("* ESEARCH (TAG \"A8\") UID COUNT 3 ALL 1:2,7\r\nA8 OK Search completed.\r\n"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        let stored = try await session.store(SequenceSet([1, 2]), .add, flags: [.flagged, .seen])
        #expect(stored.updated.map(\.modSeq) == [9001] && stored.modified == nil)
        let conditional = try await session.store(SequenceSet([3]), .replace, flags: [.seen], unchangedSince: 5)
        #expect(conditional.modified == SequenceSet(ranges: [3...3]))
        let copied = try await session.copy(SequenceSet([1, 2]), to: MailboxName("Archive"))
        #expect(copied?.uidValidity == 99)
        #expect(copied?.mapping.map(\.destination) == [UID(11), UID(12)])
        let moved = try await session.move(SequenceSet([3]), to: MailboxName("Trash"))
        #expect(moved?.mapping == [CopyResult.UIDPair(source: UID(3), destination: UID(40))])
        #expect(await session.selectedMailbox?.messageCount == 2)
        let appended = try await session.append(Array(message.utf8), to: MailboxName("Sent"), flags: [.seen], date: nil)
        #expect(appended == AppendResult(uidValidity: 77, uid: UID(5)))
        let found = try await session.search(.and([.unseen, .from("ann")]))
        #expect(found.count == 3 && found.uids == [UID(1), UID(2), UID(7)])
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func moveWithoutMoveOrUIDPLUSProtectsOtherDeletedMessages() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.loginAndSelect(exists: 9, capabilities: "IMAP4rev1 IDLE") + [
            .expect("A3 UID COPY 4 Trash"), .send("A3 OK done\r\n"),
            .expect("A4 UID STORE 4 +FLAGS.SILENT (\\Deleted)"), .send("A4 OK done\r\n"),
            .expect("A5 UID SEARCH (DELETED NOT UID 4)"), .send("* SEARCH 2 8\r\nA5 OK done\r\n"),
            .expect("A6 UID STORE 2,8 -FLAGS.SILENT (\\Deleted)"), .send("A6 OK done\r\n"),
            .expect("A7 EXPUNGE"), .send("* 4 EXPUNGE\r\nA7 OK done\r\n"),
            .expect("A8 UID STORE 2,8 +FLAGS.SILENT (\\Deleted)"), .send("A8 OK done\r\n"),
            .expect("A9 UID COPY 5 Trash"), .send("A9 OK done\r\n"),
            .expect("A10 UID STORE 5 +FLAGS.SILENT (\\Deleted)"), .send("A10 OK done\r\n"),
            .expect("A11 UID SEARCH (DELETED NOT UID 5)"), .send("* SEARCH\r\nA11 OK done\r\n"),
            .expect("A12 EXPUNGE"), .send("* 4 EXPUNGE\r\nA12 OK done\r\n"),
            .expectClose,
        ])
        _ = try await session.select(.inbox)
        #expect(try await session.move(SequenceSet([4]), to: MailboxName("Trash")) == nil)
        #expect(try await session.move(SequenceSet([5]), to: MailboxName("Trash")) == nil)
        #expect(await session.selectedMailbox?.messageCount == 7)
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func commandErrorsLeaveTheSessionUsable() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.login() + [
            .expect("A2 SELECT Nope"),
            .send("A2 NO [NONEXISTENT] Mailbox doesn't exist: Nope\r\n"),
            .expect("A3 NOOP"),
            .send("A3 OK NOOP completed.\r\n"),
            .expectClose,
        ])
        let error = await #expect(throws: IMAPCommandError.self) { try await session.select(MailboxName("Nope")) }
        #expect(error?.code == .nonExistent)
        #expect(error?.description.contains("SELECT Nope") == true)
        #expect(error?.description.contains("does not exist") == true)
        await #expect(throws: IMAPUsageError.self) { try await session.fetchAll(.all, items: [.flags]) }
        try await session.noop()
        #expect(await session.isConnected)
        await session.close()
        await expectCleanOutcome(server)
    }
}

/// Counts groups of fetched messages.
final class GroupCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var groups: [[FetchedMessage]] = []

    func add(_ group: [FetchedMessage]) { lock.withLock { groups.append(group) } }
    var count: Int { lock.withLock { groups.count } }
    var total: Int { lock.withLock { groups.reduce(0) { $0 + $1.count } } }
    var first: FetchedMessage? { lock.withLock { groups.first?.first } }
    var uids: [Int] { lock.withLock { groups.flatMap { $0.compactMap { $0.uid.map { Int($0.value) } } } } }
}

/// Collects body pieces.
final class PieceCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [UInt8] = []
    private var count = 0

    func add(_ piece: ArraySlice<UInt8>) {
        lock.withLock {
            stored += piece
            count += 1
        }
    }

    var bytes: [UInt8] { lock.withLock { stored } }
    var pieces: Int { lock.withLock { count } }
}
