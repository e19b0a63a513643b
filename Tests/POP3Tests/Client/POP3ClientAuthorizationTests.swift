import POP3
import TernTestSupport
import Testing

@Suite struct POP3ClientAuthorizationTests {
    static let bob = POP3Credentials(username: "bob", secret: .password("bobpw"))

    @Test func greetingEntersAuthorization() throws {
        var harness = ClientHarness()
        let seen = try harness.feed("+OK POP3 ready <1.2@host>\r\n")
        let greeting = POP3Greeting(statusLine: ok("POP3 ready <1.2@host>"))
        #expect(seen == [.event(.greeting(greeting))])
        #expect(harness.client.state == .authorization)
        #expect(harness.client.greeting?.apopTimestamp == "<1.2@host>")
        #expect(harness.client.isReadyForCommand)
    }

    @Test func errGreetingEndsTheSession() throws {
        var harness = ClientHarness()
        let seen = try harness.feed("-ERR [SYS/TEMP] too many connections\r\n")
        #expect(seen == [.event(err("greeting", "[SYS/TEMP] too many connections"))])
        #expect(harness.client.state == .closed)
        #expect(!harness.client.isReadyForCommand)
    }

    @Test func greetingWithoutCRLFThenCloseIsAClearError() throws {
        var harness = ClientHarness()
        #expect(try harness.feed("+OK ready").isEmpty)
        harness.client.receiveEndOfStream()
        let error = #expect(throws: POP3ProtocolError.self) { try harness.client.nextEvent() }
        #expect(error?.kind == .closedByServer)
        #expect(error?.context == "the greeting")
        #expect(error?.description.contains("+OK ready") == true)
    }

    @Test(arguments: ["* OK IMAP4rev1 ready\r\n", "220 smtp.example ESMTP\r\n", "\u{1b}[2J\r\n"])
    func aGreetingFromAnotherProtocolIsRejected(greeting: String) throws {
        var harness = ClientHarness()
        let error = #expect(throws: POP3ProtocolError.self) { try harness.feed(greeting) }
        #expect(error?.kind == .malformedResponse)
        #expect(error?.description.contains("\u{1b}") == false)
        #expect(harness.client.state == .closed)
    }

