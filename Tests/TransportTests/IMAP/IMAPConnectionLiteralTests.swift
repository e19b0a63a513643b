import Foundation
import IMAP
import MailCore
import TernTestSupport
import Testing
@testable import Transport

/// Synchronising literals, fallbacks for servers without MOVE or LIST-EXTENDED.
@Suite struct IMAPConnectionLiteralTests {
    static let plainCapabilities = "IMAP4rev1 UIDPLUS IDLE"

    @Test func appendWaitsForTheContinuationWithoutLiteralPlus() async throws {
        let message = "Subject: s\r\n\r\nbody\r\n"
        let (server, session) = try await connectIMAP(IMAPScripts.login(capabilities: Self.plainCapabilities) + [
            .expect("A2 APPEND Drafts (\\Draft) {\(message.utf8.count)}"),
            .send("+ Ready for literal data\r\n"),
            .expect("Subject: s"), .expect(""), .expect("body"), .expect(""),
            .send("A2 OK [APPENDUID 5 9] Append completed.\r\n"),
            .expect("A3 APPEND Drafts {6}"),
            .send("A3 NO [OVERQUOTA] Quota exceeded\r\n"),
            .expect("A4 NOOP"),
            .send("A4 OK done\r\n"),
            .expectClose,
        ])
        let result = try await session.append(Array(message.utf8), to: MailboxName("Drafts"), flags: [.draft])
        #expect(result == AppendResult(uidValidity: 5, uid: UID(9)))
        // Refused before the literal: nothing more is sent for that command, the session goes on.
        let error = await #expect(throws: IMAPCommandError.self) {
            try await session.append(Array("x\r\ny\r\n".utf8), to: MailboxName("Drafts"))
        }
        #expect(error?.code == .overQuota)
        try await session.noop()
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func moveWithUIDPLUSButNoMove() async throws {
        let (server, session) = try await connectIMAP(
            IMAPScripts.loginAndSelect(exists: 5, capabilities: Self.plainCapabilities) + [
                .expect("A3 UID COPY 2:3 Trash"), .send("A3 OK [COPYUID 44 2:3 100:101] done\r\n"),
                .expect("A4 UID STORE 2:3 +FLAGS.SILENT (\\Deleted)"), .send("A4 OK done\r\n"),
                .expect("A5 UID EXPUNGE 2:3"), .send("* 2 EXPUNGE\r\n* 2 EXPUNGE\r\nA5 OK done\r\n"),
                .expectClose,
            ])
        _ = try await session.select(.inbox)
        let moved = try await session.move(SequenceSet(2...3), to: MailboxName("Trash"))
        #expect(moved?.mapping.map(\.destination) == [UID(100), UID(101)])
        #expect(await session.selectedMailbox?.messageCount == 3)
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func subscribedFoldersWithLSUBAndStatusOneByOne() async throws {
        let (server, session) = try await connectIMAP(IMAPScripts.login(capabilities: Self.plainCapabilities) + [
            .expect("A2 LSUB \"\" *"),
            .send("* LSUB () \".\" INBOX\r\n* LSUB (\\Noselect) \".\" Lists\r\n* LSUB () \".\" Lists.dev\r\nA2 OK done\r\n"),
            .expect("A3 STATUS INBOX (MESSAGES UNSEEN)"),
            .expect("A4 STATUS Lists.dev (MESSAGES UNSEEN)"),
            .send("* STATUS INBOX (MESSAGES 2 UNSEEN 1)\r\nA3 OK done\r\nA4 NO [NONEXISTENT] gone\r\n"),
            .expectClose,
        ])
        let folders = try await session.list(subscribedOnly: true, status: [.messages, .unseen])
        #expect(folders.map(\.path.components) == [["INBOX"], ["Lists"], ["Lists", "dev"]])
        #expect(folders[0].status?.messageCount == 2)
        #expect(folders[2].status == nil)
        await session.close()
        await expectCleanOutcome(server)
    }

    @Test func aNonASCIIUserNameGoesAsALiteral() async throws {
        let ca = try TemporaryPEM(TestPKI.caCertificatePEM)
        let server = try await ScriptedServer.start([
            .send("* OK [CAPABILITY IMAP4rev1] ready\r\n"),
            .expect("A1 LOGIN {5}"), .send("+ go on\r\n"),
            .expect("jörg \"p w\""),
            .send("A1 OK [CAPABILITY IMAP4rev1] Logged in\r\n"),
            .expectClose,
        ], implicitTLS: .localhost)
        var settings = imapSettings(port: server.port, caFile: ca.path)
        settings.credentials = IMAPCredentials(username: "jörg", secret: .password("p w"))
        let trace = TraceLines()
        let session = try await IMAPConnection.connect(settings, trace: trace.makeTrace())
        #expect(await session.authenticationMethod == .login)
        await session.close()
        await expectCleanOutcome(server)
        #expect(!trace.lines.joined().contains("p w"))
    }
}
