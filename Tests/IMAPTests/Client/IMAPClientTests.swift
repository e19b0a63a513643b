@testable import IMAP
import Testing

/// Feeds server text to a client and collects its events.
struct ClientHarness {
    var client: IMAPClient

    init(tls: Bool = true, greeting: String = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE] ready\r\n") throws {
        client = IMAPClient(isTLSActive: tls)
        let events = try feed(greeting)
        guard case .greeting = events.first else { throw HarnessError("no greeting in \(events)") }
    }

    @discardableResult
    mutating func feed(_ text: String) throws -> [IMAPClientEvent] {
        client.receive(Array(text.utf8))
        var events: [IMAPClientEvent] = []
        while let event = try client.nextEvent() { events.append(event) }
        return events
    }

    static func text(_ outbound: IMAPOutbound) -> String { String(decoding: outbound.bytes, as: UTF8.self) }
}

@Suite struct IMAPClientTests {
    static let credentials = IMAPCredentials(username: "alice", secret: .password("alicepw"))

    @Test func greetingStates() throws {
        var ok = try ClientHarness()
        #expect(ok.client.state == .notAuthenticated)
        #expect(ok.client.capabilitiesKnown && ok.client.capabilities.contains(.idle))
        #expect(try ok.feed("* 3 EXISTS\r\n") == [.response(.untagged(.exists(3)))])

        var preauth = IMAPClient(isTLSActive: true)
        preauth.receive(Array("* PREAUTH welcome\r\n".utf8))
        #expect(try preauth.nextEvent() == .greeting(.preauth, ResponseText(text: "welcome")))
        #expect(preauth.state == .authenticated)
        #expect(!preauth.capabilitiesKnown)

        var bye = IMAPClient(isTLSActive: true)
        bye.receive(Array("* BYE go away\r\n".utf8))
        #expect(try bye.nextEvent() == .greeting(.bye, ResponseText(text: "go away")))
        #expect(bye.state == .loggedOut)
        #expect(!bye.canSendCommand)

        var bad = IMAPClient(isTLSActive: true)
        bad.receive(Array("A1 OK what\r\n".utf8))
        #expect(throws: IMAPProtocolError.self) { try bad.nextEvent() }
    }

    @Test func plainWithInitialResponse() throws {
        var harness = try ClientHarness()
        let login = try harness.client.authenticate(Self.credentials, options: .init())
        #expect(ClientHarness.text(login) == "A1 AUTHENTICATE PLAIN AGFsaWNlAGFsaWNlcHc=\r\n")
        #expect(login.traceText == "A1 AUTHENTICATE PLAIN ****")
        #expect(!harness.client.canSendCommand)
        let events = try harness.feed("A1 OK [CAPABILITY IMAP4rev1 IDLE MOVE] Logged in\r\n")
        guard case .completed(let completion)? = events.first else {
            Issue.record("no completion in \(events)")
            return
        }
        #expect(completion.isOK && completion.command == "AUTHENTICATE")
        #expect(harness.client.state == .authenticated)
        #expect(harness.client.capabilities == [.imap4rev1, .idle, .move])
        #expect(harness.client.capabilitiesKnown)
    }

