import Foundation
import MailCore
import TernConfig
import Testing
@testable import MailEngine

@Suite("Starting drafts: new, reply, forward, edit as new")
struct DraftStarterTests {
    let starter = DraftStarter(account: ComposeFixtures.account, signature: "Alice\nexample.test")

    private func lines(_ text: String) -> [String] { text.bodyLines }

    @Test func newMessageHasTheSignatureBelowTheCursor() {
        let draft = starter.new(to: [ComposeFixtures.bob], subject: "Hi")
        #expect(draft.from == ComposeFixtures.alice)
        #expect(draft.kind == .new)
        #expect(draft.body == "\n\n-- \nAlice\nexample.test\n")
        #expect(draft.cursorLine == 1)
        let bare = DraftStarter(account: ComposeFixtures.account).new()
        #expect(bare.body == "\n")
    }

    @Test func signatureSeparatorIsNotDoubledAndCanBeOff() {
        #expect(Signature.lines("-- \nme", dashes: true) == ["-- ", "me"])
        #expect(Signature.lines("--\nme", dashes: true) == ["-- ", "me"])
        #expect(Signature.lines("me", dashes: false) == ["me"])
        #expect(Signature.lines("", dashes: true) == [])
    }

    @Test func replyGoesToReplyToWithQuoteAttributionAndThreadIDs() throws {
        let original = ComposeFixtures.message(replyTo: "Bob Home <bob@home.test>")
        let draft = try starter.reply(to: original, mode: .sender, location: MessageLocation(folder: .inbox, uid: UID(7)))
        #expect(draft.kind == .reply)
        #expect(draft.to.map(\.address) == ["bob@home.test"])
        #expect(draft.cc.isEmpty)
        #expect(draft.subject == "Re: Lunch")
        #expect(draft.inReplyTo == [MessageID("lunch-1@example.test")])
        #expect(draft.references == [MessageID("older@example.test"), MessageID("lunch-1@example.test")])
        #expect(draft.answering == MessageLocation(folder: .inbox, uid: UID(7)))
        #expect(lines(draft.body) == [
            "On Mon, 2 Jan 2006 15:04:05 -0700, Bob wrote:",
            "> Noon at the usual place?",
            "> Bring a friend.",
            "",
            "",
            "",
            "-- ", "Alice", "example.test",
        ])
        // The cursor is on the empty line between the quote and the signature.
        #expect(draft.cursorLine == 5)
    }

    @Test func topPostingPutsTheCursorAndSignatureAboveTheQuote() throws {
        var top = starter
        top.options.replyStyle = .top
        let draft = try top.reply(to: ComposeFixtures.message(), mode: .sender)
        #expect(lines(draft.body) == [
            "",
            "",
            "-- ", "Alice", "example.test",
            "",
            "On Mon, 2 Jan 2006 15:04:05 -0700, Bob wrote:",
            "> Noon at the usual place?",
            "> Bring a friend.",
        ])
        #expect(draft.cursorLine == 1)
    }

    @Test func reSubjectIsNotDoubled() throws {
        let draft = try starter.reply(to: ComposeFixtures.message(subject: "RE: Lunch"), mode: .sender)
        #expect(draft.subject == "RE: Lunch")
    }

    @Test func groupReplyHasEveryoneOnceAndNotMe() throws {
        let original = ComposeFixtures.message(to: "Alice Example <alice@example.test>, Carol <carol@example.test>, bob@example.test",
                                               cc: "carol@example.test, Dan <dan@example.test>, ALICE@work.test")
        let draft = try starter.reply(to: original, mode: .all)
        #expect(draft.kind == .groupReply)
        #expect(draft.to.map(\.address) == ["bob@example.test"])
        #expect(draft.cc.map(\.address) == ["carol@example.test", "dan@example.test"])
    }

    @Test func replyToMyOwnSentMessageGoesToItsRecipients() throws {
        let sent = ComposeFixtures.message(from: "Alice Example <alice@example.test>", to: "Bob <bob@example.test>")
        let draft = try starter.reply(to: sent, mode: .sender)
        #expect(draft.to.map(\.address) == ["bob@example.test"])
    }

    @Test func replyIsSentFromTheIdentityTheMessageWasAddressedTo() throws {
        let original = ComposeFixtures.message(to: "alice@work.test")
        #expect(try starter.reply(to: original, mode: .sender).from == ComposeFixtures.aliceWork)
        let delivered = ComposeFixtures.message(to: "undisclosed-recipients:;", extra: "Delivered-To: alice@work.test\r\n")
        #expect(try starter.reply(to: delivered, mode: .sender).from == ComposeFixtures.aliceWork)
        #expect(try starter.reply(to: ComposeFixtures.message(to: "someone@else.test"), mode: .sender).from == ComposeFixtures.alice)
    }

    @Test func listReplyGoesToListPostOnly() throws {
        let original = ComposeFixtures.message(cc: "dan@example.test",
                                               extra: "List-Post: <mailto:lunch@lists.example.test> (Posting address)\r\n")
        let draft = try starter.reply(to: original, mode: .list)
        #expect(draft.kind == .listReply)
        #expect(draft.to.map(\.address) == ["lunch@lists.example.test"])
        #expect(draft.cc.isEmpty)
        #expect(draft.subject == "Re: Lunch")
        #expect(draft.inReplyTo == [MessageID("lunch-1@example.test")])
    }

    @Test(arguments: [
        ("", ComposeError.noListPost),
        ("List-Post: <https://lists.example.test/post>\r\n", ComposeError.noListPost),
        ("List-Post: NO (posting not allowed on this list)\r\n", ComposeError.listPostingNotAllowed),
    ])
    func listReplyWithoutAPostingAddressIsAnError(_ extra: String, _ error: ComposeError) {
        #expect(throws: error) { try starter.reply(to: ComposeFixtures.message(extra: extra), mode: .list) }
    }

    @Test func listPostPicksTheFirstMailtoURL() {
        let header = Message(bytes: Array("List-Post: <https://x.test/p>, <mailto:l@x.test?subject=post>\r\n\r\n".utf8)).header
        #expect(ListPost.parse(header) == .addresses([Address(address: "l@x.test")]))
    }

    @Test func htmlOnlyOriginalIsQuotedAsRenderedText() throws {
        let original = ComposeFixtures.message(contentType: "text/html; charset=utf-8",
                                               body: "<html><body><p>Hello <b>Alice</b>,</p><p>see you &amp; bye</p></body></html>")
        let draft = try starter.reply(to: original, mode: .sender)
        #expect(draft.body.contains("> Hello Alice,"))
        #expect(draft.body.contains("> see you & bye"))
        #expect(!draft.body.contains("<"))
    }

    @Test func flowedOriginalIsUnflowedBeforeQuoting() throws {
        let original = ComposeFixtures.message(contentType: "text/plain; charset=utf-8; format=flowed",
                                               body: "This paragraph was \r\nflowed over lines.\r\n> quoted \r\n> too\r\n")
        let draft = try starter.reply(to: original, mode: .sender)
        #expect(lines(draft.body)[1...2] == ["> This paragraph was flowed over lines.", ">> quoted too"])
    }

    @Test func controlCharactersOfTheOriginalDoNotReachTheDraft() throws {
        let original = ComposeFixtures.message(body: "evil \u{1B}[2Jtext\r\n")
        let draft = try starter.reply(to: original, mode: .sender)
        #expect(!draft.body.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func forwardInlineHasTheHeaderBlockAndTheAttachments() throws {
        let draft = starter.forward(ComposeFixtures.messageWithAttachment(), attached: false)
        #expect(draft.kind == .forward)
        #expect(draft.subject == "Fwd: Report")
        #expect(draft.to.isEmpty)
        #expect(draft.inReplyTo.isEmpty)
        let body = lines(draft.body)
        #expect(body[0] == "" && draft.cursorLine == 1)
        #expect(body.contains("---------- Forwarded message ----------"))
        #expect(body.contains("From: Bob <bob@example.test>"))
        #expect(body.contains("See attached."))
        #expect(body.firstIndex(of: "-- ")! < body.firstIndex(of: "---------- Forwarded message ----------")!)
        #expect(draft.attachments.count == 1)
        #expect(draft.attachments[0].name == "report.pdf")
        #expect(draft.attachments[0].contentType == "application/pdf")
        #expect(try draft.attachments[0].data() == Array("%PDF-1.4\n%\u{C7}\u{EC}\u{8F}\u{A2}\n".unicodeScalars.map { UInt8($0.value) }))
    }

    @Test func forwardAsAttachmentAttachesTheWholeMessage() throws {
        let original = ComposeFixtures.messageWithAttachment()
        let draft = starter.forward(original, attached: true)
        #expect(draft.kind == .forwardAttached)
        #expect(draft.subject == "Fwd: Report")
        #expect(draft.attachments.count == 1)
        #expect(draft.attachments[0].isMessage)
        #expect(draft.attachments[0].name == "Report.eml")
        #expect(try draft.attachments[0].data() == original.bytes)
        #expect(draft.body == "\n\n-- \nAlice\nexample.test\n")
    }

    @Test func editAsNewKeepsFieldsTextAndAttachments() throws {
        let original = ComposeFixtures.messageWithAttachment()
        let draft = starter.editAsNew(original)
        #expect(draft.kind == .editAsNew)
        #expect(draft.from == ComposeFixtures.alice)
        #expect(draft.to.map(\.address) == ["alice@example.test"])
        #expect(draft.subject == "Report")
        #expect(draft.body == "See attached.\n")
        #expect(draft.attachments.map(\.name) == ["report.pdf"])
        #expect(draft.postponedCopy == nil)
        let resumed = starter.editAsNew(original, postponed: MessageLocation(folder: MailboxPath(["Drafts"]), uid: UID(3)))
        #expect(resumed.kind == .resumed)
        #expect(resumed.postponedCopy?.uid == UID(3))
    }
}

