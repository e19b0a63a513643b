import Foundation
import MailCore
import Testing
@testable import MailEngine

@Suite("Drafts to messages, postponed drafts, bounces")
struct DraftMessageTests {
    @Test func theMessageHasTheDraftsFieldsBodyAndAttachmentBytes() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf: [UInt8] = Array("%PDF-1.4 binary \u{0}\u{1}".utf8)
        try Data(pdf).write(to: URL(fileURLWithPath: dir + "/r.pdf"))
        var draft = Draft(account: "alice", from: ComposeFixtures.alice, to: [ComposeFixtures.bob], bcc: [ComposeFixtures.carol],
                          subject: "Report", inReplyTo: [MessageID("a@b")], references: [MessageID("a@b")], body: "Here it is.\n")
        draft.attachments = [try AttachmentPaths.attachment(at: dir + "/r.pdf"), .bytes([9, 8, 7], name: "x.bin")]
        let (_, built) = try DraftMessage.build(draft)
        #expect(built.envelopeRecipients == ["bob@example.test", "carol@example.test"])
        let message = Message(bytes: built.bytes)
        #expect(message.envelope.subject == "Report")
        #expect(message.envelope.bcc.isEmpty)
        #expect(message.header.inReplyTo == [MessageID("a@b")])
        #expect(message.bodyParts().first?.part.text() == "Here it is.\n")
        let attachments = message.attachments()
        #expect(attachments.map { $0.part.filename } == ["r.pdf", "x.bin"])
        #expect(attachments[0].part.decodedBody() == pdf)
        #expect(attachments[1].part.decodedBody() == [9, 8, 7])
    }

    @Test func aFileThatDisappearedIsAClearError() throws {
        var draft = Draft(account: "alice", from: ComposeFixtures.alice, to: [ComposeFixtures.bob])
        draft.attachments = [DraftAttachment(name: "gone.txt", size: 3, source: .file(path: "/nonexistent/gone.txt"))]
        #expect {
            _ = try DraftMessage.build(draft)
        } throws: { error in
            "\(error)".contains("gone.txt") && "\(error)".contains("no longer exists")
        }
    }

    @Test func noRecipientIsAnErrorWhenSendingButNotWhenPostponing() throws {
        let draft = Draft(account: "alice", from: ComposeFixtures.alice, subject: "later", body: "unfinished\n")
        #expect(throws: ComposeError.build(.noRecipients)) { try DraftMessage.build(draft) }
        let bytes = try DraftMessage.postponed(draft)
        #expect(Message(bytes: bytes).envelope.subject == "later")
    }

    @Test func aPostponedDraftComesBackAsItWas() throws {
        var draft = Draft(account: "alice", from: ComposeFixtures.aliceWork, to: [ComposeFixtures.bob], cc: [ComposeFixtures.carol],
                          bcc: [Address(name: "Secret Sam", address: "sam@example.test")], replyTo: [ComposeFixtures.alice],
                          subject: "Grüße", inReplyTo: [MessageID("x@y")], references: [MessageID("w@y"), MessageID("x@y")],
                          body: "Line one\n\nA long line that is long enough to be wrapped when it is sent as flowed text, yes.\n",
                          flowed: true)
        draft.attachments = [.bytes([0, 1, 2, 255], name: "data.bin", contentType: "application/octet-stream")]
        let bytes = try DraftMessage.postponed(draft)
        let location = MessageLocation(folder: MailboxPath(["Drafts"]), uid: UID(12))
        let back = DraftStarter(account: ComposeFixtures.account).editAsNew(Message(bytes: bytes), postponed: location)
        #expect(back.from == draft.from)
        #expect(back.to == draft.to)
        #expect(back.cc == draft.cc)
        #expect(back.bcc == draft.bcc)
        #expect(back.replyTo == draft.replyTo)
        #expect(back.subject == draft.subject)
        #expect(back.inReplyTo == draft.inReplyTo)
        #expect(back.references == draft.references)
        #expect(back.body == draft.body)
        #expect(back.flowed)
        #expect(back.attachments.map(\.name) == ["data.bin"])
        #expect(try back.attachments[0].data() == [0, 1, 2, 255])
        #expect(back.postponedCopy == location)
        #expect(back.kind == .resumed)
    }

    @Test func bouncePrependsResentFieldsAndSendsToTheNewRecipientsOnly() throws {
        let original = Array("From: Bob <bob@example.test>\nTo: alice@example.test\nSubject: Hi\n\nbody\n".utf8)
        let prepared = try Bounce.prepare(original, from: ComposeFixtures.alice, to: [ComposeFixtures.carol, ComposeFixtures.carol],
                                          date: Date(timeIntervalSince1970: 1136214245), zoneOffset: 0)
        let text = String(decoding: prepared.bytes, as: UTF8.self)
        #expect(text.hasPrefix("Resent-Date: Mon, 2 Jan 2006 15:04:05 +0000\r\nResent-From: Alice Example <alice@example.test>\r\n"
            + "Resent-To: Carol <carol@example.test>\r\nResent-Message-ID: <"))
        #expect(text.hasSuffix("From: Bob <bob@example.test>\r\nTo: alice@example.test\r\nSubject: Hi\r\n\r\nbody\r\n"))
        #expect(prepared.recipients == ["carol@example.test"])
        #expect(prepared.sender == "alice@example.test")
        let message = Message(bytes: prepared.bytes)
        #expect(message.envelope.subject == "Hi")
        #expect(message.header.first("Resent-Message-ID")?.value() == prepared.messageID.bracketed)
        #expect(throws: ComposeError.build(.noRecipients)) { try Bounce.prepare(original, from: ComposeFixtures.alice, to: []) }
    }
}
