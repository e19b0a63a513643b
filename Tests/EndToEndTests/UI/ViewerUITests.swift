import Foundation
import MailCore
import Testing
import TernTestSupport

/// The real `tern --demo` in tmux: open the message with the PDF, open its attachment screen,
/// save the PDF with the path prompt into a folder, and compare the file with the part's bytes.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled))
struct ViewerUITests {
    @Test func saveAnAttachmentFromTheViewer() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        let target = tmux.directory.appendingPathComponent("saved")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        tmux.start(try TernBinary.commandLine("--demo", home: tmux.directory))
        try tmux.waitFor { $0.contains("Quarterly report Q3") && $0.contains("sort: date") }

        // Find the message and open it. The search runs in the background: wait until the selection
        // is on the message's row (a selection that merely moved could still be on another one).
        tmux.send("/")
        tmux.sendLiteral("subject:quarterly")
        tmux.send("Enter")
        try tmux.waitFor { screen in
            guard let selected = DemoUITests.position(screen)?.line,
                  let row = DemoUITests.row(containing: "Quarterly report Q3", in: screen) else { return false }
            return selected == row
        }
        tmux.send("Enter")
        let viewer = try tmux.waitFor { $0.contains("From:") && $0.contains("Q3-report.pdf") && $0.contains("q closes") }
        #expect(viewer.contains("revenue is up 12%"))

        // The attachment screen starts on the PDF; save it with the prompt.
        tmux.send("v")
        try tmux.waitFor { $0.contains("Attachments: Quarterly report Q3") && $0.contains("> 2  application/pdf") }
        tmux.send("s")
        try tmux.waitFor { $0.contains("Save 2 to: ") && $0.contains("Q3-report.pdf") }
        tmux.send("C-u")
        tmux.sendLiteral(target.path + "/")
        tmux.send("Enter")
        let saved = try tmux.waitFor { $0.contains("Saved ") }
        #expect(saved.contains(target.path + "/Q3-report.pdf"))
        let written = try Data(contentsOf: target.appendingPathComponent("Q3-report.pdf"))
        #expect(Array(written) == (try Self.demoPDF(home: tmux.directory)))
        #expect(written.starts(with: Data("%PDF-".utf8)))

        // Saving again asks before replacing; n keeps the file.
        tmux.send("s")
        try tmux.waitFor { $0.contains("Save 2 to: ") }
        tmux.send("C-u")
        tmux.sendLiteral(target.path + "/")
        tmux.send("Enter")
        try tmux.waitFor { $0.contains("Q3-report.pdf already exists in") }
        tmux.send("n")
        try tmux.waitFor { $0.contains("Not saved") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["Q3-report.pdf"])

        // Back to the message, back to the list, quit: the terminal is restored.
        tmux.send("q")
        try tmux.waitFor { $0.contains("q closes") && $0.contains("revenue is up 12%") }
        tmux.send("q")
        try tmux.waitFor { $0.contains("sort: date") }
        tmux.send("q")
        let after = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
        #expect(try tmux.terminalRestored() == nil)
    }

    /// The PDF part of the demo's report message, read from the demo Maildir tern wrote.
    static func demoPDF(home: URL) throws -> [UInt8] {
        let files = FileManager.default.enumerator(at: home.appendingPathComponent("data"), includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.path.contains("/cur/") || url.path.contains("/new/"),
                  let data = try? Data(contentsOf: url), data.count < 1 << 20 else { continue }
            let message = Message(bytes: Array(data))
            guard message.envelope.subject == "Quarterly report Q3 (PDF)" else { continue }
            if let part = message.attachments(preferring: .plainText).first(where: { $0.part.filename == "Q3-report.pdf" }) {
                return part.part.decodedBody()
            }
        }
        throw TmuxError("the demo's report message is not in \(home.path)/data")
    }
}
