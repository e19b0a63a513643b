import SMTP
import TernTestSupport
import Testing

struct SMTPClientTransactionTests {
    static let two = SMTPEnvelope(sender: "alice@example.test", recipients: ["bob@example.test", "carol@example.test"])
    static let one = SMTPEnvelope(sender: "alice@example.test", recipients: ["bob@example.test"])

    /// Sends the message after 354 and returns the report of the final reply.
    static func finish(_ harness: inout SMTPHarness, final: String = "250 2.0.0 Ok: queued as ABC\r\n") throws -> SMTPTransactionReport? {
        var out: [UInt8] = []
        harness.client.encodeMessage(message, into: &out)
        harness.wire += out
        harness.record(harness.client.endMessage())
        return finishedReport(try harness.feed(final))
    }

    @Test func pipelinesMailAndRecipientsThenDATAWhenEveryRecipientMustBeAccepted() throws {
        var harness = try SMTPHarness.ready(SMTPHarness.fullServer)
        harness.record(try harness.client.beginTransaction(Self.two, traits: traits, policy: .all))
        #expect(harness.sent == ["MAIL FROM:<alice@example.test> SIZE=\(traits.size)",
                                 "RCPT TO:<bob@example.test>", "RCPT TO:<carol@example.test>"])
        let events = try harness.feed("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n")
        #expect(events == [.send(SMTPOutbound([.data]))])
        #expect(try harness.feed("354 End data\r\n") == [.readyForMessage(SMTPReply(code: 354, lines: ["End data"]))])
        let report = try #require(try Self.finish(&harness))
        #expect(report.isAccepted)
        #expect(report.acceptedRecipients == ["bob@example.test", "carol@example.test"])
        #expect(report.finalReply?.description == "250 2.0.0 Ok: queued as ABC")
        #expect(String(decoding: harness.wire, as: UTF8.self).hasSuffix("Hello\r\n..dot\r\n.\r\n"))
        #expect(harness.client.isReadyForCommand)
    }

    @Test func withOneRecipientDATAJoinsTheGroup() throws {
        var harness = try SMTPHarness.ready(SMTPHarness.fullServer)
        harness.record(try harness.client.beginTransaction(Self.one, traits: traits, policy: .all))
        #expect(harness.sent.last == "DATA")
        #expect(try harness.feed("250 Ok\r\n250 Ok\r\n354 go\r\n") == [.readyForMessage(SMTPReply(code: 354, lines: ["go"]))])
        #expect(try Self.finish(&harness)?.isAccepted == true)
    }

    @Test func aRefusedRecipientStopsTheMessageBeforeDATA() throws {
        var harness = try SMTPHarness.ready(SMTPHarness.fullServer)
        harness.record(try harness.client.beginTransaction(Self.two, traits: traits, policy: .all))
        let events = try harness.feed("250 Ok\r\n550 5.1.1 <bob@example.test>: Recipient address rejected: User unknown\r\n250 Ok\r\n")
        let report = try #require(finishedReport(events))
        #expect(!harness.sent.contains("DATA"))
        #expect(!report.isAccepted)
        let failure = try #require(report.failure)
        #expect(failure.stage == .recipients && !failure.isTransient)
        #expect(failure.refusedRecipients.map(\.address) == ["bob@example.test"])
        #expect(failure.description == "the server refused the recipient (bob@example.test: 550 5.1.1 "
            + "<bob@example.test>: Recipient address rejected: User unknown)")
        // The next transaction starts with RSET, in the same group.
        harness.sent = []
        harness.record(try harness.client.beginTransaction(Self.one, traits: traits))
        #expect(harness.sent == ["RSET", "MAIL FROM:<alice@example.test> SIZE=\(traits.size)",
                                 "RCPT TO:<bob@example.test>", "DATA"])
        #expect(try harness.feed("250 Ok\r\n250 Ok\r\n250 Ok\r\n354 go\r\n").count == 1)
    }

    @Test func partialSendsToTheAcceptedRecipients() throws {
        var harness = try SMTPHarness.ready(SMTPHarness.fullServer)
        harness.record(try harness.client.beginTransaction(Self.two, traits: traits, policy: .partial))
        #expect(harness.sent.last == "DATA")
        #expect(try harness.feed("250 Ok\r\n550 5.1.1 no such user\r\n250 Ok\r\n354 go\r\n").count == 1)
        let report = try #require(try Self.finish(&harness))
        #expect(report.isAccepted)
        #expect(report.acceptedRecipients == ["carol@example.test"])
        #expect(report.refusedRecipients.map(\.description) == ["bob@example.test: 550 5.1.1 no such user"])
    }

    @Test func allRecipientsRefusedWithAPipelinedDATAThatTheServerRefuses() throws {
        var harness = try SMTPHarness.ready(SMTPHarness.fullServer)
        harness.record(try harness.client.beginTransaction(Self.one, traits: traits))
        let events = try harness.feed("250 Ok\r\n554 5.7.1 <bob@example.test>: Relay access denied\r\n554 5.5.1 Error: no valid recipients\r\n")
        let failure = try #require(finishedReport(events)?.failure)
        #expect(failure.stage == .recipients)
        #expect(failure.reply.description == "554 5.7.1 <bob@example.test>: Relay access denied")
    }

    /// RFC 2920 §3.1: a server that answers a pipelined DATA with 354 although no recipient was
    /// accepted gets an empty message (nothing can be delivered), never the real one.
    @Test func aPipelinedDATAAcceptedWithoutRecipientsGetsAnEmptyMessage() throws {
        var harness = try SMTPHarness.ready(SMTPHarness.fullServer)
        harness.record(try harness.client.beginTransaction(Self.one, traits: traits))
        let events = try harness.feed("250 Ok\r\n550 no\r\n354 go\r\n")
        #expect(events == [.send(SMTPOutbound(bytes: Array(".\r\n".utf8), traceLines: ["."]))])
        let report = try #require(finishedReport(try harness.feed("554 no valid recipients\r\n")))
        #expect(report.failure?.stage == .recipients)
        #expect(!String(decoding: harness.wire, as: UTF8.self).contains("Hello"))
    }

    @Test func withoutPipeliningEachCommandWaits() throws {
        var harness = try SMTPHarness.ready(["SIZE 1000", "8BITMIME"])
        harness.record(try harness.client.beginTransaction(Self.two, traits: traits))
        #expect(harness.sent == ["MAIL FROM:<alice@example.test> SIZE=\(traits.size)"])
        #expect(try harness.feed("250 Ok\r\n") == [.send(SMTPOutbound([.recipient("bob@example.test", parameters: [])]))])
        #expect(try harness.feed("250 Ok\r\n") == [.send(SMTPOutbound([.recipient("carol@example.test", parameters: [])]))])
        #expect(try harness.feed("250 Ok\r\n") == [.send(SMTPOutbound([.data]))])
        #expect(try harness.feed("354 go\r\n").count == 1)
        #expect(try Self.finish(&harness)?.isAccepted == true)
    }

    @Test func aRefusedSenderStopsEverythingWithoutPipelining() throws {
        var harness = try SMTPHarness.ready([])
        harness.record(try harness.client.beginTransaction(Self.two, traits: traits))
        let report = try #require(finishedReport(try harness.feed("553 5.7.1 Sender address rejected\r\n")))
        #expect(report.failure?.stage == .mailFrom)
        #expect(harness.sent == ["MAIL FROM:<alice@example.test>"])
    }

    @Test(arguments: ["451 4.3.0 Temporary failure\r\n", "552 5.3.4 Message too big\r\n"])
    func theFinalReplyDecides(final: String) throws {
        var harness = try SMTPHarness.ready(SMTPHarness.fullServer)
        harness.record(try harness.client.beginTransaction(Self.one, traits: traits))
        _ = try harness.feed("250 Ok\r\n250 Ok\r\n354 go\r\n")
        let failure = try #require(try Self.finish(&harness, final: final)?.failure)
        #expect(failure.stage == .message)
        #expect(failure.isTransient == final.hasPrefix("4"))
    }

    @Test func a421InTheMiddleEndsTheSession() throws {
        var harness = try SMTPHarness.ready(SMTPHarness.fullServer)
        harness.record(try harness.client.beginTransaction(Self.two, traits: traits))
        let events = try harness.feed("250 Ok\r\n421 4.3.2 Service shutting down\r\n")
        guard case .failed(let error)? = events.last else {
            Issue.record("expected the 421: \(events)")
            return
        }
        #expect(error.isServiceClosing && error.isTransient)
        #expect(error.command == "RCPT TO:<bob@example.test>")
        #expect(harness.client.state == .closed)
    }

    @Test func aMessageOverTheSizeLimitIsRefusedBeforeSending() throws {
        var harness = try SMTPHarness.ready(["SIZE 10"])
        #expect(throws: SMTPTransactionError.messageTooLarge(size: traits.size, limit: 10)) {
            try harness.client.beginTransaction(Self.one, traits: traits)
        }
        #expect(harness.client.isReadyForCommand)
        #expect(SMTPTransactionError.messageTooLarge(size: 5_300_000, limit: 5_000_000).description.hasPrefix(
            "The message is 5.3 MB (5300000 bytes) and the server accepts at most 5.0 MB (5000000 bytes)"))
    }

    @Test func internationalAddressesNeedSMTPUTF8() throws {
        let envelope = SMTPEnvelope(sender: "alice@example.test", recipients: ["jösé@example.test"])
        var without = try SMTPHarness.ready(["8BITMIME"])
        #expect(throws: SMTPTransactionError.internationalAddressNotSupported("jösé@example.test")) {
            try without.client.beginTransaction(envelope, traits: traits)
        }
        var with = try SMTPHarness.ready(["8BITMIME", "SMTPUTF8"])
        with.record(try with.client.beginTransaction(envelope, traits: traits))
        #expect(with.sent.first == "MAIL FROM:<alice@example.test> SMTPUTF8")
    }

    @Test func eightBitDataNeeds8BITMIME() throws {
        let eightBit = SMTPMessageTraits(scanning: Array("Subject: x\r\n\r\nGrüße\r\n".utf8))
        var without = try SMTPHarness.ready([])
        #expect(throws: SMTPTransactionError.eightBitNotSupported) {
            try without.client.beginTransaction(Self.one, traits: eightBit)
        }
        var with = try SMTPHarness.ready(["8BITMIME"])
        with.record(try with.client.beginTransaction(Self.one, traits: eightBit))
        #expect(with.sent.first == "MAIL FROM:<alice@example.test> BODY=8BITMIME")
        let header = SMTPMessageTraits(scanning: Array("Subject: Grüße\r\n\r\nx\r\n".utf8))
        var utf8 = try SMTPHarness.ready(["8BITMIME", "SMTPUTF8"])
        utf8.record(try utf8.client.beginTransaction(Self.one, traits: header))
        #expect(utf8.sent.first == "MAIL FROM:<alice@example.test> BODY=8BITMIME SMTPUTF8")
    }

    @Test func addressesThatCouldInjectCommandsAreRefused() throws {
        var harness = try SMTPHarness.ready(["PIPELINING"])
        let evil = SMTPEnvelope(sender: "alice@example.test", recipients: ["bob@x>\r\nRCPT TO:<eve@evil"])
        #expect(throws: SMTPTransactionError.invalidAddress("bob@x>\r\nRCPT TO:<eve@evil", .forbiddenCharacter)) {
            try harness.client.beginTransaction(evil, traits: traits)
        }
        #expect(throws: SMTPTransactionError.noRecipients) {
            try harness.client.beginTransaction(SMTPEnvelope(sender: "a@x", recipients: []), traits: traits)
        }
    }

    /// A long recipient list goes out in groups of the pipelining window.
    @Test func manyRecipientsGoOutInWindows() throws {
        var harness = try SMTPHarness.ready(["PIPELINING"], limits: SMTPLimits(maximumPipelinedCommands: 10))
        let envelope = SMTPEnvelope(sender: "a@x", recipients: (0..<25).map { "r\($0)@x" })
        harness.record(try harness.client.beginTransaction(envelope, traits: traits, policy: .partial))
        #expect(harness.sent.count == 10)
        var sentGroups = 0
        for _ in 0..<25 {
            for event in try harness.feed("250 Ok\r\n") where event != .readyForMessage(SMTPReply(code: 354, lines: [])) {
                if case .send = event { sentGroups += 1 }
            }
        }
        #expect(harness.sent.count == 27)
        #expect(harness.sent.last == "DATA")
        #expect(sentGroups > 1)
    }

    /// A whole session, from the greeting to QUIT, gives the same events however each of the
    /// server's replies is split.
    @Test func aWholeSessionUnderEverySplit() throws {
        let replies = ["220 mx ESMTP\r\n", "250-mx\r\n250-PIPELINING\r\n250-SIZE 100000\r\n250 AUTH PLAIN\r\n",
                       "235 2.7.0 ok\r\n", "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n", "250 2.0.0 queued\r\n",
                       "221 bye\r\n"]
        let splits = replies.map { ByteSplits.all(Array($0.utf8)) }
        var reference: [String]?
        for kind in splits[0].indices {
            var harness = SMTPHarness()
            var log: [String] = []
            var step = 0
            func run() throws {
                let events = try harness.feed(splits[step][kind].chunks)
                log += events.map { "\($0)" }
                step += 1
            }
            try run()
            harness.record(harness.client.hello(domain: "[127.0.0.1]"))
            try run()
            harness.record(try harness.client.authenticate(SMTPCredentials(username: "u", secret: .password("p")), options: .init()))
            try run()
            harness.record(try harness.client.beginTransaction(Self.one, traits: traits))
            try run()
            var out: [UInt8] = []
            harness.client.encodeMessage(message, into: &out)
            harness.record(harness.client.endMessage())
            try run()
            harness.record(harness.client.quit())
            try run()
            let name = splits[0][kind].name
            #expect(harness.client.state == .closed, "split \(name)")
            if let reference { #expect(log == reference, "split \(name)") } else { reference = log }
        }
        #expect(reference?.count == 6)
    }
}
