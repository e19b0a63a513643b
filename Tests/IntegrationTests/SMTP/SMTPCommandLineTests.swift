import Foundation
import MailCore
import MailStore
import TernTestSupport
import Testing

/// `tern send` and `tern outbox` as a user runs them: the built binary, a config file pointing at
/// the stack, the password in TERN_TEST_PW.
@Suite(.enabled(if: MailStack.shouldRun), .serialized)
struct SMTPCommandLineTests {
    @Test(arguments: ["starttls", "tls"])
    func sendComposesAndSends(security: String) async throws {
        let stack = try MailStack.required()
        let tern = try TernBinary(stack, security: security)
        defer { tern.remove() }
        let token = UUID().uuidString
        let attachment = tern.folder.appendingPathComponent("notes-\(token).txt")
        try Data("attached text \(token)\n".utf8).write(to: attachment)
        let bodyFile = tern.folder.appendingPathComponent("body.txt")
        try Data("Grüße, Bob!\nZweite Zeile.\n".utf8).write(to: bodyFile)
        let result = try tern.run(["send", "--to", "Bob <bob@example.test>", "--subject", "CLI ✓ \(token)",
                                   "--attach", attachment.path, "--body-file", bodyFile.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Sent: the server accepted it (250 2.0.0 Ok: queued as"))
        // The Sent copy went to alice's Sent folder over IMAP, so the message left the outbox.
        #expect(!result.output.contains("Sent copy not made yet"), "\(result.output)")
        let outbox = Outbox(directory: tern.outbox)
        #expect(try outbox.entries().isEmpty)

        let received = try await StackMail.fetch(stack, user: stack.bob, subjectContaining: token)
        #expect(received.count == 1)
        let message = Message(bytes: try #require(received.first))
        #expect(message.header.text("Subject") == "CLI ✓ \(token)")
        #expect(message.bodyParts().first?.part.text().contains("Grüße, Bob!") == true)
        #expect(message.attachments().first?.part.decodedBody() == Array("attached text \(token)\n".utf8))
        let messageID = try #require(message.header.text("Message-ID"))
            .trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        let sentCopy = try StackMail.imapFetch(stack, user: stack.alice, folder: "Sent", messageID: messageID)
        #expect(sentCopy.count == 1)
        #expect(sentCopy.first.map { Message(bytes: $0).header.text("Subject") } == "CLI ✓ \(token)")

        let listing = try tern.run(["outbox"])
        #expect(listing.status == 0)
        #expect(!listing.output.contains(token))
        // Flushing never sends it again.
        _ = try tern.run(["outbox", "flush"])
        try await Task.sleep(for: .seconds(1))
        #expect(try StackMail.imapFetch(stack, user: stack.bob, folder: "INBOX", messageID: messageID).count == 1)
    }

    @Test func rawSendsAsItIsWithBccOnlyInTheEnvelope() async throws {
        let stack = try MailStack.required()
        let tern = try TernBinary(stack)
        defer { tern.remove() }
        let token = UUID().uuidString
        let raw = "From: alice@example.test\nTo: alice@example.test\nBcc: bob@example.test\n"
            + "Subject: raw \(token)\nMessage-ID: <\(token)@example.test>\n\n.leading dot\nbody\n"
        let result = try tern.run(["send", "--raw"], input: raw)
        #expect(result.status == 0, "\(result.error)")
        let received = try await StackMail.fetch(stack, user: stack.bob, messageID: "\(token)@example.test")
        #expect(received.count == 1)
        let text = String(decoding: try #require(received.first), as: UTF8.self)
        #expect(!text.contains("Bcc:"))
        #expect(text.hasSuffix("\r\n\r\n.leading dot\r\nbody\r\n") || text.hasSuffix("\n\n.leading dot\nbody\n"))
    }

    @Test func aWrongPasswordFailsWithTheAuthErrorAndKeepsTheMessage() throws {
        let stack = try MailStack.required()
        let tern = try TernBinary(stack, password: "not-alices-password")
        defer { tern.remove() }
        let result = try tern.run(["send", "--to", "bob@example.test", "--subject", "x"], input: "body\n")
        #expect(result.status == 1)
        #expect(result.error.contains("AUTH failed: SMTP login to \(stack.host) as alice failed (AUTH PLAIN)"))
        #expect(result.error.contains("535 5.7.8"))
        #expect(!result.error.contains("not-alices-password") && !result.output.contains("not-alices-password"))
        #expect(result.error.contains("fix the account, then `tern outbox flush` sends it"))
        #expect(try Outbox(directory: tern.outbox).entries().first?.status == .queued)
    }

    @Test func aRecipientOutsideTheDomainIsRefusedWithTheServersWords() throws {
        let stack = try MailStack.required()
        let tern = try TernBinary(stack)
        defer { tern.remove() }
        let result = try tern.run(["send", "--to", "someone@example.org", "--subject", "relay"], input: "x\n")
        #expect(result.status == 1)
        #expect(result.error.contains("RCPT TO failed: the server refused the recipient (someone@example.org: "
            + "554 5.7.1 <someone@example.org>: Relay access denied)"))
        let list = try tern.run(["outbox"])
        #expect(list.output.contains("FAILED"))
        #expect(list.output.contains("Relay access denied"))
    }

    @Test func partialSendsToTheOthersAndNamesTheRefused() async throws {
        let stack = try MailStack.required()
        let tern = try TernBinary(stack)
        defer { tern.remove() }
        let token = UUID().uuidString
        let refused = try tern.run(["send", "--to", "nobody@example.test", "--cc", "bob@example.test",
                                    "--subject", "all or nothing \(token)"], input: "x\n")
        #expect(refused.status == 1)
        #expect(refused.error.contains("nobody@example.test: 550 5.1.1 <nobody@example.test>: Recipient address rejected"))

        let partial = try tern.run(["send", "--partial", "--to", "nobody@example.test", "--cc", "bob@example.test",
                                    "--subject", "partial \(token)"], input: "x\n")
        #expect(partial.status == 0, "\(partial.error)")
        #expect(partial.error.contains("not delivered to nobody@example.test: 550 5.1.1"))
        // The refused one stays as failed; the partial one left the outbox (its Sent copy is made).
        #expect(try Outbox(directory: tern.outbox).entries().map(\.subject) == ["all or nothing \(token)"])
        let received = try await StackMail.fetch(stack, user: stack.bob, subjectContaining: token)
        #expect(received.count == 1)
    }

    @Test func queueOnlyThenFlush() async throws {
        let stack = try MailStack.required()
        let tern = try TernBinary(stack)
        defer { tern.remove() }
        let token = UUID().uuidString
        let queued = try tern.run(["send", "--queue", "--to", "bob@example.test", "--subject", "queued \(token)"],
                                  input: "later\n")
        #expect(queued.status == 0)
        #expect(queued.output.hasPrefix("Queued as "))
        let list = try tern.run(["outbox", "list", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]]
        #expect(entries?.first?["status"] as? String == "queued")
        let flush = try tern.run(["outbox", "flush"])
        #expect(flush.status == 0, "\(flush.error)")
        let messageID = try #require(entries?.first?["messageID"] as? String)
        #expect(try await StackMail.fetch(stack, user: stack.bob, messageID: messageID).count == 1)
    }

    /// A refused message is fixed in the editor (its Bcc too) and then goes out.
    @Test func aFailedMessageIsEditedThenSent() async throws {
        let stack = try MailStack.required()
        let tern = try TernBinary(stack)
        defer { tern.remove() }
        let token = UUID().uuidString
        let refused = try tern.run(["send", "--to", "alice@example.test", "--bcc", "someone@example.org",
                                    "--subject", "edit \(token)"], input: "x\n")
        #expect(refused.status == 1)
        let entry = try #require(try Outbox(directory: tern.outbox).entries().first)
        #expect(entry.status == .failed)
        let edit = try tern.run(["outbox", "edit", String(entry.id.prefix(4))],
                                extraEnvironment: ["VISUAL": "sed -i s/someone@example.org/bob@example.test/"])
        #expect(edit.status == 0, "\(edit.error)")
        #expect(edit.output.contains("queued again"))
        let edited = try #require(try Outbox(directory: tern.outbox).entries().first)
        #expect(edited.status == .queued)
        #expect(edited.recipients == ["alice@example.test", "bob@example.test"])
        #expect(edited.bcc == ["bob@example.test"])
        let flush = try tern.run(["outbox", "flush"])
        #expect(flush.status == 0, "\(flush.error)")
        let received = try await StackMail.fetch(stack, user: stack.bob, messageID: try #require(edited.messageID))
        #expect(received.count == 1)
        #expect(!String(decoding: try #require(received.first), as: UTF8.self).contains("Bcc"))
    }

    @Test func usageErrorsSayWhatIsWrong() throws {
        let stack = try MailStack.required()
        let tern = try TernBinary(stack)
        defer { tern.remove() }
        let noRecipient = try tern.run(["send", "--subject", "x"])
        #expect(noRecipient.status == 64)
        #expect(noRecipient.error.contains("give at least one recipient"))
        let badAddress = try tern.run(["send", "--to", "not an address", "--subject", "x"], input: "x")
        #expect(badAddress.status == 64)
        #expect(badAddress.error.contains("--to \"not an address\" is not an address"))
        let rawMixed = try tern.run(["send", "--raw", "--to", "bob@example.test"])
        #expect(rawMixed.status == 64)
    }
}
