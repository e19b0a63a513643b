import Foundation
import MailCore
import MailEngine
import Testing
import TernTestSupport

/// The real `tern` in tmux on the test stack, each test as a fresh Dovecot user of its own writing
/// to bob, `EDITOR` a script that writes a known text: a reply from the list (threading headers,
/// quote, \Answered on the server), a forward as attachment (the original's bytes in a
/// message/rfc822 part, $Forwarded), and a draft postponed, tern quit and started again, the draft
/// resumed from Drafts and sent (gone from Drafts). Bob receives each; the writer's Sent keeps a copy.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled && MailStack.shouldRun))
struct ComposerStackFlowTests {
    /// A fresh writer, tmux, an editor script that puts `known` above what the file holds (once)
    /// and tern's config; `start()` runs tern and waits for the list.
    struct Setup {
        let stack: MailStack
        let writer: StackAccount
        let bob: StackAccount
        let tmux: TmuxSession
        let token: String
        let known: String
        let command: String

        init(_ prefix: String) throws {
            stack = try MailStack.required()
            writer = try StackAccount.fresh(in: stack, prefix: prefix)
            bob = StackAccount(stack.bob)
            tmux = try TmuxSession(width: 110, height: 30)
            let home = tmux.directory
            token = "\(prefix)\(UUID().uuidString.prefix(8).lowercased())"
            known = "Known words \(token)."
            let editor = home.appendingPathComponent("editor.sh")
            try ("#!/bin/sh\ngrep -q '\(known)' \"$1\" && exit 0\n"
                + "text=$(cat \"$1\"); printf '\(known)\\n%s\\n' \"$text\" > \"$1\"\n")
                .write(to: editor, atomically: true, encoding: .utf8)
            let config = home.appendingPathComponent("config.toml")
            try ComposerStackTests.config(stack: stack, account: writer).write(to: config, atomically: true, encoding: .utf8)
            command = "cd \(home.path) && \(writer.passwordEnv)=\(writer.password) VISUAL= EDITOR='/bin/sh \(editor.path)' "
                + (try TernBinary.commandLine("--config \(config.path)", home: home))
        }

        func start() throws {
            tmux.start("stty sane; " + command)
            try tmux.waitFor(timeout: 30) { $0.contains("INBOX") && $0.contains("sort: date") }
        }

        func quit() throws {
            tmux.send("q")
            try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") && $0.contains("DONE") }
        }

        func find(_ subject: String, in folder: MailboxPath, of account: StackAccount, flag: Flag? = nil) async throws -> Message {
            try await ComposerStackTests.find(subject, in: folder, account: account, stack: stack, home: tmux.directory, flag: flag)
        }