extension DraftStarterTests {
    @Test func editAsNewKeepsMyIdentity() {
        let sent = ComposeFixtures.message(from: "Alice at Work <alice@work.test>", to: "Bob <bob@example.test>")
        #expect(starter.editAsNew(sent).from == ComposeFixtures.aliceWork)
    }
}

extension DraftStarterTests {
    @Test func aMessageFromTheOutboxKeepsItsFromAndGetsItsBccBack() {
        let queued = ComposeFixtures.message(from: "Alice Typed <alice+lists@example.test>", to: "Bob <bob@example.test>")
        let draft = starter.fromOutbox(queued, bcc: ["carol@example.test", "not an address", "CAROL@example.test"], entry: "0a1b2c3d")
        #expect(draft.kind == .fromOutbox)
        #expect(draft.outboxEntry == "0a1b2c3d")
        #expect(draft.from.address == "alice+lists@example.test", "the From written is kept, even if it is no identity")
        #expect(draft.to.map(\.address) == ["bob@example.test"])
        #expect(draft.bcc.map(\.address) == ["carol@example.test"], "the outbox's Bcc, once each, bad entries dropped")
        #expect(draft.postponedCopy == nil && draft.answering == nil)
    }

    @Test func aDraftSavedBeforeOutboxEntriesExistedStillReads() throws {
        // Drafts on disk from before `outboxEntry` was added have no such key.
        var draft = starter.new(to: [], subject: "Old")
        draft.outboxEntry = nil
        let data = try JSONEncoder().encode(draft)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["outboxEntry"] = nil
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(Draft.self, from: old) == draft)
    }
}