    @Test func plainWithoutInitialResponseWaitsForTheChallenge() throws {
        var harness = try ClientHarness(greeting: "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
        let login = try harness.client.authenticate(Self.credentials, options: .init())
        #expect(ClientHarness.text(login) == "A1 AUTHENTICATE PLAIN\r\n")
        let events = try harness.feed("+ \r\n")
        #expect(events == [.send(IMAPOutbound(tag: "A1", bytes: Array("AGFsaWNlAGFsaWNlcHc=\r\n".utf8), traceText: "****"))])
        let done = try harness.feed("A1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
        guard case .completed(let completion)? = done.first else {
            Issue.record("no completion")
            return
        }
        #expect(!completion.isOK && completion.response.text.code == .authenticationFailed)
        #expect(harness.client.state == .notAuthenticated)
        #expect(harness.client.canSendCommand)
    }

    @Test func loginWhenNoPlainAndXOAUTH2ErrorChallenge() throws {
        var harness = try ClientHarness(greeting: "* OK [CAPABILITY IMAP4rev1] ready\r\n")
        let login = try harness.client.authenticate(Self.credentials, options: .init())
        #expect(ClientHarness.text(login) == "A1 LOGIN alice alicepw\r\n")
        #expect(login.traceText == "A1 LOGIN alice ****")

        var oauth = try ClientHarness(greeting: "* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR] ready\r\n")
        let token = IMAPCredentials(username: "a@example.org", secret: .oauth2AccessToken("ya29.token"))
        let start = try oauth.client.authenticate(token, options: .init())
        #expect(ClientHarness.text(start).hasPrefix("A1 AUTHENTICATE XOAUTH2 dXNlcj1hQGV4YW1wbGUub3JnAWF1dGg9QmVhcmVy"))
        #expect(!start.traceText.contains("dXNl"))
        #expect(try oauth.feed("+ eyJzdGF0dXMiOiI0MDAifQ==\r\n")
            == [.send(IMAPOutbound(tag: "A1", bytes: Array("\r\n".utf8), traceText: ""))])
    }

    @Test func refusalsBeforeSendingAnything() throws {
        var plain = try ClientHarness(tls: false)
        #expect(throws: IMAPAuthenticationError.insecureConnection) {
            try plain.client.authenticate(Self.credentials, options: .init())
        }
        _ = try plain.client.authenticate(Self.credentials, options: .init(allowInsecureAuthentication: true))

        var disabled = try ClientHarness(greeting: "* OK [CAPABILITY IMAP4rev1 LOGINDISABLED AUTH=GSSAPI] hi\r\n")
        #expect(throws: IMAPAuthenticationError.loginDisabled(offered: ["GSSAPI"])) {
            try disabled.client.authenticate(Self.credentials, options: .init())
        }
        var newline = try ClientHarness()
        #expect(throws: IMAPAuthenticationError.self) {
            try newline.client.authenticate(IMAPCredentials(username: "a\r\nA2 DELETE INBOX", secret: .password("x")),
                                            options: .init())
        }
        var token = try ClientHarness()
        #expect(throws: IMAPAuthenticationError.self) {
            try token.client.authenticate(IMAPCredentials(username: "a", secret: .oauth2AccessToken("t")), options: .init())
        }
    }

    static func loggedIn(_ capabilities: String = "IMAP4rev1 IDLE") throws -> ClientHarness {
        var harness = try ClientHarness()
        _ = try harness.client.authenticate(credentials, options: .init())
        try harness.feed("A1 OK [CAPABILITY \(capabilities)] Logged in\r\n")
        return harness
    }

    @Test func synchronisingLiteralsWaitForTheContinuation() throws {
        var harness = try Self.loggedIn()
        let append = harness.client.send(.append(MailboxName("Sent"), message: Array("Subject: x\r\n\r\nhi\r\n".utf8)))
        #expect(ClientHarness.text(append) == "A2 APPEND Sent {18}\r\n")
        #expect(!harness.client.canSendCommand)
        #expect(harness.client.inFlightCommands.map(\.name) == ["APPEND"])
        let events = try harness.feed("* 4 EXISTS\r\n+ Ready for literal data\r\n")
        #expect(events == [
            .response(.untagged(.exists(4))),
            .send(IMAPOutbound(tag: "A2", bytes: Array("Subject: x\r\n\r\nhi\r\n\r\n".utf8), traceText: "")),
        ])
        #expect(harness.client.canSendCommand)
        let done = try harness.feed("A2 OK [APPENDUID 7 12] done\r\n")
        #expect(done.count == 1)
        #expect(harness.client.inFlightCommands.isEmpty)
    }

    @Test func aRefusedLiteralDropsTheRest() throws {
        var harness = try Self.loggedIn()
        _ = harness.client.send(.append(MailboxName("Sent"), message: Array(repeating: 65, count: 100)))
        _ = try harness.feed("A2 NO [OVERQUOTA] too big\r\n")
        #expect(harness.client.canSendCommand)
        #expect(throws: IMAPProtocolError.self) { try harness.feed("+ go\r\n") }
    }

    @Test func pipelinedCommandsCompleteInAnyOrder() throws {
        var harness = try Self.loggedIn()
        _ = harness.client.send(.select(.inbox))
        try harness.feed("A2 OK [READ-WRITE] done\r\n")
        #expect(harness.client.state == .selected(.inbox, readOnly: false))
        let first = harness.client.send(.fetch(SequenceSet(1...10), [.flags]))
        let second = harness.client.send(.fetch(SequenceSet(11...20), [.flags]))
        #expect(first.tag == "A3" && second.tag == "A4")
        let events = try harness.feed("* 11 FETCH (UID 11 FLAGS ())\r\nA4 OK done\r\nA3 OK done\r\n")
        #expect(events.count == 6)
        #expect(events.compactMap { if case .completed(let c) = $0 { c.tag } else { nil } } == ["A4", "A3"])
        #expect(throws: IMAPProtocolError.self) { try harness.feed("A9 OK who?\r\n") }
    }

    @Test func idleStartsOnContinuationAndEndsWithDone() throws {
        var harness = try Self.loggedIn()
        let idle = harness.client.send(.idle)
        #expect(ClientHarness.text(idle) == "A2 IDLE\r\n")
        #expect(!harness.client.canEndIdle)
        #expect(try harness.feed("+ idling\r\n") == [.idleStarted(tag: "A2")])
        #expect(harness.client.canEndIdle && !harness.client.canSendCommand)
        #expect(try harness.feed("* 5 EXISTS\r\n") == [.response(.untagged(.exists(5)))])
        #expect(ClientHarness.text(harness.client.done()) == "DONE\r\n")
        #expect(!harness.client.canEndIdle)
        let events = try harness.feed("A2 OK Idle completed\r\n")
        #expect(events.count == 1)
        #expect(harness.client.canSendCommand && !harness.client.isIdling)
    }

    @Test func startTLSDiscardsWhatFollowsTheOK() throws {
        var harness = try ClientHarness(tls: false, greeting: "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] hi\r\n")
        let start = harness.client.send(.startTLS)
        #expect(ClientHarness.text(start) == "A1 STARTTLS\r\n")
        #expect(!harness.client.canSendCommand)
        let injected = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\nA2 OK injected\r\n"
        let events = try harness.feed("A1 OK Begin TLS negotiation now\r\n" + injected)
        #expect(events.count == 2)
        #expect(events.last == .startTLS(discardedByteCount: injected.utf8.count))
        #expect(!harness.client.canSendCommand)
        harness.client.tlsEstablished()
        #expect(harness.client.isTLSActive && !harness.client.capabilitiesKnown && harness.client.capabilities.isEmpty)
        #expect(try harness.feed("") == [])
        _ = harness.client.send(.capability)
        try harness.feed("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA2 OK done\r\n")
        #expect(harness.client.capabilities.contains(.auth("PLAIN")))
    }

    /// RFC 4978: what follows the OK to COMPRESS is DEFLATE data; the client hands it out
    /// unparsed (before the completion) and parses only what is fed afterwards.
    @Test func compressHandsOutWhatFollowsTheOK() throws {
        var harness = try Self.loggedIn()
        let start = harness.client.send(.compressDeflate)
        #expect(ClientHarness.text(start) == "A2 COMPRESS DEFLATE\r\n")
        #expect(!harness.client.canSendCommand)
        let compressed: [UInt8] = [0x2A, 0x20, 0xFF, 0x00, 0x0D, 0x0A, 0x7F]
        harness.client.receive(Array("A2 OK DEFLATE active\r\n".utf8) + compressed)
        #expect(try harness.client.nextEvent() == .compressionStarted(received: compressed))
        guard case .completed(let completion)? = try harness.client.nextEvent() else {
            Issue.record("no completion")
            return
        }
        #expect(completion.isOK && completion.command == "COMPRESS")
        #expect(try harness.client.nextEvent() == nil)
        #expect(harness.client.isCompressionActive && harness.client.canSendCommand)
        #expect(try harness.feed("* 2 EXISTS\r\n") == [.response(.untagged(.exists(2)))])
    }

    @Test func aRefusedCompressLeavesTheStreamAsItWas() throws {
        var harness = try Self.loggedIn()
        _ = harness.client.send(.compressDeflate)
        let events = try harness.feed("A2 NO [COMPRESSIONACTIVE] already\r\n* 1 EXISTS\r\n")
        guard case .completed(let completion)? = events.first else {
            Issue.record("no completion in \(events)")
            return
        }
        #expect(!completion.isOK && completion.response.text.code == .compressionActive)
        #expect(events.dropFirst() == [.response(.untagged(.exists(1)))])
        #expect(!harness.client.isCompressionActive)
    }

    @Test func aContinuationNobodyAskedForIsAnError() throws {
        var harness = try Self.loggedIn()
        let error = #expect(throws: IMAPProtocolError.self) { try harness.feed("+ surprise\r\n") }
        #expect(error?.kind == .unexpectedContinuation)
        #expect(throws: IMAPProtocolError.self) { try harness.client.nextEvent() }
    }

    @Test func byeEndsTheSessionAndSelectFailureLeavesNoMailbox() throws {
        var harness = try Self.loggedIn()
        _ = harness.client.send(.select(MailboxName("Nope")))
        try harness.feed("A2 NO [NONEXISTENT] no such mailbox\r\n")
        #expect(harness.client.state == .authenticated)
        try harness.feed("* BYE shutting down\r\n")
        #expect(harness.client.state == .loggedOut && !harness.client.canSendCommand)
    }

    @Test func aTruncatedResponseAtTheEndOfTheStream() throws {
        var harness = try Self.loggedIn()
        _ = harness.client.send(.noop)
        try harness.feed("* 1 FETCH (FLAGS (\\Se")
        harness.client.receiveEndOfStream()
        let error = #expect(throws: IMAPProtocolError.self) { try harness.client.nextEvent() }
        #expect(error?.kind == .truncated)
    }
}
