import Foundation
import IMAP
import MailCore
import TernTestSupport
import Transport

/// Connections to the test stack's Dovecot, and folders of its own for each test.
enum IMAPDovecot {
    static func settings(_ stack: MailStack, security: ConnectionSecurity = .tls, user: MailStack.User? = nil,
                         password: String? = nil, compression: IMAPCompression = .automatic) -> IMAPSettings {
        let user = user ?? stack.alice
        return IMAPSettings(
            host: stack.host, port: security == .tls ? stack.imapsPort : stack.imapPort,
            connection: ConnectionOptions(security: security, caFile: stack.caFile.path, connectTimeout: .seconds(10),
                                          readTimeout: .seconds(60)),
            credentials: IMAPCredentials(username: user.name, secret: .password(password ?? user.password)),
            compression: compression)
    }

    static func connect(_ stack: MailStack, security: ConnectionSecurity = .tls, compression: IMAPCompression = .automatic,
                        trace: ProtocolTrace? = nil) async throws -> IMAPConnection
    {
        try await IMAPConnection.connect(settings(stack, security: security, compression: compression), trace: trace)
    }

    /// A new folder with a unique name, and a closure that deletes it.
    static func temporaryFolder(_ session: IMAPConnection, _ label: String) async throws -> MailboxName {
        let name = await session.mailboxName("tern-imap-\(label)-\(UUID().uuidString.prefix(8))")
        try await session.create(name)
        return name
    }

    /// A small message with CRLF line endings and a unique Message-ID.
    static func message(subject: String, body: String = "Hello.\r\n", from: String = "alice@example.test") -> [UInt8] {
        Array(("From: Alice <\(from)>\r\nTo: bob@example.test\r\nSubject: \(subject)\r\n"
            + "Date: Mon, 4 Mar 2024 10:00:00 +0100\r\nMessage-ID: <\(UUID().uuidString)@example.test>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + body).utf8)
    }
}

/// Events of a connection collected in the background, with their arrival times.
final class IMAPEventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(ContinuousClock.Instant, IMAPEvent.Kind)] = []

    init(_ connection: IMAPConnection) {
        Task { [weak self] in
            for await event in connection.events { self?.record(event.kind) }
        }
    }

    private func record(_ kind: IMAPEvent.Kind) {
        lock.withLock { stored.append((ContinuousClock.now, kind)) }
    }

    /// When the first event matching `predicate` arrived, waiting at most `timeout`.
    func firstArrival(within timeout: Duration, where predicate: (IMAPEvent.Kind) -> Bool) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = lock.withLock({ stored.first { predicate($0.1) }?.0 }) { return found }
            if ContinuousClock.now > deadline { return nil }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}
