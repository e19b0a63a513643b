import Foundation
import Testing
import TernTestSupport

/// `tern attachments save` end to end: runs the built binary (.build/debug/tern), which saves through
/// ``AttachmentFolder``.
@Suite(.serialized) struct AttachmentsSaveCommandTests {
    static func ternPath() throws -> String { try Program.ternPath() }


    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func tern(_ arguments: [String]) throws -> Run {
        let run = try Program.run(try Self.ternPath(), arguments)
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    /// A message with a PDF (random bytes), a `../../.bashrc` text attachment and a name full of
    /// escape sequences.
    static func message(pdf: [UInt8]) -> [UInt8] {
        let base64 = Data(pdf).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = """
            From: Mallory <m@example.test>\r
            To: alice@example.test\r
            Subject: files\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="XX"\r
            \r
            --XX\r
            Content-Type: text/plain\r
            \r
            See attached.\r
            --XX\r
            Content-Type: application/pdf; name="report.pdf"\r
            Content-Disposition: attachment; filename="report.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(base64)\r
            --XX\r
            Content-Type: text/plain\r
            Content-Disposition: attachment; filename="../../.bashrc"\r
            \r
            rm -rf ~\r
            --XX\r
            Content-Type: application/octet-stream\r
            Content-Disposition: attachment; filename*=utf-8''%1B%5D0%3Bpwned%07x%E2%80%AEgpj.exe\r
            \r
            MZ\r
            --XX--\r

            """
        return Array(text.utf8)
    }

    @Test func savesEveryAttachmentInsideTheFolderUnderSafeNames() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let pdf = (0..<50_000).map { _ in UInt8.random(in: 0...255) }
        let file = tmp.url.appendingPathComponent("m.eml")
        try Data(Self.message(pdf: pdf)).write(to: file)
        let dir = tmp.url.appendingPathComponent("x/y/out")  // created when missing
        let run = try tern(["attachments", "save", "--dir", dir.path, file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        // MailCore already replaced ESC and BEL by U+FFFD; the bidi override becomes `_`.
        let hostile = "\u{FFFD}]0;pwned\u{FFFD}x_gpj.exe"
        #expect(names == ["bashrc", "report.pdf", hostile])
        #expect(try Data(contentsOf: dir.appendingPathComponent("report.pdf")) == Data(pdf))
        #expect(try String(contentsOf: dir.appendingPathComponent("bashrc"), encoding: .utf8) == "rm -rf ~")
        #expect(run.stdout.split(separator: "\n").map(String.init) == [
            dir.path + "/report.pdf", dir.path + "/bashrc", dir.path + "/" + hostile,
        ])
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        // Nothing outside the folder: the sandbox holds only the message and the folder's parents.
        let all = (FileManager.default.enumerator(atPath: tmp.url.path)?.allObjects as? [String] ?? []).sorted()
        #expect(all.filter { !$0.hasPrefix("x/y/out/") } == ["m.eml", "x", "x/y", "x/y/out"])
        #expect(!FileManager.default.fileExists(atPath: tmp.url.appendingPathComponent(".bashrc").path))

        // Again: nothing is replaced.
        let second = try tern(["attachments", "save", "--dir", dir.path, file.path])
        #expect(second.status == 0)
        #expect(second.stdout.contains("report (1).pdf"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("report (1).pdf")) == Data(pdf))
    }

    @Test func forceReplacesFilesButNeverFollowsALink() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let pdf: [UInt8] = Array("%PDF-1.4 tiny".utf8)
        let file = tmp.url.appendingPathComponent("m.eml")
        try Data(Self.message(pdf: pdf)).write(to: file)
        let dir = tmp.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let victim = tmp.url.appendingPathComponent("victim")
        try Data("precious".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("report.pdf").path, withDestinationPath: victim.path)
        try Data("old".utf8).write(to: dir.appendingPathComponent("bashrc"))

        let plain = try tern(["attachments", "save", "--dir", dir.path, file.path])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("report (1).pdf") && plain.stdout.contains("bashrc (1)"))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")

        let forced = try tern(["attachments", "save", "--force", "--dir", dir.path, file.path])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious", "the link's target is never written")
        #expect(try Data(contentsOf: dir.appendingPathComponent("report.pdf")) == Data(pdf))
        #expect(try String(contentsOf: dir.appendingPathComponent("bashrc"), encoding: .utf8) == "rm -rf ~")
    }

    @Test func aFileInsteadOfAFolderIsAClearError() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let file = tmp.url.appendingPathComponent("m.eml")
        try Data(Self.message(pdf: [1, 2, 3])).write(to: file)
        let run = try tern(["attachments", "save", "--dir", file.path, file.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("is not a folder"))
    }
}
