import Foundation
import MailEngine
import Testing
import TernTestSupport

/// The real `tern` in tmux on a Maildir account holding the demo's mail, `EDITOR` a script and
/// `sendmail` a script that keeps what it is given: reply to a message and send it (the bytes the
/// transport got, the Sent copy, the Answered flag), then write a new message and postpone it into
/// the Drafts folder. The editor runs with the terminal given back in its normal mode.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled))
struct ComposerUITests {
    @Test func replySendAndPostponeWithAnEditorScript() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        let home = try DemoSendmailAccount.start(
            in: tmux,
            editor: """
                stty -a > "\(tmux.directory.path)/editor-stty" 2>&1
                text=$(cat "$1"); printf 'Hello from tmux.\\n%s\\n' "$text" > "$1"
                """,
            sendmail: """
                cat > "\(tmux.directory.path)/sent.eml"
                printf '%s\\n' "$@" > "\(tmux.directory.path)/sendmail-args"
                """)
        let mail = home.appendingPathComponent("mail")
        try tmux.waitFor(timeout: 20) { $0.contains("Lunch on Friday?") && $0.contains("sort: date") }

        // Reply to the lunch message: the editor runs at once, then the review screen.
        let first = try tmux.waitFor { Self.position($0) != nil }
        let start = Self.position(first)
        tmux.send("/")
        tmux.sendLiteral("subject:lunch")
        tmux.send("Enter")
        try tmux.waitFor { Self.position($0) != nil && Self.position($0) != start }
        tmux.send("r")
        let review = try tmux.waitFor { $0.contains("Reply: Re: Lunch") && $0.contains("y send") }
        #expect(review.contains("In reply: <"))
        let stty = try tmux.file("editor-stty")
        #expect(stty.contains(" icanon") && stty.contains(" echo "), "the editor got the terminal in its normal mode: \(stty)")
        tmux.send("y")
        try tmux.waitFor(timeout: 20) { $0.contains("Message sent") }
        let sent = try tmux.file("sent.eml")
        #expect(sent.contains("Subject: Re: Lunch on Friday?"))
        #expect(sent.contains("In-Reply-To: <"))
        #expect(sent.contains("References: <"))
        #expect(sent.contains("From: Alice Example <alice@example.test>"))
        #expect(sent.contains("Hello from tmux."))
        #expect(sent.contains("\r\n> "), "the original is quoted")
        let copies = try files(under: mail, containing: "Hello from tmux.")
        #expect(copies.count == 1, "one Sent copy in the Maildir: \(copies)")
        #expect(copies.first?.contains("Sent") == true)

        // A new message, postponed into Drafts.
        tmux.send("m")
        try tmux.waitFor { Self.bottomLine($0).hasPrefix("To:") }
        tmux.sendLiteral("bob@example.test")
        tmux.send("Enter")
        try tmux.waitFor { Self.bottomLine($0).hasPrefix("Subject:") }
        tmux.sendLiteral("Postponed in tmux")
        tmux.send("Enter")
        try tmux.waitFor { $0.contains("New message: Postponed in tmux") }
        tmux.send("P")
        try tmux.waitFor(timeout: 20) { $0.contains("Message postponed to") }
        let drafts = try files(under: mail, containing: "Subject: Postponed in tmux")
        #expect(drafts.count == 1)
        #expect(drafts.first.map { $0.contains("Drafts") && $0.hasSuffix("DS") } == true, "flagged Draft and Seen: \(drafts)")

        tmux.send("q")
        let after = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
        #expect(try tmux.terminalRestored() == nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("data/tern/drafts/test").path)
            .filter { !$0.hasPrefix(".") }
        #expect(left.isEmpty, "no draft left on disk: \(left)")
    }

    @Test func draftSurvivesSIGKILLWhileTheEditorIsOpen() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        let home = tmux.directory
        let mail = home.appendingPathComponent("mail")
        _ = try DemoMailbox.install(at: mail)
        // The editor saves its text, then stays open until the test lets it go.
        let editor = home.appendingPathComponent("editor.sh")
        try DemoSendmailAccount.script(editor, """
            printf 'Words that must not be lost.\\n' > "$1"
            touch "\(home.path)/editor-saved"
            while [ ! -f "\(home.path)/editor-release" ]; do sleep 0.05; done
            """)
        let config = home.appendingPathComponent("config.toml")
        try """
            [accounts.test]
            from = "Alice Example <alice@example.test>"

            [accounts.test.maildir]
            path = "\(mail.path)"
            """.write(to: config, atomically: true, encoding: .utf8)
        let command = "VISUAL= EDITOR='/bin/sh \(editor.path)' " + (try TernBinary.commandLine("--config \(config.path)", home: home))
        tmux.start(command)
        try tmux.waitFor(timeout: 20) { $0.contains("sort: date") }
        tmux.send("m")
        try tmux.waitFor { Self.bottomLine($0).hasPrefix("To:") }
        tmux.sendLiteral("bob@example.test")
        tmux.send("Enter")
        try tmux.waitFor { Self.bottomLine($0).hasPrefix("Subject:") }
        tmux.sendLiteral("Kept")
        tmux.send("Enter")
        try waitForFile(home.appendingPathComponent("editor-saved"))
        let pid = try #require(Int32(try tmux.file("pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Foundation.kill(pid, SIGKILL) == 0)
        try tmux.waitFor { $0.contains("EXIT=137") }
        try Data().write(to: home.appendingPathComponent("editor-release"))
        try tmux.waitFor { $0.contains("DONE") }

        // The next start offers the draft back with the editor's text; R takes it up.
        try? FileManager.default.removeItem(at: home.appendingPathComponent("editor-saved"))
        tmux.start("stty sane; " + command)
        try tmux.waitFor(timeout: 20) { $0.contains("press R to continue it") && $0.contains("Kept (to bob@example.test)") }
        tmux.send("R")
        let review = try tmux.waitFor { $0.contains("New message: Kept") }
        #expect(review.contains("To: bob@example.test"))
        #expect(review.contains("Text: 1 line, 29 bytes"))
        tmux.send("P")
        try tmux.waitFor(timeout: 20) { $0.contains("Message postponed to") }
        let drafts = try files(under: mail, containing: "Words that must not be lost.")
        #expect(drafts.count == 1 && drafts.first?.contains("Drafts") == true, "\(drafts)")
        tmux.send("q")
        try tmux.waitFor { $0.contains("EXIT=0") }
    }

    private func waitForFile(_ url: URL, timeout: TimeInterval = 10) throws {
        let end = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: url.path) {
            if Date() > end { throw TmuxError("\(url.lastPathComponent) did not appear") }
            usleep(20_000)
        }
    }

    /// The `N/M` position at the end of the status line.
    static func position(_ screen: String) -> String? {
        guard let status = screen.split(separator: "\n").first(where: { $0.contains("sort: ") }),
              let last = status.split(separator: " ").last, last.contains("/") else { return nil }
        return String(last)
    }

    /// The last non-empty line of the pane (the prompt line; tmux drops trailing blanks).
    static func bottomLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// The message files under `root` whose text contains `text`.
    private func files(under root: URL, containing text: String) throws -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.contains("/cur/") || relative.contains("/new/") || relative.hasPrefix("cur/") || relative.hasPrefix("new/") else { continue }
            let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) ?? Data()
            if String(decoding: data, as: UTF8.self).contains(text) { found.append(relative) }
        }
        return found
    }
}
