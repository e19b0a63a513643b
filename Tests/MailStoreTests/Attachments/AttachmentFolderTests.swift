import Foundation
import Testing
@testable import MailStore

@Suite struct AttachmentFolderTests {
    /// The folder's entries and the entries of its parent (to see that nothing lands outside).
    struct Sandbox {
        let tmp: TemporaryDirectory
        let folder: URL
        init() throws {
            tmp = try TemporaryDirectory()
            folder = tmp.url.appendingPathComponent("a/b/chosen")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        func inside() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }
        /// Every path under the sandbox, relative, except the chosen folder's own entries.
        func outside() throws -> [String] {
            let all = FileManager.default.enumerator(atPath: tmp.url.path)?.allObjects as? [String] ?? []
            return all.filter { !$0.hasPrefix("a/b/chosen/") }.sorted()
        }
        func read(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
    }

    @Test(arguments: [
        ("../../.bashrc", "bashrc"),
        ("/etc/passwd", "passwd"),
        ("..\\..\\windows\\system.ini", "system.ini"),
        ("a\u{0}b.txt", "a_b.txt"),
        ("\u{1B}[31mred.txt", "_[31mred.txt"),
        ("evil\u{202E}fdp.exe", "evil_fdp.exe"),
        ("-rf", "rf"),
        ("..", "attachment.pdf"),
        (".", "attachment.pdf"),
        ("", "attachment.pdf"),
        ("   ", "attachment.pdf"),
        ("report.pdf", "report.pdf"),
    ])
    func hostileNamesLandInsideUnderASafeName(proposed: String, expected: String) throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        let folder = try AttachmentFolder(path: box.folder.path)
        let saved = try folder.save(Array("data".utf8), proposedName: proposed, mimeType: "application/pdf")
        #expect(saved.name == expected)
        #expect(saved.path == box.folder.path + "/" + expected)
        #expect(try box.inside() == [expected])
        #expect(try box.outside() == ["a", "a/b", "a/b/chosen"], "nothing written outside the chosen folder")
        #expect(try box.read(expected) == "data")
    }

