import SMTP
import TernTestSupport
import Testing

struct SMTPClientSessionTests {
    @Test func greetingThenEHLO() throws {
        var harness = SMTPHarness()
        #expect(try harness.feed("220-mx.example ESMTP\r\n220 welcome\r\n")
            == [.greeting(SMTPReply(code: 220, lines: ["mx.example ESMTP", "welcome"]))])
        #expect(harness.client.state == .awaitingHello)
        harness.record(harness.client.hello(domain: "[127.0.0.1]"))
        let events = try harness.feed("250-mx.example\r\n250-PIPELINING\r\n250 AUTH PLAIN\r\n")
        #expect(events == [.hello(SMTPCapabilities(ehloLines: ["mx.example", "PIPELINING", "AUTH PLAIN"]))])
        #expect(harness.sent == ["EHLO [127.0.0.1]"])
        #expect(harness.client.isReadyForCommand)
    }

    @Test func fallsBackToHELOWhenEHLOIsRefused() throws {
        var harness = SMTPHarness()
        _ = try harness.feed("220 old.example SMTP\r\n")
        harness.record(harness.client.hello(domain: "client.example"))
        let events = try harness.feed("502 5.5.2 Error: command not recognized\r\n")
        #expect(events == [.send(SMTPOutbound([.helo("client.example")]))])
        let done = try harness.feed("250 old.example\r\n")
        #expect(done == [.hello(.helo(serverName: "old.example"))])
        #expect(harness.client.capabilities?.isExtended == false)
        #expect(harness.sent == ["EHLO client.example", "HELO client.example"])
    }

    @Test(arguments: ["554 5.3.2 No SMTP service here\r\n", "421 4.3.2 Service shutting down\r\n"])
    func aRefusedGreetingEndsTheSession(greeting: String) throws {
        var harness = SMTPHarness()
        let events = try harness.feed(greeting)
        guard case .failed(let error)? = events.first else {
            Issue.record("expected a failure, got \(events)")
            return
        }
        #expect(error.command == "the greeting")
        #expect(error.description.hasPrefix("The SMTP server refused the connection: "))
        #expect(harness.client.state == .closed)
    }

    /// The attack of CVE-2011-0411: a reply injected after 220 to STARTTLS, in the same packet,
    /// must never be read as the answer to a command sent over TLS.
    @Test(arguments: [1, 3, 64, 4096])
    func injectedBytesAfterSTARTTLSAreDiscarded(chunkSize: Int) throws {
        var harness = try SMTPHarness.ready(["STARTTLS", "PIPELINING"], tls: false)
        harness.record(harness.client.startTLS())
        let injected = "220 2.0.0 Ready to start TLS\r\n250-evil\r\n250 AUTH PLAIN\r\n235 2.7.0 injected\r\n"
        // Bytes are fed until the client says to start TLS; the rest would reach the TLS layer
        // (where they break the handshake), never the client.
        var started: SMTPEvent?
        for chunk in ByteSplits.fixed(Array(injected.utf8), size: chunkSize) where started == nil {
            started = try harness.feed([chunk]).first
        }
        guard case .startTLS(let reply, _)? = started else {
            Issue.record("no startTLS event: \(String(describing: started))")
            return
        }
        #expect(reply.code == 220)
        #expect(harness.client.capabilities == nil)
        harness.client.tlsEstablished()
        harness.record(harness.client.hello(domain: "[127.0.0.1]"))
        #expect(try harness.feed("250-mx.example\r\n250 AUTH LOGIN\r\n")
            == [.hello(SMTPCapabilities(ehloLines: ["mx.example", "AUTH LOGIN"]))])
        #expect(harness.client.isTLSActive)
        #expect(harness.client.capabilities?.authMechanisms == ["LOGIN"])
    }

    @Test func injectedBytesInTheSameReadAreCounted() throws {
        var harness = try SMTPHarness.ready(["STARTTLS"], tls: false)
        harness.record(harness.client.startTLS())
        let events = try harness.feed("220 go ahead\r\n250 injected\r\n")
        #expect(events == [.startTLS(SMTPReply(code: 220, lines: ["go ahead"]), discardedByteCount: 14)])
    }

    @Test func aRefusedSTARTTLSLeavesTheSessionReady() throws {
        var harness = try SMTPHarness.ready(["STARTTLS"], tls: false)
        harness.record(harness.client.startTLS())
        let events = try harness.feed("454 4.7.0 TLS not available due to local problem\r\n")
        #expect(events == [.failed(SMTPServerError(command: "STARTTLS",
                                                   reply: SMTPReply(code: 454, lines: ["4.7.0 TLS not available due to local problem"])))])
        #expect(harness.client.isReadyForCommand)
    }

    @Test func bytesWhenNothingWaitsAreAProtocolError() throws {
        var harness = try SMTPHarness.ready(["PIPELINING"])
        #expect(throws: SMTPProtocolError.self) { try harness.feed("250 surprise\r\n") }
        #expect(harness.client.state == .closed)
        // Every later call throws the same error.
        #expect(throws: SMTPProtocolError.self) { try harness.client.nextEvent() }
    }

    @Test func anUnsolicited421ClosesTheSession() throws {
        var harness = try SMTPHarness.ready(["PIPELINING"])
        let events = try harness.feed("421 4.4.2 mx.example Error: timeout exceeded\r\n")
        guard case .failed(let error)? = events.first else {
            Issue.record("expected failure: \(events)")
            return
        }
        #expect(error.isServiceClosing && error.isTransient)
        #expect(harness.client.state == .closed)
    }

    @Test func theEndOfStreamInAReplyIsAnError() throws {
        var harness = SMTPHarness()
        _ = try harness.feed("220-mx.example\r\n")
        harness.client.receiveEndOfStream()
        #expect(throws: SMTPProtocolError(.closedByServer, context: "the greeting", expected: "a complete reply")) {
            try harness.client.nextEvent()
        }
    }

    @Test func aLineTooLongInTheGreetingIsAnError() throws {
        var harness = SMTPHarness()
        let chunk = [UInt8](repeating: UInt8(ascii: "2"), count: 4096)
        var caught: SMTPProtocolError?
        for _ in 0..<256 where caught == nil {
            do { _ = try harness.feed([chunk]) } catch { caught = error }
        }
        #expect(caught?.kind == .lineTooLong(limit: 8192))
        #expect(caught?.context == "the greeting")
    }

    @Test func quitClosesTheSession() throws {
        var harness = try SMTPHarness.ready([])
        harness.record(harness.client.quit())
        #expect(try harness.feed("221 2.0.0 Bye\r\n") == [.completed(SMTPReply(code: 221, lines: ["2.0.0 Bye"]))])
        #expect(harness.client.state == .closed)
    }

    @Test func resetAndNoop() throws {
        var harness = try SMTPHarness.ready([])
        harness.record(harness.client.reset())
        #expect(try harness.feed("250 2.0.0 Ok\r\n") == [.completed(SMTPReply(code: 250, lines: ["2.0.0 Ok"]))])
        harness.record(harness.client.noop())
        #expect(try harness.feed("250 2.0.0 Ok\r\n") == [.completed(SMTPReply(code: 250, lines: ["2.0.0 Ok"]))])
        #expect(harness.sent == ["RSET", "NOOP"])
    }
}
