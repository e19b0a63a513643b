import Foundation
import MailCore
import MailEngine
import Testing
import TernConfig
import TernTestSupport

/// The real `tern` in tmux on the test Dovecot over IMAP: open a message with a PDF and a file
/// named `../../.bashrc`, save the PDF with the path prompt and compare the bytes, save the hostile
/// one and see it land inside the folder under a safe name, open it through a mailcap entry, then
/// save them all with `S`.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled && MailStack.shouldRun && DovecotAccount.imapAvailable))
struct ViewerDovecotUITests {
    /// 96 KB that are not text, the same every run.
    static let pdf: [UInt8] = {
        var bytes = Array("%PDF-1.4\n".utf8)
        var x: UInt32 = 2_463_534_242
        for _ in 0..<(96 * 1024) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            bytes.append(UInt8(truncatingIfNeeded: x))
        }
        return bytes
    }()

    static func message(subject: String) -> [UInt8] {
        let encoded = Data(pdf).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return Array("""
            From: Bob Baker <bob@example.test>\r
            To: Alice <alice@example.test>\r
            Subject: \(subject)\r
            Date: Mon, 21 Sep 2026 14:07:00 +0000\r
            Message-ID: <viewer-e2e-\(getpid())@example.test>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            The signed contract is attached.\r
            --b1\r
            Content-Type: application/pdf; name="contract.pdf"\r
            Content-Disposition: attachment; filename="contract.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(encoded)\r
            --b1\r
            Content-Type: text/plain; charset=utf-8; name="../../.bashrc"\r
            Content-Disposition: attachment; filename="../../.bashrc"\r
            \r
            echo owned\r
            --b1--\r

            """.utf8)
    }

    /// Puts the message into alice's `folder` over IMAP (with a cache of its own under `home`).
    static func append(_ message: [UInt8], folder: String, stack: MailStack, home: URL) async throws {
        let environment = ["HOME": home.path, "XDG_DATA_HOME": home.path + "/data", "XDG_CACHE_HOME": home.path + "/cache",
                           "ALICE_PASSWORD": stack.alice.password]
        let config = try ConfigLoader(environment: environment).parse(text: DovecotAccount.configText(stack: stack), file: "setup.toml")
        let backend = try BackendFactory(environment: environment).makeBackend(for: config.defaultAccount)
        let path = MailboxPath(folder)
        do {
            try await backend.createFolder(path)
            try await backend.append(message, to: path, flags: [], date: nil)
        } catch {
            await backend.close()
            throw error
        }
        await backend.close()
    }

    @Test func saveAttachmentsOverIMAP() async throws {
        let stack = try MailStack.required()
        let folder = "ViewerUI\(getpid())"
        let subject = "Contract \(getpid())"
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        try await Self.append(Self.message(subject: subject), folder: folder, stack: stack,
                              home: tmux.directory.appendingPathComponent("setup"))
        let target = tmux.directory.appendingPathComponent("saved")
        let inner = target.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let config = try DovecotAccount.writeConfig(stack: stack, into: tmux.directory)
        // HOME is tmux.directory: ~/.mailcap shows text parts in upper case inside the viewer.
        try "text/plain; tr a-z A-Z < %s; copiousoutput\n"
            .write(to: tmux.directory.appendingPathComponent(".mailcap"), atomically: true, encoding: .utf8)
        tmux.start("ALICE_PASSWORD=\(stack.alice.password) " + (try TernBinary.commandLine("--config \(config.path)", home: tmux.directory)))
        try tmux.waitFor(timeout: 30) { $0.contains("INBOX") && $0.contains("sort: date") }
        tmux.send("c")
        tmux.sendLiteral(folder)
        tmux.send("Enter")
        try tmux.waitFor(timeout: 60) { $0.contains(subject) }

        // Open it over IMAP, then its attachment screen (on the PDF).
        tmux.send("Enter")
        let viewer = try tmux.waitFor(timeout: 30) { $0.contains("From:") && $0.contains("contract.pdf") && $0.contains("q closes") }
        #expect(viewer.contains("The signed contract is attached."))
        tmux.send("v")
        try tmux.waitFor { $0.contains("Attachments: \(subject)") && $0.contains("> 2  application/pdf") }
        tmux.send("s")
        try tmux.waitFor { $0.contains("Save 2 to: ") }
        tmux.send("C-u")
        tmux.sendLiteral(target.path + "/")
        tmux.send("Enter")
        try tmux.waitFor { $0.contains("Saved ") }
        #expect(Array(try Data(contentsOf: target.appendingPathComponent("contract.pdf"))) == Self.pdf)

        // The file named ../../.bashrc: inside the folder, under a safe name.
        tmux.send("j", "s")
        try tmux.waitFor { $0.contains("Save 3 to: ") }
        tmux.send("C-u")
        tmux.sendLiteral(inner.path + "/")
        tmux.send("Enter")
        try tmux.waitFor { $0.contains("Saved ") && $0.contains(inner.path) }
        let names = try FileManager.default.contentsOfDirectory(atPath: inner.path)
        #expect(names.count == 1 && names.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") }, "\(names)")
        #expect(try String(contentsOf: inner.appendingPathComponent(names[0]), encoding: .utf8) == "echo owned")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == ["contract.pdf", "in"])
        #expect(!FileManager.default.fileExists(atPath: tmux.directory.appendingPathComponent(".bashrc").path))

        // o opens the same part through the mailcap entry the test wrote (copiousoutput: in the viewer).
        tmux.send("o")
        try tmux.waitFor { $0.contains("ECHO OWNED") }
        tmux.send("q")
        try tmux.waitFor { $0.contains("Attachments: \(subject)") }

        // S: both into the folder again; the PDF's name is taken, so tern asks; k keeps both.
        tmux.send("S")
        try tmux.waitFor { $0.contains("Save all attachments to folder: ") }
        tmux.send("C-u")
        tmux.sendLiteral(target.path + "/")
        tmux.send("Enter")
        try tmux.waitFor { $0.contains("contract.pdf already exists") }
        tmux.send("k")
        try tmux.waitFor { $0.contains("Saved 2 files") }
        #expect(Array(try Data(contentsOf: target.appendingPathComponent("contract (1).pdf"))) == Self.pdf)
        #expect(Array(try Data(contentsOf: target.appendingPathComponent("contract.pdf"))) == Self.pdf)

        tmux.send("q")
        try tmux.waitFor { $0.contains("q closes") && $0.contains("The signed contract is attached.") }
        tmux.send("q")
        try tmux.waitFor { $0.contains("sort: date") }
        tmux.send("q")
        try tmux.waitFor(timeout: 30) { $0.contains("EXIT=0") }
        #expect(try tmux.terminalRestored() == nil)
    }
}
