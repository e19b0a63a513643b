import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// The attachment screen (`v`): the list, saving with the path prompt, opening, piping.
@Suite struct AttachmentScreenTests {
    /// A harness on the message with attachments, opened, with `download` as the download folder.
    static func opened(download: URL, raw: [UInt8] = ViewerFixtures.withAttachments()) async -> Harness {
        let h = ViewerFixtures.harness([raw])
        h.state.config.viewer.downloadDirectory = download.path
        h.state.config.viewer.mailcapFiles = []
        await h.start()
        await h.press("<Enter>")
        return h
    }

    @Test func listsEveryPartAndGoesBack() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let h = await Self.opened(download: folder)
        #expect(h.text.contains("[2] report.pdf"), "the marker line in the text\n\(h.text)")
        await h.press("v")
        #expect(h.lines[0].hasPrefix("Attachments: Quarterly report"))
        #expect(h.lines[0].hasSuffix("3 parts"))
        expectLines(Array(h.lines[1...4]), [
            "  1  text/plain             67    (utf-8)  [shown]",
            "> 2  application/pdf       521  report.pdf",
            "  3  text/plain             23  notes.txt  (utf-8)",
            "",
        ].map { $0.padding(toLength: 80, withPad: " ", startingAt: 0) })
        #expect(h.lines[22].hasSuffix("2/3"))
        await h.press("j")
        #expect(h.lines[22].hasSuffix("3/3"))
        await h.press("q")
        #expect(h.state.keyContext == .viewer, "q goes back to the message")
        #expect(h.text.contains("The report is attached."))
        await h.press("q")
        #expect(h.state.screens.isEmpty)
        // From the list, v opens the attachments; q goes back to the list.
        await h.press("v")
        #expect(h.state.keyContext == .attachments)
        #expect(h.lines[0].hasPrefix("Attachments: Quarterly report"))
        await h.press("q")
        #expect(h.state.screens.isEmpty)
    }

    @Test func savePromptSavesAndAsksBeforeReplacing() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let h = await Self.opened(download: folder)
        await h.press("v")
        await h.press("s")
        #expect(h.lines[23] == "Save 2 to: \(folder.path)/report.pdf".padding(toLength: 80, withPad: " ", startingAt: 0))
        await h.press("<Enter>")
        let saved = folder.appendingPathComponent("report.pdf")
        #expect(try Data(contentsOf: saved) == Data(ViewerFixtures.pdf))
        #expect(h.lines[23].contains("Saved \(NumberText.size(521)) to \(saved.path)"))

        // Again: the file exists, so tern asks; n leaves it alone.
        try Data("mine".utf8).write(to: saved)
        await h.press("s<Enter>")
        #expect(h.lines[23].hasPrefix("report.pdf already exists in \(folder.path.prefix(20))"))
        await h.press("n")
        #expect(try Data(contentsOf: saved) == Data("mine".utf8))
        #expect(h.lines[23].contains("Not saved"))
        // y replaces it.
        await h.press("s<Enter>y")
        #expect(try Data(contentsOf: saved) == Data(ViewerFixtures.pdf))

        // Another name typed, in a subfolder completed with Tab.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("inbox-files"), withIntermediateDirectories: true)
        await h.press("s")
        await h.press("<C-u>")
        await h.type(folder.path + "/inb")
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == folder.path + "/inbox-files/")
        await h.type("copy.pdf")
        await h.press("<Enter>")
        #expect(try Data(contentsOf: folder.appendingPathComponent("inbox-files/copy.pdf")) == Data(ViewerFixtures.pdf))

        // A folder that does not exist: a clear error, nothing written.
        await h.press("s<C-u>")
        await h.type(folder.path + "/missing/x.pdf")
        await h.press("<Enter>")
        #expect(h.lines[23].hasPrefix("The folder \(folder.path)/missing does n"))
    }

    @Test func hostileFileNamesLandInsideTheFolder() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let h = await Self.opened(download: inner, raw: ViewerFixtures.withAttachments(pdfName: "../../.bashrc"))
        await h.press("v")
        await h.press("s")
        let typed = try #require(h.state.prompt?.field.text)
        #expect(typed.hasPrefix(inner.path + "/") && !typed.dropFirst(inner.path.count + 1).contains("/"), "\(typed)")
        await h.press("<Enter>")
        let names = try FileManager.default.contentsOfDirectory(atPath: inner.path)
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(!name.hasPrefix(".") && !name.contains("/"), "\(name)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["in"])
        #expect(try Data(contentsOf: inner.appendingPathComponent(name)) == Data(ViewerFixtures.pdf))
    }

    @Test func hostileNamesOnTheAttachmentScreen() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let h = await Self.opened(download: folder, raw: ViewerFixtures.withAttachments(
            subject: "Bad\u{1B}[2J subject", pdfName: "evil\u{1B}[31m\u{202E}fdp.exe"))
        await h.press("v")
        var frame = Frame(size: Size(width: 80, height: 24))
        AppRenderer.render(&h.state, into: &frame)
        #expect(unsafeScalars(in: frame.buffer).isEmpty)
        #expect(h.text.contains("evil"))
    }

    @Test func pipeShowsTheCommandsOutput() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let h = await Self.opened(download: folder)
        await h.press("v")
        await h.press("j|")
        #expect(h.lines[23].hasPrefix("Pipe part 3 to: "))
        await h.type("tr a-z A-Z")
        await h.press("<Enter>")
        #expect(h.lines[0].hasPrefix("| tr a-z A-Z"))
        #expect(h.text.contains("FIRST NOTE"))
        await h.press("q")
        #expect(h.state.keyContext == .attachments)
        await h.press("q|")
        #expect(h.lines[23].hasPrefix("Pipe message to: "))
        await h.type("grep -c b1")
        await h.press("<Enter>")
        #expect(h.lines[1].hasPrefix("5"), "the whole message, raw: \(h.lines[1])")
    }

    @Test func openUsesTheMailcapEntry() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mailcap = folder.appendingPathComponent("mailcap")
        let out = folder.appendingPathComponent("out")
        try """
            text/plain; tr a-z A-Z < %s; copiousoutput
            application/pdf; cat %s > '\(out.path)'; needsterminal
            """.write(to: mailcap, atomically: true, encoding: .utf8)
        let h = await Self.opened(download: folder)
        h.state.config.viewer.mailcapFiles = [mailcap.path]
        await h.press("v")
        await h.press("<Enter>")
        // needsterminal: run as a terminal job (the runtime suspends the UI around it).
        #expect(h.takeEffects().contains { if case .viewer(.runInTerminal) = $0 { return true } else { return false } })
        #expect(try Data(contentsOf: out) == Data(ViewerFixtures.pdf))
        #expect(h.lines[23].hasPrefix("Finished: mailcap entry at"))
        await h.press("j<Enter>")
        #expect(h.text.contains("FIRST NOTE"))
        #expect(h.lines[0].hasPrefix("notes.txt"))
    }
}
