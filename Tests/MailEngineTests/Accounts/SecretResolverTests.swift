import Foundation
import Testing
import TernConfig
@testable import MailEngine

@Suite struct SecretResolverTests {
    let resolver = SecretResolver(environment: ["PATH": "/usr/bin:/bin", "MAIL_PW": "env-secret", "EMPTY": ""], timeout: .seconds(5))

    @Test(arguments: [
        ("printf 'hunter2\\nsecond line\\n'", "hunter2"),
        ("printf 'with spaces  \\r\\n'", "with spaces  "),
        ("printf 'no newline'", "no newline"),
        ("echo \"$MAIL_PW\"", "env-secret"),
    ])
    func theFirstLineOfACommandIsTheSecret(command: String, expected: String) throws {
        #expect(try resolver.resolve(.command(command), account: "home").reveal() == expected)
    }

    @Test func anEnvironmentVariableIsTheSecret() throws {
        #expect(try resolver.resolve(.environment("MAIL_PW"), account: "home").reveal() == "env-secret")
    }

    @Test func aFailingCommandNamesTheAccountAndStatusButNeverItsOutput() throws {
        let error = try #require(throws: SecretError.self) {
            try resolver.resolve(.command("echo leaked-secret; echo 'gpg: decryption failed' >&2; exit 3"), account: "work")
        }
        #expect(error.description.contains("account \"work\""))
        #expect(error.description.contains("exit status 3"))
        #expect(error.description.contains("gpg: decryption failed"))
        #expect(!error.description.contains("leaked-secret"))
        #expect(!error.description.contains("echo"))
    }

    @Test func emptyOutputUnsetVariablesAndTimeoutsAreErrors() throws {
        #expect(throws: SecretError(account: "a", what: "password", problem: .emptyOutput)) {
            try resolver.resolve(.command("printf '\\n'"), account: "a")
        }
        #expect(throws: SecretError(account: "a", what: "password", problem: .environmentUnset)) {
            try resolver.resolve(.environment("NOT_SET"), account: "a")
        }
        #expect(throws: SecretError(account: "a", what: "password", problem: .environmentUnset)) {
            try resolver.resolve(.environment("EMPTY"), account: "a")
        }
        let slow = SecretResolver(environment: ["PATH": "/usr/bin:/bin"], timeout: .milliseconds(300))
        #expect(throws: SecretError(account: "a", what: "password", problem: .timedOut(0))) {
            try slow.resolve(.command("sleep 5"), account: "a")
        }
        let error = SecretError(account: "a", what: "password", problem: .environmentUnset)
        #expect(!error.description.contains("NOT_SET"))
    }

    @Test func aCommandThatPrintsNothingIsAnError() throws {
        #expect(throws: SecretError(account: "a", what: "OAuth token", problem: .emptyOutput)) {
            try resolver.resolve(.command("true"), account: "a", what: "OAuth token")
        }
    }

    /// A command that fills the standard error pipe before it exits must not block the resolver
    /// (a resolver that read standard output to its end before standard error would hang).
    @Test func aCommandWithMuchOutputOnStandardErrorDoesNotHang() throws {
        let error = try #require(throws: SecretError.self) {
            try resolver.resolve(.command("head -c 1000000 /dev/zero | tr '\\0' x >&2; echo >&2; echo 'last words' >&2; exit 4"),
                                 account: "a")
        }
        #expect(error.problem == .commandFailed(status: 4, signal: false, stderr: "last words"))
        #expect(try resolver.resolve(.command("head -c 1000000 /dev/zero | tr '\\0' x >&2; echo pw"), account: "a").reveal() == "pw")
    }

    @Test func secretsNeverPrintThemselves() {
        let secret = Secret("hunter2")
        #expect("\(secret)" == "<secret>")
        #expect(String(reflecting: secret) == "<secret>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
    }
}
