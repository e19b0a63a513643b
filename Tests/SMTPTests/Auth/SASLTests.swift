import Foundation
@testable import SMTP
import MailCore
import Testing

struct HMACMD5Tests {
    /// RFC 1321 §A.5.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func md5MatchesRFC1321(input: String, hex: String) {
        let digest = HMACMD5.md5(Array(input.utf8))
        #expect(digest.map { String(format: "%02x", $0) }.joined() == hex)
    }

    /// RFC 2104 §A (test 2) and RFC 2202 test 6 (a key longer than a block).
    @Test func hmacMatchesTheRFCVectors() {
        #expect(HMACMD5.hexDigest(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
            == "750c783e6ab0b503eaa86e310a5db738")
        #expect(HMACMD5.hexDigest(key: [UInt8](repeating: 0xAA, count: 80),
                                  message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
            == "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd")
    }
}

struct SASLMessageTests {
    /// RFC 2195 §2's example.
    @Test func cramMD5MatchesRFC2195() {
        let challenge = Array("<1896.697170952@postoffice.reston.mci.net>".utf8)
        #expect(SASLMessages.cramMD5(username: "tim", password: "tanstaaftanstaaf", challenge: challenge)
            == "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw")
    }

    @Test func plainHasNoAuthorizationIdentity() {
        let decoded = Base64.decode(Array(SASLMessages.plain(username: "alice", password: "pw").utf8))
        #expect(decoded == [0] + Array("alice".utf8) + [0] + Array("pw".utf8))
    }

    @Test func xoauth2AndOAuthBearerFollowTheirFormats() {
        let xoauth2 = Base64.decode(Array(SASLMessages.xoauth2(username: "a@x", token: "T").utf8))
        #expect(String(decoding: xoauth2, as: UTF8.self) == "user=a@x\u{1}auth=Bearer T\u{1}\u{1}")
        let bearer = Base64.decode(Array(SASLMessages.oauthBearer(username: "a,b=c@x", token: "T", host: "smtp.x",
                                                                   port: 587).utf8))
        #expect(String(decoding: bearer, as: UTF8.self)
            == "n,a=a=2Cb=3Dc@x,\u{1}host=smtp.x\u{1}port=587\u{1}auth=Bearer T\u{1}\u{1}")
        #expect(SASLMessages.oauthBearerErrorAcknowledgement == "AQ==")
    }

    @Test func redactedFormsCoverTheSecretInEveryEncoding() {
        let credentials = SMTPCredentials(username: "alice", secret: .password("alicepw"))
        let forms = credentials.redactedForms(options: SMTPAuthenticationOptions())
        #expect(forms.contains("alicepw"))
        #expect(forms.contains("YWxpY2Vwdw=="))
        #expect(forms.contains(SASLMessages.plain(username: "alice", password: "alicepw")))
        #expect(!credentials.description.contains("alicepw"))
        #expect(!"\(credentials)".contains("alicepw") && !String(reflecting: credentials).contains("alicepw"))
    }
}

struct SMTPAuthMechanismTests {
    static let password = SMTPCredentials(username: "u", secret: .password("p"))
    static let token = SMTPCredentials(username: "u", secret: .oauth2AccessToken("t"))

    @Test(arguments: [
        (["PLAIN", "LOGIN", "CRAM-MD5"], [SMTPAuthMechanism](), true, SMTPAuthMechanism.plain),
        (["LOGIN", "CRAM-MD5"], [], true, .login),
        (["PLAIN", "LOGIN", "CRAM-MD5"], [], false, .cramMD5),
        (["PLAIN", "LOGIN"], [], false, .plain),
        (["PLAIN", "LOGIN", "CRAM-MD5"], [.login, .plain], true, .login),
        (["plain"], [], true, .plain),
    ])
    func picksAPasswordMechanism(offered: [String], preferred: [SMTPAuthMechanism], tls: Bool,
                                 expected: SMTPAuthMechanism) throws {
        #expect(try SMTPAuthMechanism.choose(for: Self.password, offered: offered, preferred: preferred,
                                             isTLSActive: tls) == expected)
    }

    @Test func tokensUseTheOAuthMechanisms() throws {
        #expect(try SMTPAuthMechanism.choose(for: Self.token, offered: ["PLAIN", "XOAUTH2", "OAUTHBEARER"], preferred: [],
                                             isTLSActive: true) == .xoauth2)
        #expect(try SMTPAuthMechanism.choose(for: Self.token, offered: ["PLAIN", "OAUTHBEARER"], preferred: [],
                                             isTLSActive: true) == .oauthBearer)
        #expect(throws: SMTPAuthenticationError.noUsableMechanism(tried: ["XOAUTH2", "OAUTHBEARER"], offered: ["PLAIN"])) {
            try SMTPAuthMechanism.choose(for: Self.token, offered: ["PLAIN"], preferred: [], isTLSActive: true)
        }
    }

    @Test func saysWhenNothingFits() {
        #expect(throws: SMTPAuthenticationError.authNotOffered) {
            try SMTPAuthMechanism.choose(for: Self.password, offered: [], preferred: [], isTLSActive: true)
        }
        #expect(throws: SMTPAuthenticationError.noUsableMechanism(tried: ["CRAM-MD5"], offered: ["PLAIN"])) {
            try SMTPAuthMechanism.choose(for: Self.password, offered: ["PLAIN"], preferred: [.cramMD5, .xoauth2],
                                         isTLSActive: true)
        }
    }
}
