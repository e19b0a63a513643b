import Foundation
import MailEngine
import MailStore
import TernTestSupport
import Testing

/// `tern send` and `tern outbox` against the fake SMTP server of TernTestSupport (no mail stack
/// needed): exit statuses, retries, the trace, the outbox commands.
@Suite struct SendCommandFakeServerTests {
    /// A fake server with STARTTLS and alice's login, a temporary home and a local Maildir account.
    struct Setup {
        let server: FakeSMTPServer
        let tern: TernBinary
        let caFile: String

        init(_ change: @Sendable (inout FakeSMTPServer.Behavior) -> Void = { _ in }) async throws {
            var behavior = FakeSMTPServer.Behavior()
            behavior.offerStartTLS = true
            behavior.users = ["alice": "alicepw"]
            change(&behavior)
            server = try await FakeSMTPServer.start(behavior)
            caFile = try ScriptedServer.writeTemporaryPEM(TestPKI.caCertificatePEM, name: "ca")
            let mail = FileManager.default.temporaryDirectory.appendingPathComponent("tern-cli-mail-\(UUID().uuidString)")
            tern = try TernBinary(host: "127.0.0.1", smtpPort: server.port, security: "starttls", caFile: caFile,
                                  password: "alicepw", source: "[accounts.alice.maildir]\npath = \"\(mail.path)\"")
        }

        var sentFolder: URL {
            let config = (try? String(contentsOf: tern.folder.appendingPathComponent("config.toml"), encoding: .utf8)) ?? ""
            let path = config.split(separator: "\n").first { $0.hasPrefix("path = ") }
                .map { String($0.dropFirst(8).dropLast()) } ?? ""
            return URL(fileURLWithPath: path).appendingPathComponent(".Sent/cur")
        }

        func remove() async {
            await server.stop()
            try? FileManager.default.removeItem(atPath: caFile)
            try? FileManager.default.removeItem(at: sentFolder.deletingLastPathComponent().deletingLastPathComponent())
            tern.remove()
        }
    }

