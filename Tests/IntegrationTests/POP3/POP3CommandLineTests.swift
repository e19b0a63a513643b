import Foundation
import TernTestSupport
import Testing

/// The built `tern` on a POP3 account of the real Dovecot: `tern sync` downloads, then `tern
/// folders`, `list`, `read`, `flag`, `move` and `delete` work on the downloaded local Maildir.
@Suite(.enabled(if: MailStack.shouldRun), .serialized)
struct POP3CommandLineTests {
    /// A config whose account `alice` is the POP3 account of `user` (STLS on 1110), mail in `maildir`.
    static func binary(_ stack: MailStack, user: DovecotTestUser, maildir: URL) throws -> TernBinary {
        try TernBinary(host: stack.host, smtpPort: stack.submissionPort, security: "starttls", caFile: stack.caFile.path,
                       password: user.password, source: """
            [accounts.alice.pop3]
            host = "\(stack.host)"
            port = \(stack.pop3Port)
            security = "starttls"
            user = "\(user.name)"
            password_env = "TERN_TEST_PW"
            ca_file = "\(stack.caFile.path)"
            maildir = "\(maildir.path)"
            """)
    }

    static func message(_ subject: String, date: String, token: String, body: String) -> [UInt8] {
        Array("""
            From: Carol <carol@example.test>
            To: bob@example.test
            Subject: \(subject)
            Date: \(date)
            Message-ID: <\(subject.replacingOccurrences(of: " ", with: "-"))-\(token)@example.test>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            \(body)

            """.utf8)
    }

    static func json(_ result: StackMail.RunResult) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(result.output.utf8), options: [.fragmentsAllowed])
    }

    @Test func syncThenListReadFlagMoveAndDelete() async throws {
        let stack = try MailStack.required()
        let user = try DovecotTestUser.create(in: stack, prefix: "pop3cli")
        let token = user.name
        let delivered = [
            Self.message("oldest note", date: "Mon, 2 Jan 2023 10:00:00 +0100", token: token, body: "The first one."),
            Self.message("middle note", date: "Tue, 3 Jan 2023 10:00:00 +0100", token: token, body: "Grüße, the second."),
            Self.message("newest note", date: "Wed, 4 Jan 2023 10:00:00 +0100", token: token, body: "The third one."),
        ]
        try user.deliver(delivered)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tern-pop3cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let maildir = home.appendingPathComponent("Mail")
        let tern = try Self.binary(stack, user: user, maildir: maildir)
        defer { tern.remove() }
        let cacheHome = ["XDG_CACHE_HOME": home.appendingPathComponent("cache").path]

        let traceFile = home.appendingPathComponent("pop3.trace")
        let sync = try tern.run(["sync", "--account", "alice", "--trace-file", traceFile.path], extraEnvironment: cacheHome)
        #expect(sync.status == 0, "\(sync.error)")
        #expect(sync.output.contains("3"), "the summary counts the messages: \(sync.output)")
        #expect(try user.messagesOnServer().isEmpty, "downloaded messages are deleted from the server")
        let trace = try String(contentsOf: traceFile, encoding: .utf8)
        #expect(trace.contains("C: STLS"))
        #expect(trace.contains("C: QUIT"))
        #expect(!trace.contains(user.password), "the trace never holds the password")
        let mode = try FileManager.default.attributesOfItem(atPath: traceFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let folders = try #require(Self.json(try tern.run(["folders", "--json"], extraEnvironment: cacheHome)) as? [[String: Any]])
        let inbox = try #require(folders.first { $0["role"] as? String == "inbox" })
        #expect(inbox["total"] as? Int == 3)
        #expect(inbox["unread"] as? Int == 3)

        let list = try tern.run(["list", "--json"], extraEnvironment: cacheHome)
        #expect(list.status == 0, "\(list.error)")
        let rows = try #require(Self.json(list) as? [[String: Any]])
        #expect(rows.compactMap { $0["subject"] as? String } == ["newest note", "middle note", "oldest note"])
        let from = try #require(rows.first?["from"] as? [[String: Any]])
        #expect(from.first?["address"] as? String == "carol@example.test")
        let middle = try #require(rows[1]["uid"] as? Int)

        let raw = try tern.run(["read", "--raw", "--peek", String(middle)], extraEnvironment: cacheHome)
        #expect(Array(raw.output.utf8) == delivered[1], "the local file holds the delivered bytes")
        let text = try tern.run(["read", String(middle)], extraEnvironment: cacheHome)
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.contains("Grüße, the second."))
        #expect(text.output.contains("Subject: middle note"))
        let unread = try #require(Self.json(try tern.run(["list", "--json", "--search", "is:unread"],
                                                         extraEnvironment: cacheHome)) as? [[String: Any]])
        #expect(unread.count == 2, "reading marks the message seen")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path).count == 1,
                "the message read went from new/ to cur/")

        let newest = try #require(rows[0]["uid"] as? Int)
        let oldest = try #require(rows[2]["uid"] as? Int)
        #expect(try tern.run(["flag", String(newest), "--set", "flagged"], extraEnvironment: cacheHome).status == 0)
        let flagged = try #require(Self.json(try tern.run(["list", "--json", "--search", "is:flagged"],
                                                          extraEnvironment: cacheHome)) as? [[String: Any]])
        #expect(flagged.compactMap { $0["subject"] as? String } == ["newest note"])
        // A Maildir++ folder made by another program is found by the next command.
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(".Archive/\(sub)"),
                                                    withIntermediateDirectories: true)
        }
        let moved = try tern.run(["move", String(oldest), "--to", "Archive"], extraEnvironment: cacheHome)
        #expect(moved.status == 0, "\(moved.error)")
        #expect(try tern.run(["delete", String(middle)], extraEnvironment: cacheHome).status == 0)
        let left = try #require(Self.json(try tern.run(["list", "--json"], extraEnvironment: cacheHome)) as? [[String: Any]])
        #expect(left.compactMap { $0["subject"] as? String } == ["newest note"])
        let archived = try #require(Self.json(try tern.run(["list", "--json", "--folder", "Archive"],
                                                           extraEnvironment: cacheHome)) as? [[String: Any]])
        #expect(archived.compactMap { $0["subject"] as? String } == ["oldest note"])

        // A second sync finds nothing new and downloads nothing twice.
        let again = try tern.run(["sync", "--account", "alice", "--quiet"], extraEnvironment: cacheHome)
        #expect(again.status == 0, "\(again.error)")
        let after = try #require(Self.json(try tern.run(["list", "--json"], extraEnvironment: cacheHome)) as? [[String: Any]])
        #expect(after.count == 1)
    }

    @Test func aWrongPasswordFailsTheSyncAndSaysSo() async throws {
        let stack = try MailStack.required()
        let user = try DovecotTestUser.create(in: stack, prefix: "pop3cli")
        try user.deliver([Self.message("kept", date: "Mon, 2 Jan 2023 10:00:00 +0100", token: user.name, body: "x")])
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tern-pop3cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let tern = try Self.binary(stack, user: user, maildir: home.appendingPathComponent("Mail"))
        defer { tern.remove() }
        let sync = try tern.run(["sync"], extraEnvironment: ["TERN_TEST_PW": "wrong-\(user.password)"])
        #expect(sync.status != 0)
        #expect(sync.error.lowercased().contains("auth"), "\(sync.error)")
        #expect(!sync.error.contains(user.password))
        #expect(try user.messagesOnServer().count == 1)
    }
}
