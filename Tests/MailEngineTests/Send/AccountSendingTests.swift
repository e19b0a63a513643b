import Foundation
import MailCore
import Testing
import TernConfig
@testable import MailEngine

/// Where an account's Sent copies go, and with which environment they are made.
@Suite struct AccountSendingTests {
    /// An IMAP Sent copy made without a backend of the caller's uses the caller's environment:
    /// its header cache goes under the given `XDG_CACHE_HOME` and its `password_env` variable is
    /// read from it (not from the process's environment, where it is not set).
    @Test func anIMAPSentCopyUsesTheCallersEnvironment() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-sentcopy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let variable = "TERN_SENT_COPY_TEST_PASSWORD_\(UUID().uuidString.prefix(8))"
        #expect(ProcessInfo.processInfo.environment[variable] == nil)
        // Port 1 on loopback: nothing listens, so the copy fails at the connection, after the
        // backend was made and its secret looked up.
        let connection = ServerConnection(serverProtocol: .imap, host: "127.0.0.1", port: 1, user: "me",
                                          password: .environment(variable))
        let account = Account(name: "acct", from: try #require(Address.parse("Me <me@example.org>")),
                              source: .imap(connection))
        let environment = ["HOME": dir.path, "XDG_CACHE_HOME": dir.path, variable: "secret"]
        let store = AccountSending.sentCopy(for: account, environment: environment)

        let error = await #expect(throws: (any Error).self) {
            try await store.storeSentCopy(Array("Subject: hi\r\n\r\nbody\r\n".utf8), date: Date())
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(!text.contains("environment variable"), "the password variable is read from the given environment: \(text)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("tern/acct.sqlite").path),
                "the copy's backend keeps its cache where the given environment says")
    }
}