    @Test func aTemporaryFailureExits75ThenFlushSendsItOnce() async throws {
        let setup = try await Setup { $0.finalReply = { $0 == 0 ? "451 4.3.0 Temporary trouble, try later" : nil } }
        let send = try setup.tern.run(["send", "--to", "bob@example.test", "--bcc", "eve@example.test",
                                       "--subject", "retry me"], input: "hello\n")
        #expect(send.status == 75, "\(send.error)")
        #expect(send.error.contains("end of DATA failed: the server refused the message after receiving it: "
            + "451 4.3.0 Temporary trouble, try later"))
        #expect(send.error.contains("it is retried after"))
        #expect(setup.server.messages.isEmpty)
        let list = try setup.tern.run(["outbox"])
        #expect(list.output.contains("queued, 1 attempt, next after"))
        #expect(list.output.contains("end of DATA: the server refused the message"))

        let flush = try setup.tern.run(["outbox", "flush"])
        #expect(flush.status == 0, "\(flush.error)")
        #expect(flush.output.contains("Sent: the server accepted it"))
        #expect(setup.server.messages.count == 1)
        #expect(setup.server.messages.first?.recipients == ["bob@example.test", "eve@example.test"])
        let copies = try FileManager.default.contentsOfDirectory(atPath: setup.sentFolder.path)
        #expect(copies.count == 1)
        let copy = try String(contentsOf: setup.sentFolder.appendingPathComponent(copies[0]), encoding: .utf8)
        #expect(copy.contains("Bcc: eve@example.test"))
        #expect(!String(decoding: setup.server.messages[0].data, as: UTF8.self).contains("Bcc"))

        let again = try setup.tern.run(["outbox", "flush"])
        #expect(again.output.contains("Nothing to send."))
        #expect(setup.server.messages.count == 1)
        await setup.remove()
    }

    @Test func theTraceHidesThePassword() async throws {
        let setup = try await Setup()
        let send = try setup.tern.run(["send", "--trace", "--to", "bob@example.test", "--subject", "traced"], input: "x\n")
        #expect(send.status == 0, "\(send.error)")
        #expect(send.error.contains("C: STARTTLS"))
        #expect(send.error.contains("C: AUTH PLAIN ****"))
        #expect(send.error.contains("C: [") && send.error.contains("bytes of message text]"))
        for secret in ["alicepw", "YWxpY2Vwdw", "AGFsaWNlAGFsaWNlcHc"] { #expect(!send.error.contains(secret)) }
        await setup.remove()
    }

    @Test func aDroppedConnectionKeepsTheMessage() async throws {
        let setup = try await Setup { $0.dropAfterData = { $0 == 0 } }
        let send = try setup.tern.run(["send", "--to", "bob@example.test", "--subject", "dropped"], input: "x\n")
        #expect(send.status == 75, "\(send.error)")
        #expect(send.error.contains("stays queued"))
        #expect(try setup.tern.run(["outbox", "flush"]).status == 0)
        #expect(try setup.tern.run(["outbox", "flush"]).status == 0)
        #expect(setup.server.messages.count == 1)
        await setup.remove()
    }

    @Test func showRetryAndDelete() async throws {
        let setup = try await Setup { $0.recipientReply = { $0.hasPrefix("nobody") ? "550 5.1.1 <\($0)>: no such user" : nil } }
        let queued = try setup.tern.run(["send", "--queue", "--to", "nobody@example.test", "--bcc", "eve@example.test",
                                         "--subject", "show me"], input: "body text\n")
        #expect(queued.status == 0)
        let entry = try #require(try Outbox(directory: setup.tern.outbox).entries().first)
        let show = try setup.tern.run(["outbox", "show", entry.id])
        #expect(show.output.contains("envelope: from <alice@example.test> to <nobody@example.test> <eve@example.test>"))
        #expect(show.output.contains("bcc: eve@example.test"))
        #expect(show.output.contains("body text"))

        let flush = try setup.tern.run(["outbox", "flush"])
        #expect(flush.status == 1)
        #expect(flush.error.contains("nobody@example.test: 550 5.1.1 <nobody@example.test>: no such user"))
        #expect(try setup.tern.run(["outbox"]).output.contains("FAILED"))
        // Failed messages wait for the user.
        #expect(try setup.tern.run(["outbox", "flush"]).output.contains("Nothing to send."))
        setup.server.update { $0.recipientReply = { _ in nil } }
        let retry = try setup.tern.run(["outbox", "retry", entry.id])
        #expect(retry.status == 0, "\(retry.error)")
        #expect(setup.server.messages.count == 1)

        let another = try setup.tern.run(["send", "--queue", "--to", "bob@example.test", "--subject", "drop me"], input: "x")
        #expect(another.status == 0)
        let second = try #require(try Outbox(directory: setup.tern.outbox).entries().first)
        let delete = try setup.tern.run(["outbox", "delete", second.id])
        #expect(delete.output.contains("Deleted \(second.id)"))
        #expect(try Outbox(directory: setup.tern.outbox).entries().isEmpty)
        #expect(try setup.tern.run(["outbox", "delete", "ffffffff"]).status == 64)
        await setup.remove()
    }

    /// A message held while the UI's composer edits it is sent by `tern outbox retry` as it was, and
    /// no longer says it is held (the CLI used to leave the note).
    @Test func retryOfAMessageHeldForEditingDropsTheHeldNote() async throws {
        let setup = try await Setup { $0.recipientReply = { $0.hasPrefix("nobody") ? "550 5.1.1 <\($0)>: no such user" : nil } }
        let queued = try setup.tern.run(["send", "--queue", "--to", "nobody@example.test", "--subject", "held"], input: "x\n")
        #expect(queued.status == 0, "\(queued.error)")
        let outbox = Outbox(directory: setup.tern.outbox)
        let entry = try #require(try outbox.entries().first)
        _ = try await OutboxQueue(outbox: outbox).holdForEditing(entry.id)
        #expect(try outbox.entries().first?.note == OutboxQueue.heldNote)
        let retry = try setup.tern.run(["outbox", "retry", entry.id])
        #expect(retry.status == 1, "refused again: \(retry.error)")
        let after = try #require(try outbox.entries().first)
        #expect(after.note != OutboxQueue.heldNote)
        #expect(after.attempts > entry.attempts)
        await setup.remove()
    }
}
