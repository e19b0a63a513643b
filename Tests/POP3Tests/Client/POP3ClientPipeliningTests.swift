import POP3
import TernTestSupport
import Testing

@Suite struct POP3ClientPipeliningTests {
    /// Three RETRs on the wire, the second refused: answers come back in order under every split.
    @Test func pipelinedRetrAnswersArriveInOrderUnderEverySplit() throws {
        let server = "+OK 9 octets\r\nfirst\r\n..\r\n.\r\n"
            + "-ERR no such message\r\n"
            + "+OK 8 octets\r\n.dot\r\n\r\n.\r\n"
        for split in ByteSplits.all(Array(server.utf8)) {
            var harness = try ClientHarness.ready(loggedIn: true)
            var wire = ""
            for number in 1...3 {
                wire += String(decoding: harness.client.sendPipelined(.retr(number)).bytes, as: UTF8.self)
            }
            #expect(wire == "RETR 1\r\nRETR 2\r\nRETR 3\r\n")
            #expect(harness.client.unansweredCommandCount == 3)
            let seen = try harness.feed(split.chunks)
            #expect(seen == [
                .event(.messageBegin(ok("9 octets"))), .message("first\r\n.\r\n"), .event(.completed(ok("9 octets"))),
                .event(err("RETR 2", "no such message")),
                .event(.messageBegin(ok("8 octets"))), .message("dot\r\n\r\n"), .event(.completed(ok("8 octets"))),
            ], "split \(split)")
            #expect(harness.client.isReadyForCommand, "split \(split)")
            #expect(harness.client.unansweredCommandCount == 0)
        }
    }

    /// Commands may be added while an answer is half received (a sliding window).
    @Test func aCommandAddedWhileAnAnswerStreamsIsAnsweredAfterIt() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        _ = harness.client.sendPipelined(.retr(1))
        var seen = try harness.feed("+OK\r\nhalf of ")
        #expect(String(decoding: harness.client.sendPipelined(.dele(1)).bytes, as: UTF8.self) == "DELE 1\r\n")
        seen += try harness.feed("it\r\n.\r\n+OK marked\r\n")
        #expect(seen == [
            .event(.messageBegin(ok())), .message("half of "), .message("it\r\n"), .event(.completed(ok())),
            .event(.completed(ok("marked"))),
        ])
    }

    /// Listings and single-line answers with data (STAT, LIST n) pipeline too.
    @Test func mixedCommandsPipeline() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        for command in [POP3Command.stat, .list(2), .uidl(nil), .noop] { _ = harness.client.sendPipelined(command) }
        let seen = try harness.feed("+OK 2 30\r\n+OK 2 20\r\n+OK\r\n1 a\r\n2 b\r\n.\r\n+OK\r\n")
        #expect(seen == [
            .event(.maildropStatus(POP3MaildropStatus(messageCount: 2, totalSize: 30))), .event(.completed(ok("2 30"))),
            .event(.listEntry(POP3ListEntry(messageNumber: 2, size: 20))), .event(.completed(ok("2 20"))),
            .event(.listingBegin(ok())),
            .event(.uniqueIDEntry(POP3UniqueIDEntry(messageNumber: 1, uniqueID: POP3UniqueID("a")!))),
            .event(.uniqueIDEntry(POP3UniqueIDEntry(messageNumber: 2, uniqueID: POP3UniqueID("b")!))),
            .event(.completed(ok())), .event(.completed(ok())),
        ])
        #expect(harness.client.isReadyForCommand)
    }

    /// Without anything pending, sendPipelined is send: bytes the server sent unasked are still
    /// caught.
    @Test func unsolicitedBytesBeforeTheFirstCommandAreStillAnError() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.client.receive(Array("+OK injected\r\n".utf8))
        _ = harness.client.sendPipelined(.retr(1))
        let error = #expect(throws: POP3ProtocolError.self) { try harness.feed("+OK\r\n.\r\n") }
        #expect(error?.kind == .unsolicitedData)
    }

    /// A protocol error drops every queued command: the session is over.
    @Test func aProtocolErrorEndsEveryPipelinedCommand() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        _ = harness.client.sendPipelined(.retr(1))
        _ = harness.client.sendPipelined(.retr(2))
        #expect(throws: POP3ProtocolError.self) { try harness.feed("garbage\r\n") }
        #expect(harness.client.state == .closed)
        #expect(harness.client.unansweredCommandCount == 0)
    }
}
