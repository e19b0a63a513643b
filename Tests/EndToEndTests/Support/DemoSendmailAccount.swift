import Foundation
import MailEngine
import TernTestSupport

/// The real `tern` started in a tmux session on a Maildir account holding the demo's mail, with
/// `EDITOR` and the account's `sendmail` both shell scripts in the session's folder: the setting
/// of the composer and outbox tests in tmux.
enum DemoSendmailAccount {
    /// Writes the demo mail, the two scripts and the config under `tmux.directory`, then starts
    /// `tern` in `tmux` with that config.
    /// - Parameters:
    ///   - tmux: the session; its folder is the program's home.
    ///   - editor: the body of the editor script (`$1` is the file to edit).
    ///   - sendmail: the body of the sendmail script (the message on standard input).
    /// - Returns: the session's folder.
    @discardableResult
    static func start(in tmux: TmuxSession, editor: String, sendmail: String) throws -> URL {
        let home = tmux.directory
        let mail = home.appendingPathComponent("mail")
        _ = try DemoMailbox.install(at: mail)
        let editorScript = home.appendingPathComponent("editor.sh")
        try script(editorScript, editor)
        let sendmailScript = home.appendingPathComponent("sendmail.sh")
        try script(sendmailScript, sendmail)
        let config = home.appendingPathComponent("config.toml")
        try """
            [accounts.test]
            from = "Alice Example <alice@example.test>"
            sendmail = "/bin/sh \(sendmailScript.path)"

            [accounts.test.maildir]
            path = "\(mail.path)"
            """.write(to: config, atomically: true, encoding: .utf8)
        tmux.start("VISUAL= EDITOR='/bin/sh \(editorScript.path)' "
                   + (try TernBinary.commandLine("--config \(config.path)", home: home)))
        return home
    }

    /// Writes an executable shell script.
    static func script(_ url: URL, _ body: String) throws {
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }
}
