import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// `S`: every attachment saved into a folder with the folder prompt, never replacing without asking.
@Suite struct SaveAllTests {
    /// A message with two attachments of the same name, a PDF and a hostile name.
    static let several: [UInt8] = {
        let pdf = Data(ViewerFixtures.pdf).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = """
            From: Bob <bob@example.test>\r
            Subject: Files\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain\r
            \r
            Three files.\r
            --b1\r
            Content-Type: application/pdf; name="report.pdf"\r
            Content-Disposition: attachment; filename="report.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(pdf)\r
            --b1\r
            Content-Type: text/plain; name="notes.txt"\r
            Content-Disposition: attachment; filename="notes.txt"\r
            \r
            first\r
            --b1\r
            Content-Type: text/plain; name="notes.txt"\r
            Content-Disposition: attachment; filename="notes.txt"\r
            \r
            second\r
            --b1\r
            Content-Type: text/plain; name="../../.bashrc"\r
            Content-Disposition: attachment; filename="../../.bashrc"\r
            \r
            evil\r
            --b1--\r

            """
        return Array(text.utf8)
    }()

    static func opened(download: URL) async -> Harness {
        let h = ViewerFixtures.harness([several])
        h.state.config.viewer.downloadDirectory = download.path
        h.state.config.viewer.mailcapFiles = []
        await h.start()
        await h.press("<Enter>")
        return h
    }

    @Test func savesEveryAttachmentWithSafeDistinctNames() async throws {
        let root = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let h = await Self.opened(download: folder)
        await h.press("S")
        #expect(h.lines[23].hasPrefix("Save all attachments to folder: "), "\(h.lines[23])")
        #expect(h.state.prompt?.field.text == folder.path + "/")
        await h.press("<Enter>")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count == 4, "\(names)")
        #expect(names.contains("report.pdf") && names.contains("notes.txt") && names.contains("notes (1).txt"), "\(names)")
        #expect(names.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") }, "\(names)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["in"], "nothing outside the folder")
        #expect(try Data(contentsOf: folder.appendingPathComponent("report.pdf")) == Data(ViewerFixtures.pdf))
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "first")
        #expect(try String(contentsOf: folder.appendingPathComponent("notes (1).txt"), encoding: .utf8) == "second")
        #expect(h.lines[23].hasPrefix("Saved 4 files"), "\(h.lines[23])")
        #expect(h.state.log.entries.last?.text.contains("\(folder.path): report.pdf, notes.txt, notes (1).txt") == true)
    }

    @Test func asksBeforeReplacing() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("report.pdf"))
        let h = await Self.opened(download: folder)
        await h.press("v")
        await h.press("S<Enter>")
        #expect(h.lines[23].hasPrefix("report.pdf already exists in \(folder.path.prefix(30))"), "\(h.lines[23])")
        #expect(h.state.choice?.question.hasSuffix("(y) replace, (k) keep both with numbered names, (n) cancel?") == true)
        await h.press("n")
        #expect(h.lines[23].contains("Nothing saved"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.pdf"])
        #expect(try Data(contentsOf: folder.appendingPathComponent("report.pdf")) == Data("mine".utf8))

        // k: keep both; the new one gets a number.
        await h.press("S<Enter>k")
        #expect(try Data(contentsOf: folder.appendingPathComponent("report.pdf")) == Data("mine".utf8))
        #expect(try Data(contentsOf: folder.appendingPathComponent("report (1).pdf")) == Data(ViewerFixtures.pdf))

        // y: replace the files that were there; the rest still never overwrite one another.
        await h.press("S<Enter>")
        #expect(h.lines[23].contains("files already exist"), "\(h.lines[23])")
        await h.press("y")
        #expect(try Data(contentsOf: folder.appendingPathComponent("report.pdf")) == Data(ViewerFixtures.pdf))
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "first")
        #expect(try String(contentsOf: folder.appendingPathComponent("notes (1).txt"), encoding: .utf8) == "second")
    }

    @Test func folderPromptCompletesFoldersAndRejectsMissingOnes() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("keep"), withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("kettle.txt"))
        let h = await Self.opened(download: folder)
        await h.press("S<C-u>")
        await h.type(folder.path + "/ke")
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == folder.path + "/keep/", "only folders complete")
        await h.press("<Enter>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("keep").path).count == 4)

        await h.press("S<C-u>")
        await h.type(folder.path + "/missing")
        await h.press("<Enter>")
        #expect(h.lines[23].hasPrefix("The folder \(folder.path)/missing does n"), "\(h.lines[23])")
    }

    @Test func bigAttachmentsReportProgress() async throws {
        let folder = try ViewerFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = [UInt8](repeating: 0x41, count: EffectRunner.progressThreshold + 1)
        let request = SaveAllRequest(folder: folder.path, items: [
            .init(number: "2", bytes: big, proposedName: "big.bin", mimeType: "application/octet-stream", name: "big.bin", exists: false),
        ], replace: false)
        let box = MessageBox()
        let outcome = EffectRunner.saveAll(request) { box.append($0) }
        #expect(outcome.failure == nil)
        #expect(outcome.saved.map(\.name) == ["big.bin"])
        let progress = box.take().compactMap { message -> Int? in
            if case .viewer(.progress(let name, let done, _)) = message, name == "big.bin" { return done }
            return nil
        }
        #expect(!progress.isEmpty && progress == progress.sorted())
        var state = AppState(config: UIConfiguration(accounts: [.init(name: "t")]), size: .init(width: 80, height: 24), now: testNow)
        _ = state.applyViewer(.progress(name: "big.bin", done: 1 << 20, total: 4 << 20))
        #expect(state.message?.text == "Saving big.bin: 25% of \(NumberText.size(4 << 20))")
    }
}
