import Foundation
import Testing
@testable import MailEngine

/// Opening attachments through mailcap, with the CVE-2015-20107 cases: nothing from the message
/// (file name, parameters, type) ever runs as a command.
@Suite struct AttachmentViewerTests {
    let marker = FileManager.default.temporaryDirectory.appendingPathComponent("tern-pwned-\(UUID().uuidString)").path

    func viewer(_ mailcap: String) -> AttachmentViewer {
        var m = Mailcap()
        m.add(mailcap, file: "test.mailcap")
        return AttachmentViewer(mailcap: m, opener: "xdg-open", environment: ["TMPDIR": FileManager.default.temporaryDirectory.path])
    }

    @Test func copiousOutputRunsOnAPrivateGeneratedFileAndRemovesIt() async throws {
        let plan = try viewer("text/plain; cat %s; copiousoutput\n")
            .prepare(Array("hello\n".utf8), mimeType: "text/plain", parameters: ["name": "$(touch \(marker)).txt"])
        guard case .run(let prepared) = plan else { Issue.record("expected a program"); return }
        #expect(prepared.mode == .output)
        let name = URL(fileURLWithPath: prepared.file.path).lastPathComponent
        #expect(name.hasPrefix("tern-") && name.hasSuffix(".txt") && !name.contains("touch"))
        var info = stat()
        #expect(stat(prepared.file.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(prepared.file.directory, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(prepared.origin == "mailcap entry at test.mailcap:1")
        let result = try await prepared.runCapturingOutput()
        #expect(String(decoding: result.output, as: UTF8.self) == "hello\n")
        #expect(!FileManager.default.fileExists(atPath: prepared.file.path))
        #expect(!FileManager.default.fileExists(atPath: prepared.file.directory))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test(arguments: [
        "utf-8;touch MARK", "utf-8$(touch MARK)", "`touch MARK`", "'; touch MARK; '", "\"; touch MARK; \"", "x\ntouch MARK",
    ])
    func hostileParametersNeverExecute(charset: String) throws {
        let hostile = charset.replacingOccurrences(of: "MARK", with: marker)
        for template in ["iconv -f %{charset} -t utf-8 %s", "iconv -f '%{charset}' %s", "iconv -f \"%{charset}\" %s"] {
            let v = viewer("text/plain; \(template); copiousoutput\n")
            #expect(throws: MailcapError.self) {
                _ = try v.prepare(Array("x".utf8), mimeType: "text/plain", parameters: ["charset": hostile])
            }
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func hostileTypeNeverExecutes() throws {
        let v = viewer("text/*; echo %t; copiousoutput\n")
        #expect(throws: MailcapError.self) {
            _ = try v.prepare([1], mimeType: "text/x-$(touch\(marker))", parameters: [:])
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func stdinWhenTheCommandHasNoPercentS() async throws {
        let plan = try viewer("text/plain; tr a-z A-Z; copiousoutput\n").prepare(Array("shout".utf8), mimeType: "text/plain")
        guard case .run(let prepared) = plan else { Issue.record("expected a program"); return }
        if case .file = prepared.terminalInput {} else { Issue.record("the file stays the input in the terminal too") }
        #expect(String(decoding: try await prepared.runCapturingOutput().output, as: UTF8.self) == "SHOUT")
    }

    @Test func modesNameTemplateAndFallbacks() throws {
        let v = viewer("""
            text/html; w3m %s; needsterminal; nametemplate=%s.html
            image/png; feh %s
            """)
        guard case .run(let html) = try v.prepare([1], mimeType: "text/html") else { Issue.record("html"); return }
        defer { html.file.remove() }
        #expect(html.mode == .terminal)
        #expect(html.file.path.hasSuffix(".html"))
        #expect(html.arguments == ["/bin/sh", "-c", "w3m '\(html.file.path)'"])
        guard case .run(let png) = try v.prepare([1], mimeType: "image/png") else { Issue.record("png"); return }
        defer { png.file.remove() }
        #expect(png.mode == .background)
        // No entry: text is shown in the viewer, anything else goes to the opener with the file as one argument.
        guard case .showAsText = try v.prepare([1], mimeType: "text/csv") else { Issue.record("csv"); return }
        guard case .run(let pdf) = try v.prepare([1], mimeType: "application/pdf") else { Issue.record("pdf"); return }
        defer { pdf.file.remove() }
        #expect(pdf.arguments == ["xdg-open", pdf.file.path])
        #expect(pdf.file.path.hasSuffix(".pdf"))
        #expect(pdf.origin.contains("no mailcap entry for application/pdf"))
    }

    @Test func unsafeNameTemplateIsIgnored() {
        #expect(PrivateTemporaryFile.fileName(mimeType: "text/html", nameTemplate: "$(id)%s.html").hasSuffix(".html"))
        #expect(!PrivateTemporaryFile.fileName(mimeType: "text/html", nameTemplate: "$(id)%s.html").contains("$"))
        #expect(PrivateTemporaryFile.fileName(mimeType: "application/pdf", nameTemplate: "../%s.pdf").hasPrefix("tern-"))
    }

    @Test func terminalViewerRunsAndCleansUp() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tern-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        guard case .run(let prepared) = try viewer("text/plain; cp %s \(out); needsterminal\n")
            .prepare(Array("data".utf8), mimeType: "text/plain") else { Issue.record("plain"); return }
        // A program that names the file reads its keys from the terminal, not from /dev/null.
        #expect(prepared.terminalInput == .inherit)
        let result = try prepared.runInTerminal()
        #expect(result.succeeded)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "data")
        #expect(!FileManager.default.fileExists(atPath: prepared.file.directory))
    }
}
