import POP3
import Testing

@Suite struct POP3AuthenticationMethodTests {
    static let password = POP3Credentials.Secret.password("pw")
    static let token = POP3Credentials.Secret.oauth2AccessToken("tok")
    static let withTimestamp = POP3Greeting(statusLine: POP3StatusLine(isOK: true, text: "ready <1.2@host>"))
    static let withoutTimestamp = POP3Greeting(statusLine: POP3StatusLine(isOK: true, text: "ready"))

    static func capabilities(_ lines: String...) -> POP3Capabilities {
        POP3Capabilities(lines.compactMap { POP3Capability(parsing: Array($0.utf8)[...]) })
    }

    @Test func prefersSASLPlain() throws {
        let method = try POP3AuthenticationMethod.choose(
            for: Self.password, capabilities: Self.capabilities("USER", "SASL LOGIN PLAIN"),
            greeting: Self.withTimestamp, options: .init(allowAPOP: true))
        #expect(method == .saslPlain)
    }

    @Test func apopOnlyWhenAllowedAndTimestamped() throws {
        let caps = Self.capabilities("USER")
        #expect(try POP3AuthenticationMethod.choose(for: Self.password, capabilities: caps, greeting: Self.withTimestamp,
                                                    options: .init(allowAPOP: true)) == .apop)
        #expect(try POP3AuthenticationMethod.choose(for: Self.password, capabilities: caps, greeting: Self.withTimestamp,
                                                    options: .init(allowAPOP: false)) == .userPass)
        #expect(try POP3AuthenticationMethod.choose(for: Self.password, capabilities: caps,
                                                    greeting: Self.withoutTimestamp,
                                                    options: .init(allowAPOP: true)) == .userPass)
    }

    @Test func userPassWithoutCAPA() throws {
        #expect(try POP3AuthenticationMethod.choose(for: Self.password, capabilities: nil, greeting: Self.withoutTimestamp,
                                                    options: .init()) == .userPass)
    }

    @Test func tokenNeedsXOAUTH2() throws {
        #expect(try POP3AuthenticationMethod.choose(for: Self.token, capabilities: Self.capabilities("SASL XOAUTH2 PLAIN"),
                                                    greeting: nil, options: .init()) == .saslXOAUTH2)
        #expect(try POP3AuthenticationMethod.choose(for: Self.token, capabilities: nil, greeting: nil,
                                                    options: .init()) == .saslXOAUTH2)
        #expect(throws: POP3AuthenticationError.mechanismNotOffered("XOAUTH2", offered: ["PLAIN"])) {
            try POP3AuthenticationMethod.choose(for: Self.token, capabilities: Self.capabilities("SASL PLAIN"),
                                                greeting: nil, options: .init())
        }
    }
}
