import Foundation
import MailCore
import MailEngine
import TerminalKit
import TernConfig
import TernTestSupport
@testable import TernUI

/// A composer over a temporary directory: drafts and outbox under its `data`, an editor script
/// that writes known text into the file, a sendmail script that keeps each message it is given.
final class ComposeFixture {
    let directory: URL
    let editor: URL
    let sendmail: URL
    let service: ComposeService

    /// - Parameters:
    ///   - editorScript: the body of the editor script (`$1` is the file).
    ///   - sendmailStatus: the status the sendmail script exits with.
    ///   - aliases: alias file lines.
    ///   - identities: more identities of the account.
    init(editorScript: String = ComposeFixture.prepend("Hello from the test."), sendmailStatus: Int = 0,
         aliases: [String] = [], identities: [Identity] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tern-compose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("files"), withIntermediateDirectories: true)
        editor = directory.appendingPathComponent("editor.sh")
        sendmail = directory.appendingPathComponent("sendmail.sh")
        try Self.script(editor, editorScript)
        try Self.script(sendmail, """
            n=$(ls "\(directory.path)" | grep -c '^sent-')
            cat > "\(directory.path)/sent-$n.eml"
            printf '%s\\n' "$@" > "\(directory.path)/args-$n"
            exit \(sendmailStatus)
            """)
        let aliasFile = directory.appendingPathComponent("aliases")
        try (aliases.joined(separator: "\n") + "\n").write(to: aliasFile, atomically: true, encoding: .utf8)
        let alice = Address(name: "Alice", address: "alice@example.test")
        let account = Account(name: "test", from: alice, source: .maildir(MaildirSettings(path: directory.appendingPathComponent("mail").path)),
                              outgoing: .sendmail(command: "/bin/sh " + sendmail.path),
                              identities: [Identity(name: nil, address: alice)] + identities)
        // Run through sh: executing a script just written can fail with ETXTBSY while another test forks.
        let general = GeneralSettings(editor: "/bin/sh " + editor.path, opener: "true", downloadDirectory: directory.path,
                                      aliasFiles: [aliasFile.path], mailcapFiles: [])
        let environment = ["HOME": directory.path, "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                           "PATH": "/usr/bin:/bin"]
        service = ComposeService(settings: ComposeSettings(accounts: [account], general: general, environment: environment,
                                                           directory: directory.appendingPathComponent("files").path))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// An editor script putting `line` above the text.
    static func prepend(_ line: String) -> String {
        "text=$(cat \"$1\"); printf '%s\\n%s\\n' '\(line)' \"$text\" > \"$1\""
    }

    static func script(_ url: URL, _ body: String) throws {
        try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    /// A harness over the standard fake account with this composer.
    func harness(inbox: Int = 5, size: TerminalKit.Size = TerminalKit.Size(width: 80, height: 24)) -> Harness {
        let h = Harness(inbox: inbox, size: size)
        h.runner.composer = service
        return h
    }

    /// The messages the sendmail script was given, oldest first.
    var sent: [String] {
        (0..<20).compactMap { try? String(contentsOf: directory.appendingPathComponent("sent-\($0).eml"), encoding: .utf8) }
    }

    /// The arguments of the `n`th sendmail run.
    func arguments(_ n: Int) -> [String] {
        ((try? String(contentsOf: directory.appendingPathComponent("args-\(n)"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    /// Writes a file the user can attach, in the working directory.
    func file(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: directory.appendingPathComponent("files").appendingPathComponent(name))
    }

    /// The draft directories left on disk.
    var draftsOnDisk: [String] {
        let path = directory.appendingPathComponent("data/tern/drafts/test").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
    }

    /// The entries in the outbox.
    var outboxCount: Int { service.outboxCount(account: "test") }
}