        /// The text of `message`'s body parts, with LF line ends.
        static func text(_ message: Message) -> String {
            message.bodyParts(preferring: .plainText).map { String(decoding: $0.part.decodedBody(), as: UTF8.self) }.joined()
                .replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    @Test func replyFromTheListThreadsQuotesAndFlagsAnswered() async throws {
        let setup = try Setup("reply")
        defer { setup.tmux.kill() }
        let token = setup.token
        let subject = "Question \(token)"
        try setup.writer.deliver("""
            From: Bob <\(setup.bob.address)>
            To: \(setup.writer.address)
            Subject: \(subject)
            Message-ID: <q-\(token)@example.test>
            In-Reply-To: <root-\(token)@example.test>
            References: <root-\(token)@example.test>
            Date: Sun, 29 Nov 2026 10:00:00 +0000

            Lunch at noon on Friday?

            """)
        try setup.start()
        try setup.tmux.waitFor(timeout: 30) { $0.contains(subject) }
        setup.tmux.send("r")
        let review = try setup.tmux.waitFor(timeout: 30) { $0.contains("Reply: Re: \(subject)") && $0.contains("y send") }
        #expect(review.contains("In reply: <q-\(token)@example.test>"))
        #expect(review.contains(setup.bob.address))
        setup.tmux.send("y")
        try setup.tmux.waitFor(timeout: 60) { $0.contains("Message sent") }

        let received = try await setup.find("Re: \(subject)", in: .inbox, of: setup.bob)
        #expect(received.header.first("In-Reply-To")?.value().trimmingCharacters(in: .whitespaces) == "<q-\(token)@example.test>")
        let references = received.header.first("References")?.value().split(whereSeparator: \.isWhitespace).map(String.init) ?? []
        #expect(references == ["<root-\(token)@example.test>", "<q-\(token)@example.test>"], "\(references)")
        #expect(received.header.first("From")?.value().contains(setup.writer.address) == true)
        let text = Setup.text(received)
        #expect(text.hasPrefix(setup.known + "\n"), "\(text)")
        #expect(text.contains("> Lunch at noon on Friday?"), "the original is quoted: \(text)")
        let sent = try await setup.find("Re: \(subject)", in: MailboxPath("Sent"), of: setup.writer)
        #expect(sent.header.first("Message-ID")?.value() == received.header.first("Message-ID")?.value())
        _ = try await setup.find(subject, in: .inbox, of: setup.writer, flag: .answered)
        try setup.quit()
    }

    @Test func forwardAsAttachmentCarriesTheOriginalBytes() async throws {
        let setup = try Setup("fwd")
        defer { setup.tmux.kill() }
        let token = setup.token
        let subject = "Memo \(token)"
        let original = """
            From: Bob <\(setup.bob.address)>
            To: \(setup.writer.address)
            Subject: \(subject)
            Message-ID: <m-\(token)@example.test>
            Date: Sun, 29 Nov 2026 10:05:00 +0000
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            The memo, with grüße and a line
            .starting with a dot.

            """
        try setup.writer.deliver(original)
        try setup.start()
        try setup.tmux.waitFor(timeout: 30) { $0.contains(subject) }
        setup.tmux.send("F")
        try setup.tmux.waitFor(timeout: 30) { $0.contains("Forward as attachment: Fwd: \(subject)") && $0.contains("y send") }
        setup.tmux.send("t")
        try setup.tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("To:") }
        setup.tmux.sendLiteral(setup.bob.address)
        setup.tmux.send("Enter")
        try setup.tmux.waitFor { $0.contains("To: \(setup.bob.address)") && !ComposerUITests.bottomLine($0).hasPrefix("To:") }
        setup.tmux.send("y")
        try setup.tmux.waitFor(timeout: 60) { $0.contains("Message sent") }

        let received = try await setup.find("Fwd: \(subject)", in: .inbox, of: setup.bob)
        let attached = received.attachments(preferring: .plainText).map(\.part).filter { $0.contentType.mimeType == "message/rfc822" }
        #expect(attached.count == 1)
        // The server keeps the message with CRLF line ends; the attached copy is those bytes.
        let expected = Array(original.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let bytes = attached.first?.decodedBody() ?? []
        #expect(bytes == expected, "attached:\n\(String(decoding: bytes, as: UTF8.self))")
        #expect(Setup.text(received).contains(setup.known))
        _ = try await setup.find("Fwd: \(subject)", in: MailboxPath("Sent"), of: setup.writer)
        _ = try await setup.find(subject, in: .inbox, of: setup.writer, flag: .forwarded)
        try setup.quit()
    }

    @Test func postponeQuitStartAgainResumeAndSend() async throws {
        let setup = try Setup("resume")
        defer { setup.tmux.kill() }
        let tmux = setup.tmux
        let subject = "Draft \(setup.token)"
        try setup.start()
        tmux.send("m")
        try tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("To:") }
        tmux.sendLiteral(setup.bob.address)
        tmux.send("Enter")
        try tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("Subject:") }
        tmux.sendLiteral(subject)
        tmux.send("Enter")
        try tmux.waitFor(timeout: 20) { $0.contains("New message: \(subject)") }
        tmux.send("P")
        try tmux.waitFor(timeout: 30) { $0.contains("Message postponed to") }
        let drafts = MailboxPath("Drafts")
        let draft = try await setup.find(subject, in: drafts, of: setup.writer, flag: .draft)
        #expect(Setup.text(draft).contains(setup.known))
        try setup.quit()

        // Started again: R opens Drafts (nothing is left on disk), e continues the draft.
        try setup.start()
        tmux.send("R")
        try tmux.waitFor(timeout: 30) { $0.contains("press e on one to continue it") && $0.contains(subject) }
        tmux.send("e")
        let review = try tmux.waitFor(timeout: 30) { $0.contains("Postponed message: \(subject)") && $0.contains("y send") }
        #expect(review.contains("To: \(setup.bob.address)"))
        tmux.send("y")
        try tmux.waitFor(timeout: 60) { $0.contains("Message sent") }

        let received = try await setup.find(subject, in: .inbox, of: setup.bob)
        #expect(Setup.text(received).hasPrefix(setup.known + "\n"))
        #expect(received.header.first("From")?.value().contains(setup.writer.address) == true)
        _ = try await setup.find(subject, in: MailboxPath("Sent"), of: setup.writer)
        let left = try await ComposerStackTests.messages(subject, in: drafts, account: setup.writer, stack: setup.stack,
                                                         home: tmux.directory, until: { $0.isEmpty })
        #expect(left.isEmpty, "sending the resumed draft removed it from Drafts")
        try setup.quit()
    }
}
