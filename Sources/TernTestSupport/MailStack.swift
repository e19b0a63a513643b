import Foundation

/// Where the real mail stack of the tests (Dovecot and Postfix on loopback, started by
/// `scripts/mailstack start DIR`) lives, read from the environment that `scripts/test` sets.
///
/// Integration tests use `MailStack.current` and are skipped when it is nil, unless
/// `TERN_REQUIRE_MAILSTACK=1` is set (as `scripts/test` does), in which case they fail loudly.
public struct MailStack: Sendable {
    /// The folder given to `scripts/mailstack start`.
    public let directory: URL

    /// The PEM file of the test CA that signed the servers' certificate.
    public var caFile: URL { directory.appendingPathComponent("ssl/ca.pem") }

    /// The loopback address every service listens on.
    public let host = "127.0.0.1"
    /// IMAP with STARTTLS.
    public let imapPort = 1143
    /// IMAP over implicit TLS.
    public let imapsPort = 1993
    /// POP3 with STLS.
    public let pop3Port = 1110
    /// POP3 over implicit TLS.
    public let pop3sPort = 1995
    /// SMTP submission with STARTTLS.
    public let submissionPort = 1587
    /// SMTP submission over implicit TLS.
    public let submissionsPort = 1465

    /// The test users: name, password and address.
    public struct User: Sendable {
        public let name: String
        public let password: String
        public var address: String { "\(name)@example.test" }
    }
    public let alice = User(name: "alice", password: "alicepw")
    public let bob = User(name: "bob", password: "bobpw")

    /// The running stack from `TERN_MAILSTACK`, or nil when tests run without one.
    public static var current: MailStack? {
        guard let dir = ProcessInfo.processInfo.environment["TERN_MAILSTACK"], !dir.isEmpty else { return nil }
        return MailStack(directory: URL(fileURLWithPath: dir))
    }

    /// True when `scripts/test` requires the stack (integration tests must then not be skipped).
    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["TERN_REQUIRE_MAILSTACK"] == "1"
    }

    /// True when integration tests should run: a stack is configured, or one is required (and a
    /// missing one then fails the test that asked).
    public static var shouldRun: Bool { current != nil || isRequired }

    /// The stack, or a thrown error explaining how to start one.
    public static func required() throws -> MailStack {
        guard let stack = current else { throw MailStackMissing() }
        return stack
    }
}

/// The error of an integration test run without a mail stack.
public struct MailStackMissing: Error, CustomStringConvertible {
    public var description: String {
        "No mail stack: run scripts/test, or `scripts/mailstack start DIR` and set TERN_MAILSTACK=DIR."
    }
}
