import POP3
import TernTestSupport
import Testing

@Suite struct POP3ClientTransactionTests {
    @Test func stat() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        #expect(harness.send(.stat) == "STAT\r\n")
        #expect(try harness.feed("+OK 2 320\r\n") == [
            .event(.maildropStatus(POP3MaildropStatus(messageCount: 2, totalSize: 320))), .event(.completed(ok("2 320"))),
        ])
        #expect(harness.client.isReadyForCommand)
    }

    @Test func listAndListOne() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.list(nil))
        #expect(try harness.feed("+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n") == [
            .event(.listingBegin(ok("2 messages"))), .event(.listEntry(POP3ListEntry(messageNumber: 1, size: 120))),
            .event(.listEntry(POP3ListEntry(messageNumber: 2, size: 200))), .event(.completed(ok("2 messages"))),
        ])
        harness.send(.list(2))
        #expect(try harness.feed("+OK 2 200\r\n") == [
            .event(.listEntry(POP3ListEntry(messageNumber: 2, size: 200))), .event(.completed(ok("2 200"))),
        ])
    }

    @Test func uidlValuesAreOpaqueData() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.uidl(nil))
        let seen = try harness.feed("+OK\r\n1 ../../etc/passwd\r\n2 /dev/null\r\n.\r\n")
        let ids = seen.compactMap { item -> String? in
            if case .event(.uniqueIDEntry(let entry)) = item { return entry.uniqueID.value }
            return nil
        }
        #expect(ids == ["../../etc/passwd", "/dev/null"])
        harness.send(.uidl(1))
        #expect(try harness.feed("+OK 1 ../../etc/passwd\r\n").first
            == .event(.uniqueIDEntry(POP3UniqueIDEntry(messageNumber: 1, uniqueID: POP3UniqueID("../../etc/passwd")!))))
    }

    @Test(arguments: [
        "+OK\r\n1 " + String(repeating: "x", count: 71) + "\r\n.\r\n",
        "+OK\r\n1 has space\r\n.\r\n",
        "+OK\r\n1 bell\u{7}\r\n.\r\n",
    ])
    func invalidUniqueIDsAreRejected(server: String) throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.uidl(nil))
        let error = #expect(throws: POP3ProtocolError.self) { try harness.feed(server) }
        #expect(error?.kind == .invalidUniqueID)
        #expect(error?.description.contains("\u{7}") == false)
        #expect(harness.client.state == .closed)
    }

    @Test func retrStreamsDotUnstuffedTextUnderEverySplit() throws {
        let server = "+OK 37 octets\r\nSubject: dots\r\n\r\n..leading\r\n.\r\n"
        for split in ByteSplits.all(Array(server.utf8)) {
            var harness = try ClientHarness.ready(loggedIn: true)
            harness.send(.retr(1))
            let seen = try harness.feed(split.chunks)
            #expect(seen == [
                .event(.messageBegin(ok("37 octets"))), .message("Subject: dots\r\n\r\n.leading\r\n"),
                .event(.completed(ok("37 octets"))),
            ], "split \(split)")
            #expect(harness.client.isReadyForCommand, "split \(split)")
        }
    }

    @Test func topIsAMessageToo() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        #expect(harness.send(.top(3, lines: 0)) == "TOP 3 0\r\n")
        #expect(try harness.feed("+OK\r\nFrom: a@b\r\n\r\n.\r\n") == [
            .event(.messageBegin(ok())), .message("From: a@b\r\n\r\n"), .event(.completed(ok())),
        ])
    }

    @Test(arguments: [
        (POP3Command.stat, "STAT"), (.list(nil), "LIST"), (.list(9), "LIST 9"), (.uidl(nil), "UIDL"),
        (.uidl(9), "UIDL 9"), (.retr(9), "RETR 9"), (.top(9, lines: 1), "TOP 9 1"), (.dele(9), "DELE 9"),
        (.noop, "NOOP"), (.rset, "RSET"), (.capa, "CAPA"),
    ])
    func errAtEveryCommandKeepsTheSession(command: POP3Command, trace: String) throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(command)
        #expect(try harness.feed("-ERR no such message\r\n") == [.event(err(trace, "no such message"))])
        #expect(harness.client.state == .transaction)
        #expect(harness.client.isReadyForCommand)
    }

    @Test func deleRsetNoopQuit() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.dele(1))
        #expect(try harness.feed("+OK message 1 deleted\r\n") == [.event(.completed(ok("message 1 deleted")))])
        harness.send(.rset)
        #expect(try harness.feed("+OK\r\n") == [.event(.completed(ok()))])
        harness.send(.noop)
        #expect(try harness.feed("+OK\r\n") == [.event(.completed(ok()))])
        harness.send(.quit)
        #expect(harness.client.state == .update)
        #expect(try harness.feed("+OK bye\r\n") == [.event(.completed(ok("bye")))])
        #expect(harness.client.state == .closed)
    }

    @Test func quitErrorInUpdateStillEndsTheSession() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.quit)
        #expect(try harness.feed("-ERR some deleted messages not removed\r\n")
            == [.event(err("QUIT", "some deleted messages not removed"))])
        #expect(harness.client.state == .closed)
    }

    @Test func tooManyListingLinesStopEarly() throws {
        var harness = try ClientHarness.ready(loggedIn: true, limits: POP3Limits(maximumListingLines: 1000))
        harness.send(.uidl(nil))
        var server = "+OK\r\n"
        for number in 1...1001 { server += "\(number) uid\(number)\r\n" }
        let error = #expect(throws: POP3ProtocolError.self) { try harness.feed(server) }
        #expect(error?.kind == .tooManyLines(limit: 1000))
    }

    @Test func oneMillionUIDLLinesWithinTheDefaultLimit() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.uidl(nil))
        var server: [UInt8] = Array("+OK\r\n".utf8)
        server.reserveCapacity(30_000_000)
        for number in 1...1_000_000 { server += Array("\(number) 000000\(number)4f1c2a\r\n".utf8) }
        server += Array(".\r\n".utf8)
        var count = 0
        harness.client.receive(server)
        while let event = try harness.client.nextEvent() {
            if case .uniqueIDEntry = event { count += 1 }
        }
        #expect(count == 1_000_000)
        #expect(harness.client.isReadyForCommand)
    }

    @Test func messageLargerThanTheLimitStops() throws {
        var harness = try ClientHarness.ready(loggedIn: true, limits: POP3Limits(maximumMessageSize: 100))
        harness.send(.retr(1))
        let body = String(repeating: "0123456789\r\n", count: 20)
        let error = #expect(throws: POP3ProtocolError.self) { try harness.feed("+OK\r\n" + body) }
        #expect(error?.kind == .messageTooLarge(limit: 100))
    }

    @Test func endOfStreamInsideAMessageIsAnError() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.retr(1))
        _ = try harness.feed("+OK\r\nSubject: cut\r\n")
        harness.client.receiveEndOfStream()
        let error = #expect(throws: POP3ProtocolError.self) { try harness.client.nextEvent() }
        #expect(error?.kind == .closedByServer)
        #expect(error?.description.contains("14 bytes came") == true)
    }

    @Test func endOfStreamAfterQuitIsFine() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.quit)
        _ = try harness.feed("+OK\r\n")
        harness.client.receiveEndOfStream()
        #expect(try harness.client.nextEvent() == nil)
    }

    @Test func statusLineLongerThanTheLimit() throws {
        var harness = try ClientHarness.ready(loggedIn: true, limits: POP3Limits(maximumLineLength: 1024))
        harness.send(.noop)
        let error = #expect(throws: POP3ProtocolError.self) {
            try harness.feed("+OK " + String(repeating: "a", count: 2000))
        }
        #expect(error?.kind == .lineTooLong(limit: 1024))
    }

    @Test func bytesBeforeACommandAreUnsolicited() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.client.receive(Array("+OK surprise\r\n".utf8))
        harness.send(.dele(1))
        let error = #expect(throws: POP3ProtocolError.self) { try harness.client.nextEvent() }
        #expect(error?.kind == .unsolicitedData)
    }

    @Test(arguments: ["+OK x y\r\n", "+OK\r\n", "+OK -1 3\r\n"])
    func malformedStat(server: String) throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.stat)
        let error = #expect(throws: POP3ProtocolError.self) { try harness.feed(server) }
        #expect(error?.kind == .malformedResponse)
    }

    @Test func malformedListLine() throws {
        var harness = try ClientHarness.ready(loggedIn: true)
        harness.send(.list(nil))
        let error = #expect(throws: POP3ProtocolError.self) { try harness.feed("+OK\r\n1 12\r\nbogus\r\n.\r\n") }
        #expect(error?.kind == .malformedResponse)
        #expect(error?.received == "bogus")
    }
}
