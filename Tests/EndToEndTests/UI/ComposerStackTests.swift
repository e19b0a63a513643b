import Foundation
import MailCore
import MailEngine
import Testing
import TernConfig
import TernTestSupport

/// The composer of the real `tern` in tmux on the test stack: alice writes to bob with two
/// attachments (attached at once with a glob) and sends it over SMTP submission; bob's INBOX gets
/// it with the attachments' bytes, alice's Sent folder gets the copy (IMAP APPEND); then a new
/// message is postponed into alice's Drafts folder, flagged \Draft.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled && MailStack.shouldRun))
struct ComposerStackTests {
    @Test func sendToBobAndPostponeOverIMAP() async throws {
        let stack = try MailStack.required()
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        let home = tmux.directory
        let token = "cst\(getpid())x\(Int(Date().timeIntervalSince1970))"
        let subject = "Composer stack test \(token)"
        let editor = home.appendingPathComponent("editor.sh")
        try ("#!/bin/sh\ntext=$(cat \"$1\"); printf 'Hello Bob, from the stack test.\\n%s\\n' \"$text\" > \"$1\"\n")
            .write(to: editor, atomically: true, encoding: .utf8)
        let attachment: [UInt8] = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let second: [UInt8] = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) }
        try Data(attachment).write(to: home.appendingPathComponent("figures.bin"))
        try Data(second).write(to: home.appendingPathComponent("table.bin"))
        let config = home.appendingPathComponent("config.toml")
        try Self.config(stack: stack, account: StackAccount(stack.alice)).write(to: config, atomically: true, encoding: .utf8)
        tmux.start("cd \(home.path) && ALICE_PASSWORD=\(stack.alice.password) VISUAL= EDITOR='/bin/sh \(editor.path)' "
            + (try TernBinary.commandLine("--config \(config.path)", home: home)))
        try tmux.waitFor(timeout: 30) { $0.contains("INBOX") && $0.contains("sort: date") }

        tmux.send("m")
        try tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("To:") }
        tmux.sendLiteral(stack.bob.address)
        tmux.send("Enter")
        try tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("Subject:") }
        tmux.sendLiteral(subject)
        tmux.send("Enter")
        try tmux.waitFor(timeout: 20) { $0.contains("New message: \(subject)") }
        // Two files at once, with a glob.
        tmux.send("a")
        tmux.sendLiteral("*.bin")
        tmux.send("Enter")
        try tmux.waitFor { $0.contains("figures.bin") && $0.contains("table.bin") && $0.contains("Attachments (2)") }
        tmux.send("y")
        try tmux.waitFor(timeout: 60) { $0.contains("Message sent") }

        // Bob has it, with the attachment's bytes; alice has the Sent copy.
        let bob = try await Self.find(subject, in: .inbox, account: StackAccount(stack.bob), stack: stack, home: home)
        #expect(bob.header.first("From")?.value().contains("alice@example.test") == true)
        let parts = bob.attachments(preferring: .plainText).map(\.part)
        #expect(parts.count == 2)
        #expect(parts.first { $0.filename == "figures.bin" }?.decodedBody() == attachment)
        #expect(parts.first { $0.filename == "table.bin" }?.decodedBody() == second)
        #expect(bob.bodyParts(preferring: .plainText).contains { String(decoding: $0.part.decodedBody(), as: UTF8.self).contains("Hello Bob") })
        let sent = try await Self.find(subject, in: MailboxPath("Sent"), account: StackAccount(stack.alice), stack: stack, home: home)
        #expect(sent.envelope.subject == subject)

        // A new message postponed into alice's Drafts folder (IMAP APPEND with \Draft).
        tmux.send("m")
        try tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("To:") }
        tmux.sendLiteral(stack.bob.address)
        tmux.send("Enter")
        try tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("Subject:") }
        tmux.sendLiteral("Draft \(token)")
        tmux.send("Enter")
        try tmux.waitFor(timeout: 20) { $0.contains("New message: Draft \(token)") }
        tmux.send("P")
        try tmux.waitFor(timeout: 30) { $0.contains("Message postponed to") }
        let draft = try await Self.find("Draft \(token)", in: MailboxPath("Drafts"), account: StackAccount(stack.alice), stack: stack,
                                        home: home, flag: .draft)
        #expect(draft.header.first("To")?.value().contains(stack.bob.address) == true)
        tmux.send("q")
        try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }
    }

    static func config(stack: MailStack, account: StackAccount) -> String {
        """
        [accounts.\(account.name)]
        from = "\(account.name.capitalized) <\(account.address)>"
        [accounts.\(account.name).imap]
        host = "127.0.0.1"
        port = \(stack.imapsPort)
        security = "tls"
        user = "\(account.login)"
        password_env = "\(account.passwordEnv)"
        ca_file = "\(stack.caFile.path)"
        [accounts.\(account.name).smtp]
        host = "127.0.0.1"
        port = \(stack.submissionsPort)
        security = "tls"
        user = "\(account.login)"
        password_env = "\(account.passwordEnv)"
        ca_file = "\(stack.caFile.path)"
        """
    }

    /// The messages with `subject` in `account`'s `folder` (a backend with a cache of its own
    /// under `home`, synced first); with `wait`, waits up to 30 s until `done` holds for them
    /// (delivery and flag changes are asynchronous). With no `done`: until there is one.
    static func messages(_ subject: String, in folder: MailboxPath, account: StackAccount, stack: MailStack, home: URL,
                         wait: Bool = true,
                         until done: ([MailEngine.MessageSummary]) -> Bool = { !$0.isEmpty }) async throws -> [(MailEngine.MessageSummary, Message)] {
        let environment = ["HOME": home.path, "XDG_CACHE_HOME": home.appendingPathComponent("check-\(account.name)").path,
                           "XDG_DATA_HOME": home.appendingPathComponent("check-\(account.name)").path,
                           account.passwordEnv: account.password]
        let config = try ConfigLoader(environment: environment).parse(text: config(stack: stack, account: account), file: "check.toml")
        let backend = try BackendFactory(environment: environment).makeBackend(for: config.defaultAccount)
        defer { Task { await backend.close() } }
        let end = Date().addingTimeInterval(wait ? 30 : 0)
        while true {
            _ = try await backend.sync(folder)
            let count = try await backend.count(in: folder, filter: nil)
            let rows = try await backend.summaries(in: folder, order: .newestFirst, range: 0..<min(count, 50), filter: nil)
                .filter { $0.envelope.subject == subject }
            if done(rows) || Date() >= end {
                var found: [(MailEngine.MessageSummary, Message)] = []
                for row in rows { found.append((row, Message(bytes: try await backend.messageBytes(row.uid, in: folder)))) }
                return found
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// The message with `subject` in `account`'s `folder`, waiting up to 30 s for it (delivery is
    /// asynchronous); with `flag`, it must carry it.
    static func find(_ subject: String, in folder: MailboxPath, account: StackAccount, stack: MailStack, home: URL,
                     flag: Flag? = nil) async throws -> Message {
        let found = try await messages(subject, in: folder, account: account, stack: stack, home: home) { rows in
            rows.contains { row in flag.map { row.flags.contains($0) } ?? true }
        }
        guard let match = found.first(where: { row, _ in flag.map { row.flags.contains($0) } ?? true }) else {
            throw TmuxError("no message \"\(subject)\"\(flag.map { " flagged \($0)" } ?? "") in \(account.name)'s \(folder)")
        }
        return match.1
    }
}
