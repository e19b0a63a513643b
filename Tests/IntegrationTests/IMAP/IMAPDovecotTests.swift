import Foundation
import IMAP
import MailCore
import TernTestSupport
import Testing
import Transport

/// IMAP against the real Dovecot of the test stack: STARTTLS on 1143, TLS on 1993.
@Suite(.enabled(if: MailStack.shouldRun), .serialized)
struct IMAPDovecotTests {
    @Test(arguments: [ConnectionSecurity.startTLS, .tls])
    func logInAndListFoldersWithTheirRoles(security: ConnectionSecurity) async throws {
        let stack = try MailStack.required()
        let trace = TraceCollector()
        let session = try await IMAPDovecot.connect(stack, security: security, trace: ProtocolTrace { trace.append($0) })
        #expect(session.isTLSActive)
        #expect(await session.authenticationMethod == .plain)
        let capabilities = await session.capabilities
        for needed: Capability in [.idle, .qresync, .condStore, .move, .uidPlus, .esearch, .specialUse, .listStatus] {
            #expect(capabilities.contains(needed), "\(needed)")
        }
        #expect(await session.serverID?["name"] == "Dovecot")
        let folders = try await session.list(status: StatusAttribute.counts)
        let roles = Dictionary(folders.compactMap { folder in folder.role.map { ($0, folder.path.description) } },
                               uniquingKeysWith: { first, _ in first })
        #expect(roles[.inbox] == "INBOX")
        #expect(roles[.sent] == "Sent" && roles[.drafts] == "Drafts" && roles[.trash] == "Trash")
        #expect(roles[.junk] == "Junk" && roles[.archive] == "Archive")
        #expect(folders.first { $0.role == .inbox }?.status?.uidValidity != nil)
        await session.logout()
        let text = trace.lines.joined(separator: "\n")
        #expect(!text.contains(stack.alice.password))
        #expect(text.contains("AUTHENTICATE PLAIN ****"))
        if security == .startTLS { #expect(text.contains("C: A1 STARTTLS")) }
        if ProcessInfo.processInfo.environment["TERN_SHOW_TRACE"] == "1" { print(text) }
    }

    /// With COMPRESS=DEFLATE too (RFC 4978): the same bytes in both directions, a 3 MB body
    /// decompressed in pieces.
    @Test(arguments: [IMAPCompression.off, .on])
    func appendedMessagesComeBackByteIdentical(compression: IMAPCompression) async throws {
        let stack = try MailStack.required()
        let session = try await IMAPDovecot.connect(stack, compression: compression)
        #expect(session.isCompressed == (compression == .on))
        let folder = try await IMAPDovecot.temporaryFolder(session, "append")
        var sent: [[UInt8]] = [
            IMAPDovecot.message(subject: "Plain"),
            IMAPDovecot.message(subject: "=?utf-8?q?Gr=C3=BC=C3=9Fe?=", body: "Grüße aus Köln — ☕\r\n.\r\n..leading dots\r\n"),
            IMAPDovecot.message(subject: "Long lines", body: String(repeating: "x", count: 5000) + "\r\n"),
        ]
        // About 3 MB: streamed, not buffered, on the way back.
        var big = IMAPDovecot.message(subject: "Big")
        for line in 0..<40_000 { big += Array("line \(line) of a big message, with some padding text\r\n".utf8) }
        sent.append(big)
        var uids: [UID] = []
        for (index, message) in sent.enumerated() {
            let result = try await session.append(message, to: folder, flags: index == 0 ? [.seen] : [],
                                                  date: InternalDate(Date(timeIntervalSince1970: 1_700_000_000 + Double(index)),
                                                                     zoneMinutes: 60))
            let appended = try #require(result)
            uids.append(appended.uid)
        }
        let selected = try await session.select(folder)
        #expect(selected.messageCount == sent.count)
        #expect(selected.uidNext == uids.last.map { $0.value + 1 })
        let messages = try await session.fetchAll(SequenceSet(uids.map(\.value)), items: FetchAttribute.envelopeItems)
        #expect(messages.map(\.uid) == uids)
        #expect(messages[0].mailFlags == [.seen])
        #expect(messages[1].envelope?.mailEnvelope().subject == "Grüße")
        #expect(messages[2].size == sent[2].count)
        #expect(messages[3].internalDate?.date == Date(timeIntervalSince1970: 1_700_000_003))
        for (uid, original) in zip(uids, sent) {
            let fetched = try await session.fetchMessage(uid: uid)
            #expect(fetched == original, "UID \(uid)")
        }
        // Streaming: the big one arrives in pieces, none of them the whole (how many depends on
        // how much the socket holds when the client reads, which varies with the machine's load).
        let pieces = PieceCounter()
        let size = try await session.fetchBody(uid: uids[3]) { pieces.add($0.count) }
        #expect(size == big.count)
        #expect(pieces.count >= 2 && pieces.largest < big.count)
        #expect(try await session.fetchMessage(uid: UID(uids[3].value + 100)) == nil)
        try await session.unselect()
        try await session.delete(folder)
        await session.logout()
    }

    @Test func flagsAreStoredAndReadBack() async throws {
        let stack = try MailStack.required()
        let session = try await IMAPDovecot.connect(stack)
        let folder = try await IMAPDovecot.temporaryFolder(session, "flags")
        for index in 0..<3 { try await session.append(IMAPDovecot.message(subject: "Flags \(index)"), to: folder) }
        let selected = try await session.select(folder)
        #expect(selected.permanentFlags.contains(.wildcard))
        let all = SequenceSet.all
        _ = try await session.store(SequenceSet([1, 2]), .add, flags: [.seen, .flagged])
        _ = try await session.store(SequenceSet([2]), .remove, flags: [.seen])
        _ = try await session.store(SequenceSet([3]), .replace, flags: [.answered, MessageFlag("$Label1"), .forwarded])
        let verbose = try await session.store(SequenceSet([1]), .add, flags: [.draft], silent: false)
        #expect(verbose.updated.first?.mailFlags == [.seen, .flagged, .draft])
        let flags = Dictionary(uniqueKeysWithValues: try await session.fetchAll(all, items: [.flags]).map {
            ($0.uid?.value ?? 0, $0.mailFlags ?? [])
        })
        #expect(flags[1] == [.seen, .flagged, .draft])
        #expect(flags[2] == [.flagged])
        #expect(flags[3] == [.answered, .keyword("$Label1"), .forwarded])
        let unseen = try await session.search(.unseen)
        #expect(unseen.uids == [UID(2), UID(3)])
        try await session.unselect()
        try await session.delete(folder)
        await session.logout()
    }

    @Test func condstoreAndQresyncReportWhatChanged() async throws {
        let stack = try MailStack.required()
        let session = try await IMAPDovecot.connect(stack)
        let enabled = try await session.enable([.qresync, .condStore])
        #expect(enabled.contains(.qresync))
        let folder = try await IMAPDovecot.temporaryFolder(session, "qresync")
        for index in 0..<5 { try await session.append(IMAPDovecot.message(subject: "Q \(index)"), to: folder) }
        let first = try await session.select(folder)
        let uidValidity = try #require(first.uidValidity)
        let modSeq = try #require(first.highestModSeq)
        // Another client (here: a second connection) changes flags and expunges.
        let other = try await IMAPDovecot.connect(stack)
        _ = try await other.select(folder)
        _ = try await other.store(SequenceSet([2]), .add, flags: [.flagged])
        try await other.expunge(SequenceSet([4]))
        await other.logout()
        try await session.unselect()
        let again = try await session.select(folder, qresync: QResyncParameters(
            uidValidity: uidValidity, modSeq: modSeq, knownUIDs: SequenceSet(1...5)))
        #expect(again.vanished == SequenceSet(ranges: [4...4]))
        #expect(again.changed.map(\.uid) == [UID(2)])
        #expect(again.changed.first?.mailFlags == [.flagged])
        #expect((again.changed.first?.modSeq ?? 0) > modSeq)
        #expect((again.highestModSeq ?? 0) > modSeq)
        // The same through FETCH (CHANGEDSINCE ... VANISHED).
        let changed = try await session.fetchAll(.all, items: [.flags], changedSince: modSeq)
        #expect(changed.map(\.uid) == [UID(2)])
        let outcome = try await session.fetch(.all, items: [.flags], changedSince: modSeq, vanished: true) { _ in }
        #expect(outcome.vanished == SequenceSet(ranges: [4...4]))
        // A conditional store that loses the race.
        let stale = try await session.store(SequenceSet([2]), .add, flags: [.seen], unchangedSince: modSeq)
        #expect(stale.modified == SequenceSet(ranges: [2...2]))
        try await session.unselect()
        try await session.delete(folder)
        await session.logout()
    }

    @Test func moveAndDelete() async throws {
        let stack = try MailStack.required()
        let session = try await IMAPDovecot.connect(stack)
        let source = try await IMAPDovecot.temporaryFolder(session, "move-from")
        let target = try await IMAPDovecot.temporaryFolder(session, "move-to")
        for index in 0..<4 { try await session.append(IMAPDovecot.message(subject: "M \(index)"), to: source) }
        _ = try await session.select(source)
        let moved = try #require(try await session.move(SequenceSet([1, 3]), to: target))
        #expect(moved.mapping.map(\.source) == [UID(1), UID(3)])
        #expect(await session.selectedMailbox?.messageCount == 2)
        let removed = try await session.expunge(SequenceSet([2]))
        #expect(removed.expungedSequenceNumbers == [1] || removed.vanished == SequenceSet(ranges: [2...2]))
        #expect(try await session.fetchAll(.all, items: [.uid]).map(\.uid) == [UID(4)])
        let targetStatus = try await session.status(target)
        #expect(targetStatus.messageCount == 2)
        _ = try await session.select(target)
        let subjects = try await session.fetchAll(.all, items: [.envelope]).compactMap { $0.envelope?.mailEnvelope().subject }
        #expect(subjects == ["M 0", "M 2"])
        try await session.unselect()
        try await session.delete(source)
        try await session.delete(target)
        let error = await #expect(throws: IMAPCommandError.self) { try await session.select(source) }
        #expect(error?.status == .no)
        #expect(error?.description.contains("SELECT tern-imap-move-from") == true)
        await session.logout()
    }

    @Test(arguments: [IMAPCompression.off, .on])
    func idleSeesNewMailWithinASecond(compression: IMAPCompression) async throws {
        let stack = try MailStack.required()
        let watcher = try await IMAPDovecot.connect(stack, compression: compression)
        #expect(watcher.isCompressed == (compression == .on))
        let folder = try await IMAPDovecot.temporaryFolder(watcher, "idle")
        let selected = try await watcher.select(folder)
        #expect(selected.messageCount == 0)
        let events = IMAPEventRecorder(watcher)
        let idle = Task { try await watcher.idle() }
        try await Task.sleep(for: .milliseconds(300))  // let IDLE start
        let writer = try await IMAPDovecot.connect(stack)
        try await writer.append(IMAPDovecot.message(subject: "New mail"), to: folder)
        // Measured from the moment the server confirmed the APPEND (the message is stored).
        let appended = ContinuousClock.now
        let arrival = await events.firstArrival(within: .seconds(5)) { $0 == .exists(1) }
        let delay = try #require(arrival) - appended
        print("IDLE: EXISTS arrived \(delay) after the APPEND")
        #expect(delay < .seconds(1))
        await watcher.stopIdle()
        try await idle.value
        #expect(await watcher.selectedMailbox?.messageCount == 1)
        try await watcher.unselect()
        try await watcher.delete(folder)
        await watcher.logout()
        await writer.logout()
    }

    /// COMPRESS is offered by the test Dovecot; `.automatic` leaves a server on this machine
    /// uncompressed, `.on` compresses over STARTTLS as over TLS, and the trace says so.
    @Test(arguments: [ConnectionSecurity.startTLS, .tls])
    func compressionIsNegotiatedWhenAsked(security: ConnectionSecurity) async throws {
        let stack = try MailStack.required()
        let local = try await IMAPDovecot.connect(stack, security: security)
        #expect(await local.capabilities.contains(.compressDeflate))
        #expect(!local.isCompressed)
        await local.logout()
        let trace = TraceCollector()
        let compressed = try await IMAPDovecot.connect(stack, security: security, compression: .on,
                                                       trace: ProtocolTrace { trace.append($0) })
        #expect(compressed.isCompressed)
        let folders = try await compressed.list(status: StatusAttribute.counts)
        #expect(folders.contains { $0.role == .inbox })
        #expect(await compressed.serverID?["name"] == "Dovecot")
        await compressed.logout()
        let text = trace.lines.joined(separator: "\n")
        #expect(text.contains("COMPRESS DEFLATE"))
        #expect(text.contains("COMPRESS=DEFLATE active"))
        #expect(text.contains("COMPRESS=DEFLATE: received"))
        #expect(!text.contains(stack.alice.password))
    }

    @Test func aWrongPasswordIsRefused() async throws {
        let stack = try MailStack.required()
        let error = await #expect(throws: AuthenticationFailure.self) {
            try await IMAPConnection.connect(IMAPDovecot.settings(stack, password: "not-the-password"))
        }
        #expect(error?.isTemporary == false)
        #expect(error?.username == "alice")
        #expect(error?.description.contains("not-the-password") == false)
    }
}

/// Counts pieces of a streamed body.
final class PieceCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [Int] = []

    func add(_ size: Int) { lock.withLock { sizes.append(size) } }
    var count: Int { lock.withLock { sizes.count } }
    var largest: Int { lock.withLock { sizes.max() ?? 0 } }
}