    @Test func capaCollectsCapabilities() throws {
        var harness = try ClientHarness.ready(loggedIn: false)
        #expect(harness.send(.capa) == "CAPA\r\n")
        let seen = try harness.feed("+OK\r\nTOP\r\nSTLS\r\nSASL PLAIN\r\n.\r\n")
        #expect(seen == [
            .event(.listingBegin(ok())), .event(.capability(POP3Capability(tag: "TOP"))), .event(.capability(POP3Capability(tag: "STLS"))),
            .event(.capability(POP3Capability(tag: "SASL", arguments: ["PLAIN"]))), .event(.completed(ok())),
        ])
        #expect(harness.client.capabilities?.supportsSTLS == true)
    }

    @Test func stlsDiscardsBytesSentAfterItsOK() throws {
        var harness = ClientHarness(isTLSActive: false)
        _ = try harness.feed("+OK ready\r\n")
        harness.send(.capa)
        _ = try harness.feed("+OK\r\nSTLS\r\nUSER\r\n.\r\n")
        harness.send(.stls)
        // A man in the middle appends a fake answer to the next command after the +OK.
        let injected = "+OK\r\nSASL PLAIN\r\n.\r\n"
        let seen = try harness.feed("+OK Begin TLS negotiation now.\r\n" + injected)
        #expect(seen == [.event(.startTLS(ok("Begin TLS negotiation now."), discardedByteCount: injected.utf8.count))])
        #expect(harness.client.capabilities == nil)
        #expect(!harness.client.isReadyForCommand)
        harness.client.tlsEstablished()
        #expect(harness.client.isTLSActive)
        harness.send(.capa)
        _ = try harness.feed("+OK\r\nUSER\r\n.\r\n")
        #expect(harness.client.capabilities?.saslMechanisms == [])
    }

    @Test func stlsRefused() throws {
        var harness = ClientHarness(isTLSActive: false)
        _ = try harness.feed("+OK ready\r\n")
        harness.send(.stls)
        #expect(try harness.feed("-ERR TLS not available\r\n") == [.event(err("STLS", "TLS not available"))])
        #expect(!harness.client.isTLSActive)
        #expect(harness.client.state == .authorization)
    }

    @Test func userPassLogin() throws {
        var harness = try ClientHarness.ready(loggedIn: false)
        let first = try harness.client.authenticate(Self.bob, options: .init())
        #expect(first.bytes == Array("USER bob\r\n".utf8))
        let passLine = POP3Outbound(.pass("bobpw"))
        #expect(try harness.feed("+OK\r\n") == [.event(.send(passLine))])
        #expect(passLine.traceText == "PASS ****")
        #expect(try harness.feed("+OK Logged in.\r\n") == [.event(.completed(ok("Logged in.")))])
        #expect(harness.client.state == .transaction)
    }

    @Test(arguments: [
        ("-ERR unknown user\r\n", "USER bob"),
        ("+OK\r\n-ERR [AUTH] Authentication failed.\r\n", "PASS ****"),
    ])
    func userPassRejected(server: String, command: String) throws {
        var harness = try ClientHarness.ready(loggedIn: false)
        _ = try harness.client.authenticate(Self.bob, options: .init())
        let seen = try harness.feed(server)
        guard case .event(.failed(let error)) = seen.last else {
            Issue.record("expected a failure, got \(seen)")
            return
        }
        #expect(error.command == command)
        #expect(!error.description.contains("bobpw"))
        #expect(harness.client.state == .authorization)
        #expect(harness.client.isReadyForCommand)
    }

    @Test func saslPlainWithInitialResponse() throws {
        var harness = try ClientHarness.ready(loggedIn: false)
        harness.send(.capa)
        _ = try harness.feed("+OK\r\nSASL PLAIN\r\n.\r\n")
        let first = try harness.client.authenticate(Self.bob, options: .init())
        #expect(first.bytes == Array("AUTH PLAIN AGJvYgBib2Jwdw==\r\n".utf8))
        #expect(first.traceText == "AUTH PLAIN ****")
        #expect(try harness.feed("+OK\r\n") == [.event(.completed(ok()))])
        #expect(harness.client.state == .transaction)
    }

    @Test func longXOAUTH2TokenGoesAfterTheChallengeAndErrorsAreAcknowledged() throws {
        var harness = try ClientHarness.ready(loggedIn: false)
        harness.send(.capa)
        _ = try harness.feed("+OK\r\nSASL XOAUTH2\r\n.\r\n")
        let token = String(repeating: "t", count: 300)
        let first = try harness.client.authenticate(
            POP3Credentials(username: "bob@example.test", secret: .oauth2AccessToken(token)), options: .init())
        #expect(first.bytes == Array("AUTH XOAUTH2\r\n".utf8))
        let seen = try harness.feed("+ \r\n")
        guard case .event(.send(let response)) = seen.first else {
            Issue.record("expected the token, got \(seen)")
            return
        }
        #expect(response.traceText == "****")
        #expect(response.bytes.count > 400)
        // The server reports the error as a challenge (base64 JSON); the client sends an empty line.
        #expect(try harness.feed("+ eyJzdGF0dXMiOiI0MDEifQ==\r\n") == [.event(.send(POP3Outbound(.saslResponse(""))))])
        let failed = try harness.feed("-ERR [AUTH] Invalid credentials\r\n")
        #expect(failed == [.event(err("AUTH XOAUTH2", "[AUTH] Invalid credentials"))])
        #expect(harness.client.state == .authorization)
    }

    @Test func refusesCredentialsWithoutTLS() throws {
        var harness = ClientHarness(isTLSActive: false)
        _ = try harness.feed("+OK ready\r\n")
        #expect(throws: POP3AuthenticationError.insecureConnection) {
            try harness.client.authenticate(Self.bob, options: .init(allowAPOP: true))
        }
        #expect(harness.client.isReadyForCommand)
        let allowed = try harness.client.authenticate(Self.bob, options: .init(allowInsecureAuthentication: true))
        #expect(allowed.bytes == Array("USER bob\r\n".utf8))
    }

    @Test(arguments: [
        POP3Credentials(username: "bob\r\nDELE 1", secret: .password("pw")),
        POP3Credentials(username: "bob", secret: .password("pw\r\nDELE 1")),
        POP3Credentials(username: "bob", secret: .password("")),
        POP3Credentials(username: "", secret: .password("pw")),
        POP3Credentials(username: "bob", secret: .password("a\u{0}b")),
    ])
    func refusesCredentialsThatWouldInjectCommands(credentials: POP3Credentials) throws {
        var harness = try ClientHarness.ready(loggedIn: false)
        let error = #expect(throws: POP3AuthenticationError.self) {
            try harness.client.authenticate(credentials, options: .init())
        }
        #expect(error?.description.contains("pw") == false)
    }

    @Test func apopWhenAllowed() throws {
        var harness = ClientHarness()
        _ = try harness.feed("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n")
        let first = try harness.client.authenticate(
            POP3Credentials(username: "mrose", secret: .password("tanstaaf")), options: .init(allowAPOP: true))
        #expect(first.bytes == Array("APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n".utf8))
        #expect(first.traceText == "APOP mrose ****")
        #expect(try harness.feed("+OK maildrop has 1 message (369 octets)\r\n").count == 1)
        #expect(harness.client.state == .transaction)
    }

    @Test func continuationOutsideAuthIsAnError() throws {
        var harness = try ClientHarness.ready(loggedIn: false)
        harness.send(.capa)
        let error = try #require(#expect(throws: POP3ProtocolError.self) { try harness.feed("+ hello\r\n") })
        #expect(error.kind == .unexpectedContinuation)
        // Every later call throws the same error.
        #expect(throws: error) { try harness.client.nextEvent() }
    }

    @Test func quitInAuthorizationCloses() throws {
        var harness = try ClientHarness.ready(loggedIn: false)
        harness.send(.quit)
        #expect(try harness.feed("+OK bye\r\n") == [.event(.completed(ok("bye")))])
        #expect(harness.client.state == .closed)
    }
}
