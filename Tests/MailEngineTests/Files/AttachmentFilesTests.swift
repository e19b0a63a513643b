import Foundation
import Testing
@testable import MailEngine

@Suite struct AttachmentFilesTests {
    func sandbox() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tern-af-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Downloads"), withIntermediateDirectories: true)
        return url
    }

    @Test func promptFlowAsksBeforeReplacing() throws {
        let home = try sandbox()
        defer { try? FileManager.default.removeItem(at: home) }
        let downloads = home.appendingPathComponent("Downloads").path
        #expect(AttachmentFiles.startFolder(downloadDirectory: downloads) == downloads)
        #expect(AttachmentFiles.startFolder(downloadDirectory: home.appendingPathComponent("nope").path, currentDirectory: "/cwd") == "/cwd")
        #expect(AttachmentFiles.suggestedPath(folder: downloads, proposedName: "../../.bashrc", mimeType: "text/plain")
            == downloads + "/bashrc")

        let first = try AttachmentFiles.destination(typed: "~/Downloads", proposedName: "../../.bashrc", mimeType: "text/plain",
                                                    home: home.path, currentDirectory: "/")
        #expect(first.folder == downloads && first.name == "bashrc" && !first.exists)
        let saved = try AttachmentFiles.save(Array("one".utf8), to: first, mimeType: "text/plain", overwrite: false)
        #expect(saved.path == downloads + "/bashrc")

        let second = try AttachmentFiles.destination(typed: "~/Downloads/bashrc", proposedName: "x", mimeType: "text/plain",
                                                     home: home.path, currentDirectory: "/")
        #expect(second.exists)
        do {
            _ = try AttachmentFiles.save(Array("two".utf8), to: second, mimeType: "text/plain", overwrite: false)
            Issue.record("expected the file to exist")
        } catch let failure as AttachmentFiles.Failure {
            #expect(failure.fileExists)
        }
        _ = try AttachmentFiles.save(Array("two".utf8), to: second, mimeType: "text/plain", overwrite: true)
        #expect(try String(contentsOfFile: downloads + "/bashrc", encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".bashrc").path))

        do {
            _ = try AttachmentFiles.destination(typed: "~/Nope/x.pdf", proposedName: nil, mimeType: "application/pdf",
                                                home: home.path, currentDirectory: "/")
            Issue.record("expected a missing folder")
        } catch let failure as AttachmentFiles.Failure {
            #expect(!failure.fileExists && failure.message.contains("does not exist"))
        }
    }

    @Test func saveAllNumbersCollisions() throws {
        let home = try sandbox()
        defer { try? FileManager.default.removeItem(at: home) }
        let items = [
            AttachmentFiles.Item(bytes: [1], proposedName: "a.pdf", mimeType: "application/pdf"),
            AttachmentFiles.Item(bytes: [2], proposedName: "a.pdf", mimeType: "application/pdf"),
            AttachmentFiles.Item(bytes: [3], proposedName: nil, mimeType: "image/png"),
        ]
        var progress: [Int] = []
        let saved = try AttachmentFiles.saveAll(items, into: "~/Downloads/", home: home.path, currentDirectory: "/",
                                                progress: { index, _, _ in progress.append(index) })
        #expect(saved.map(\.name) == ["a.pdf", "a (1).pdf", "attachment.png"])
        #expect(saved[1].renamed)
        #expect(Set(progress) == [0, 1, 2])
    }
}
