import Foundation
import MailEngine
import Testing
import TernConfig
import TernTestSupport

/// The real `tern` in tmux on the test Dovecot account with 10,000 messages: open the folder, move
/// around, open a message, search, tag and delete, resize, quit, terminal restored.
///
/// Runs when the mail stack runs (`scripts/test`) and this build has an IMAP backend (issue 5):
/// until then ``DovecotAccount/imapAvailable`` is false and the test is skipped.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled && MailStack.shouldRun && DovecotAccount.imapAvailable))
struct DovecotUITests {
    @Test func tenThousandMessagesOverIMAP() throws {
        let stack = try MailStack.required()
        let folder = "UITest\(getpid())"
        try DovecotAccount.fill(stack: stack, folder: folder, count: 10_000)
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        let config = try DovecotAccount.writeConfig(stack: stack, into: tmux.directory)
        tmux.start("ALICE_PASSWORD=\(stack.alice.password) " + (try TernBinary.commandLine("--config \(config.path)", home: tmux.directory)))
        try tmux.waitFor(timeout: 30) { $0.contains("INBOX") && $0.contains("sort: date") }
        tmux.send("c")
        tmux.sendLiteral(folder)
        tmux.send("Enter")
        // The status line names the folder (INBOX may hold 10,000 messages too).
        try tmux.waitFor(timeout: 120) { $0.contains("\(folder)  10,000 msgs") && $0.contains("10,000/10,000") }
        tmux.send("g", "g")
        try tmux.waitFor { $0.contains(" 1/10,000") }
        tmux.send("PageDown", "PageDown", "j")
        try tmux.waitFor { $0.contains("/10,000") && !$0.contains(" 1/10,000") }
        tmux.send("Enter")
        try tmux.waitFor(timeout: 30) { $0.contains("Subject:") && $0.contains("q closes") }
        tmux.send("q")
        tmux.send("/")
        tmux.sendLiteral("is:flagged")
        tmux.send("Enter")
        try tmux.waitFor { !$0.contains("searching") }
        tmux.send("T")
        tmux.sendLiteral("is:flagged")
        tmux.send("Enter")
        let tagged = try tmux.waitFor(timeout: 60) { $0.contains(" tagged (") }
        let count = try #require(DemoUITests.number(before: " tagged (", in: tagged))
        tmux.send("\\;", "d")
        try tmux.waitFor { $0.contains("\(count) to delete") }
        tmux.send("$")
        try tmux.waitFor(timeout: 60) { $0.contains("/\(NumberFormatter.localizedString(from: NSNumber(value: 10_000 - count), number: .decimal))") }
        tmux.resize(width: 60, height: 12)
        try tmux.waitFor { $0.split(separator: "\n").contains { $0.contains("sort: date") && $0.count <= 60 } }
        tmux.send("q")
        try tmux.waitFor(timeout: 30) { $0.contains("EXIT=0") }
        #expect(try tmux.terminalRestored() == nil)
    }
}

/// The stack's alice as a tern account.
enum DovecotAccount {
    static func configText(stack: MailStack) -> String {
        configText(port: stack.imapsPort, caFile: stack.caFile.path)
    }

    static func configText(port: Int, caFile: String) -> String {
        """
        [accounts.stack]
        from = "Alice <alice@example.test>"
        [accounts.stack.imap]
        host = "127.0.0.1"
        port = \(port)
        security = "tls"
        user = "alice"
        password_env = "ALICE_PASSWORD"
        ca_file = "\(caFile)"
        """
    }

    static func writeConfig(stack: MailStack, into directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("config.toml")
        try configText(stack: stack).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Whether this build can make an IMAP backend (it cannot before issue 5).
    static var imapAvailable: Bool {
        let environment = ["HOME": "/nonexistent", "ALICE_PASSWORD": "alicepw"]
        let text = MailStack.current.map(configText(stack:)) ?? configText(port: 1993, caFile: "/nonexistent/ca.pem")
        guard let config = try? ConfigLoader(environment: environment).parse(text: text, file: "imap.toml") else {
            return false
        }
        do {
            _ = try BackendFactory(environment: environment).makeBackend(for: config.defaultAccount)
            return true
        } catch AccountError.notAvailable {
            return false
        } catch {
            return true
        }
    }

    /// Writes `count` messages into alice's `folder` with `scripts/mailstack fill`.
    static func fill(stack: MailStack, folder: String, count: Int) throws {
        let script = Program.packageRoot.appendingPathComponent("scripts/mailstack").path
        let run = try Program.run(script, ["fill", stack.directory.path, "alice", folder, String(count)])
        guard run.status == 0 else { throw TmuxError("scripts/mailstack fill failed with \(run.status): \(run.stderr)") }
    }
}