    @Test func nilNameGetsAGeneratedOne() throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        let saved = try AttachmentFolder(path: box.folder.path).save([1, 2], proposedName: nil, mimeType: "image/png")
        #expect(saved.name == "attachment.png")
    }

    @Test func collisionsGetNumberedNames() throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        try Data("old".utf8).write(to: box.folder.appendingPathComponent("report.pdf"))
        let folder = try AttachmentFolder(path: box.folder.path)
        let first = try folder.save(Array("one".utf8), proposedName: "report.pdf")
        let second = try folder.save(Array("two".utf8), proposedName: "report.pdf")
        #expect(first.name == "report (1).pdf" && first.renamed)
        #expect(second.name == "report (2).pdf" && second.renamed)
        #expect(try box.read("report.pdf") == "old", "the existing file is untouched")
        #expect(try box.read("report (2).pdf") == "two")
    }

    @Test func failPolicyReportsTheExistingName() throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        try Data("old".utf8).write(to: box.folder.appendingPathComponent("report.pdf"))
        let folder = try AttachmentFolder(path: box.folder.path)
        #expect(folder.contains("report.pdf"))
        #expect(!folder.contains("other.pdf"))
        #expect(throws: AttachmentSaveError(.exists(name: "report.pdf"), path: box.folder.path)) {
            try folder.save(Array("new".utf8), proposedName: "report.pdf", collision: .fail)
        }
        #expect(try box.read("report.pdf") == "old")
    }

    @Test func overwriteReplacesAtomicallyAndLeavesNoTemporaryFile() throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        try Data("old".utf8).write(to: box.folder.appendingPathComponent("report.pdf"))
        let folder = try AttachmentFolder(path: box.folder.path)
        let saved = try folder.save(Array("new".utf8), proposedName: "report.pdf", collision: .overwrite)
        #expect(saved.name == "report.pdf" && !saved.renamed)
        #expect(try box.read("report.pdf") == "new")
        #expect(try box.inside() == ["report.pdf"])
        // Two attachments with one name in one run: the second never replaces the first.
        let again = try folder.save(Array("newer".utf8), proposedName: "report.pdf", collision: .overwrite)
        #expect(again.name == "report (1).pdf")
        #expect(try box.read("report.pdf") == "new")
    }

    @Test func plantedSymlinkIsNeverFollowed() throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        let victim = box.tmp.url.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(atPath: box.folder.appendingPathComponent("report.pdf").path,
                                                   withDestinationPath: victim.path)
        // A dangling link too: creating through it would make a file outside.
        let ghost = box.tmp.url.appendingPathComponent("ghost.txt")
        try FileManager.default.createSymbolicLink(atPath: box.folder.appendingPathComponent("notes.txt").path,
                                                   withDestinationPath: ghost.path)
        let folder = try AttachmentFolder(path: box.folder.path)
        #expect(folder.contains("notes.txt"), "a dangling link counts as taken")
        let renamed = try folder.save(Array("evil".utf8), proposedName: "report.pdf")
        #expect(renamed.name == "report (1).pdf")
        let dangling = try folder.save(Array("evil".utf8), proposedName: "notes.txt")
        #expect(dangling.name == "notes (1).txt")
        #expect(!FileManager.default.fileExists(atPath: ghost.path))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        // Overwrite replaces the link itself, not its target.
        _ = try folder.save(Array("replaced".utf8), proposedName: "report.pdf", collision: .overwrite)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        let attributes = try FileManager.default.attributesOfItem(atPath: box.folder.appendingPathComponent("report.pdf").path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try box.read("report.pdf") == "replaced")
    }

    @Test func symlinkToAFolderOrAFolderIsNeverWrittenInto() throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        let elsewhere = box.tmp.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: box.folder.appendingPathComponent("docs").path,
                                                   withDestinationPath: elsewhere.path)
        try FileManager.default.createDirectory(at: box.folder.appendingPathComponent("real"), withIntermediateDirectories: true)
        let folder = try AttachmentFolder(path: box.folder.path)
        #expect(try folder.save([1], proposedName: "docs").name == "docs (1)")
        #expect(try folder.save([1], proposedName: "real").name == "real (1)")
        #expect(throws: AttachmentSaveError(.nameIsAFolder(name: "real"), path: box.folder.path)) {
            try folder.save([1], proposedName: "real", collision: .overwrite)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func progressIsReportedPerChunk() throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        let size = AttachmentFolder.chunkSize * 2 + 10
        var reports: [Int] = []
        let saved = try AttachmentFolder(path: box.folder.path)
            .save([UInt8](repeating: 7, count: size), proposedName: "big.bin", progress: { written, total in
                #expect(total == size)
                reports.append(written)
            })
        #expect(reports == [0, AttachmentFolder.chunkSize, AttachmentFolder.chunkSize * 2, size])
        #expect(saved.byteCount == size)
        #expect(try FileManager.default.attributesOfItem(atPath: saved.path)[.size] as? Int == size)
    }

    @Test func folderErrorsSayWhatToDo() throws {
        let box = try Sandbox()
        defer { box.tmp.remove() }
        let missing = box.tmp.url.appendingPathComponent("nope").path
        #expect(throws: AttachmentSaveError(.folderMissing, path: missing)) { try AttachmentFolder(path: missing) }
        let file = box.folder.appendingPathComponent("file.txt")
        try Data().write(to: file)
        #expect(throws: AttachmentSaveError(.notAFolder, path: file.path)) { try AttachmentFolder(path: file.path) }
        #expect(AttachmentSaveError(.folderMissing, path: missing).description.contains("does not exist"))
        let created = try AttachmentFolder(path: missing + "/deeper", create: true)
        #expect(FileManager.default.fileExists(atPath: created.path))
        #expect(throws: AttachmentSaveError(.emptyPath, path: "")) { try AttachmentFolder(path: "") }
    }
}
