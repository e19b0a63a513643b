@testable import POP3
import Testing

@Suite struct AuthenticationEncodingTests {
    // RFC 1321 appendix A.5 test suite.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func md5MatchesRFC1321(input: String, digest: String) {
        #expect(MD5.hexDigest(Array(input.utf8)) == digest)
    }

    @Test func apopDigestMatchesRFC1939Example() {
        // RFC 1939 §7: timestamp and secret "tanstaaf" give c4c9334bac560ecc979e58001b3e22fb.
        let digest = SASLMessages.apopDigest(timestamp: "<1896.697170952@dbc.mtview.ca.us>", password: "tanstaaf")
        #expect(digest == "c4c9334bac560ecc979e58001b3e22fb")
    }

    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func base64IsOneUnbrokenLine(input: String, output: String) {
        #expect(SASLMessages.base64(Array(input.utf8)) == output)
    }

    @Test func longSASLResponsesAreNotWrapped() {
        let response = SASLMessages.base64([UInt8](repeating: 0x41, count: 600))
        #expect(response.count == 800)
        #expect(!response.contains("\r") && !response.contains("\n"))
    }

    @Test func plainMessage() {
        // "\0bob\0bobpw"
        #expect(SASLMessages.plain(username: "bob", password: "bobpw") == "AGJvYgBib2Jwdw==")
    }

    @Test func xoauth2Message() {
        // Google's example: user=someuser@example.com^Aauth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg^A^A
        let message = SASLMessages.xoauth2(username: "someuser@example.com",
                                           token: "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")
        #expect(message == "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==")
    }

    @Test func credentialsNeverPrintTheSecret() {
        let credentials = POP3Credentials(username: "bob", secret: .password("hunter2"))
        #expect(!"\(credentials)".contains("hunter2"))
        #expect(!String(reflecting: credentials).contains("hunter2"))
    }
}
