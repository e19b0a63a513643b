import Foundation
import MailEngine
import Testing
import TernTestSupport

/// The outbox view of the real `tern` in tmux: a send that the sendmail script refuses stays in the
/// outbox; `go` lists it with its error, `r` sends it once the script accepts messages.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled))
struct OutboxUITests {
    @Test func aRefusedSendIsListedAndRetriedFromTheOutboxView() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        // Refuses until the file `accept` exists.
        let home = try DemoSendmailAccount.start(
            in: tmux,
            editor: "text=$(cat \"$1\"); printf 'Retried text.\\n%s\\n' \"$text\" > \"$1\"",
            sendmail: """
                if [ ! -f "\(tmux.directory.path)/accept" ]; then echo 'mailbox unavailable' >&2; exit 1; fi
                cat > "\(tmux.directory.path)/sent.eml"
                """)
        try tmux.waitFor(timeout: 20) { $0.contains("sort: date") }

        tmux.send("m")
        try tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("To:") }
        tmux.sendLiteral("bob@example.test")
        tmux.send("Enter")
        try tmux.waitFor { ComposerUITests.bottomLine($0).hasPrefix("Subject:") }
        tmux.sendLiteral("Outbox test")
        tmux.send("Enter")
        try tmux.waitFor(timeout: 20) { $0.contains("New message: Outbox test") }
        tmux.send("y")
        try tmux.waitFor(timeout: 20) { $0.contains("\"Outbox test\" not sent") && $0.contains("outbox: 1 queued") }

        tmux.send("g")
        tmux.send("o")
        let view = try tmux.waitFor { $0.contains("Outbox") && $0.contains("1 message") }
        #expect(view.contains("bob@example.test") && view.contains("Outbox test"))
        #expect(view.contains("mailbox unavailable"), "the last error is shown:\n\(view)")

        try Data().write(to: home.appendingPathComponent("accept"))
        tmux.send("r")
        try tmux.waitFor(timeout: 20) { $0.contains("Message sent") && $0.contains("The outbox is empty") }
        #expect(try tmux.file("sent.eml").contains("Retried text."))
        tmux.send("q")
        try tmux.waitFor { $0.contains("sort: date") }
        tmux.send("q")
        try tmux.waitFor(timeout: 20) { $0.contains("EXIT=0") }
    }
}
