import Foundation
import MailCore
import SMTP
import Testing

struct SMTPClientAuthenticationTests {
    static let password = SMTPCredentials(username: "alice", secret: .password("alicepw"))

    @Test func plainGoesInOneCommandAndIsHiddenInTheTrace() throws {
        var harness = try SMTPHarness.ready(["AUTH PLAIN LOGIN"])
        harness.record(try harness.client.authenticate(Self.password, options: .init()))
        #expect(harness.sent == ["AUTH PLAIN ****"])
        #expect(String(decoding: harness.wire, as: UTF8.self) == "AUTH PLAIN AGFsaWNlAGFsaWNlcHc=\r\n")
        #expect(try harness.feed("235 2.7.0 Authentication successful\r\n")
            == [.authenticated(SMTPReply(code: 235, lines: ["2.7.0 Authentication successful"]))])
        #expect(harness.client.authenticationMechanism == .plain)
        #expect(harness.client.isReadyForCommand)
    }

    @Test func loginAnswersBothPrompts() throws {
        var harness = try SMTPHarness.ready(["AUTH LOGIN"])
        harness.record(try harness.client.authenticate(Self.password, options: .init()))
        #expect(try harness.feed("334 VXNlcm5hbWU6\r\n") == [.send(SMTPOutbound([.saslResponse("YWxpY2U=")]))])
        #expect(try harness.feed("334 UGFzc3dvcmQ6\r\n") == [.send(SMTPOutbound([.saslResponse("YWxpY2Vwdw==")]))])
        #expect(try harness.feed("235 ok\r\n") == [.authenticated(SMTPReply(code: 235, lines: ["ok"]))])
        #expect(harness.sent == ["AUTH LOGIN", "****", "****"])
        #expect(!harness.sent.joined().contains("YWxpY2Vwdw"))
    }

    @Test func cramMD5AnswersTheChallenge() throws {
        var harness = try SMTPHarness.ready(["AUTH CRAM-MD5"])
        let tim = SMTPCredentials(username: "tim", secret: .password("tanstaaftanstaaf"))
        harness.record(try harness.client.authenticate(tim, options: .init()))
        let challenge = String(decoding: Base64.encode(Array("<1896.697170952@postoffice.reston.mci.net>".utf8),
                                                       lineLength: 0), as: UTF8.self)
        #expect(try harness.feed("334 \(challenge)\r\n")
            == [.send(SMTPOutbound([.saslResponse("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw")]))])
        #expect(try harness.feed("235 ok\r\n").count == 1)
        #expect(harness.client.authenticationMechanism == .cramMD5)
    }

    @Test func xoauth2AcknowledgesTheErrorReportThenFails() throws {
        var harness = try SMTPHarness.ready(["AUTH XOAUTH2"])
        let token = SMTPCredentials(username: "alice@example.test", secret: .oauth2AccessToken("ya29.token"))
        harness.record(try harness.client.authenticate(token, options: .init()))
        #expect(harness.sent == ["AUTH XOAUTH2 ****"])
        let report = "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIn0="
        #expect(try harness.feed("334 \(report)\r\n") == [.send(SMTPOutbound([.saslResponse("")]))])
        let events = try harness.feed("535 5.7.8 Username and Password not accepted\r\n")
        guard case .failed(let error)? = events.first else {
            Issue.record("expected a refusal: \(events)")
            return
        }
        #expect(error.command == "AUTH XOAUTH2")
        #expect(error.reply.code == 535)
        #expect(harness.client.isReadyForCommand)
    }

    @Test func oauthBearerAcknowledgesWithControlA() throws {
        var harness = try SMTPHarness.ready(["AUTH OAUTHBEARER"])
        let token = SMTPCredentials(username: "a@x", secret: .oauth2AccessToken("t"))
        harness.record(try harness.client.authenticate(token, options: .init(host: "smtp.x", port: 587)))
        #expect(try harness.feed("334 eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=\r\n") == [.send(SMTPOutbound([.saslResponse("AQ==")]))])
    }

    @Test func aLongInitialResponseWaitsForTheChallenge() throws {
        var harness = try SMTPHarness.ready(["AUTH XOAUTH2"])
        let token = SMTPCredentials(username: "a@x", secret: .oauth2AccessToken(String(repeating: "t", count: 600)))
        harness.record(try harness.client.authenticate(token, options: .init()))
        #expect(harness.sent == ["AUTH XOAUTH2"])
        let events = try harness.feed("334 \r\n")
        guard case .send(let outbound)? = events.first else {
            Issue.record("expected the response: \(events)")
            return
        }
        #expect(outbound.traceLines == ["****"])
        #expect(outbound.bytes.count > 600)
    }

    @Test func endlessChallengesAreCancelledThenRefused() throws {
        var harness = try SMTPHarness.ready(["AUTH PLAIN"])
        harness.record(try harness.client.authenticate(Self.password, options: .init()))
        #expect(try harness.feed("334 again\r\n") == [.send(SMTPOutbound([.saslResponse("*")]))])
        #expect(throws: SMTPProtocolError.self) { try harness.feed("334 and again\r\n") }
    }

    @Test func noPasswordOverAPlainConnection() throws {
        var harness = try SMTPHarness.ready(["AUTH PLAIN"], tls: false)
        #expect(throws: SMTPAuthenticationError.insecureConnection) {
            try harness.client.authenticate(Self.password, options: .init())
        }
        #expect(harness.client.isReadyForCommand)
        // Allowed explicitly by the account.
        harness.record(try harness.client.authenticate(Self.password, options: .init(allowInsecureAuthentication: true)))
        #expect(harness.sent == ["AUTH PLAIN ****"])
    }

    @Test(arguments: [
        (SMTPCredentials(username: "", secret: .password("x")), "the user name is empty"),
        (SMTPCredentials(username: "a\r\nQUIT", secret: .password("x")), "the user name contains a line break or NUL"),
        (SMTPCredentials(username: "a", secret: .password("")), "the password is empty"),
        (SMTPCredentials(username: "a", secret: .oauth2AccessToken("t\r\n")), "the OAuth token contains a control character"),
    ])
    func unusableCredentialsAreRefusedBeforeSending(credentials: SMTPCredentials, reason: String) throws {
        var harness = try SMTPHarness.ready(["AUTH PLAIN XOAUTH2"])
        #expect(throws: SMTPAuthenticationError.invalidCredentials(reason)) {
            try harness.client.authenticate(credentials, options: .init())
        }
    }
}
