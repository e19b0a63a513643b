import Foundation
import Testing
@testable import MailEngine

/// Paths typed at the attach prompt: `~`, relative paths, glob patterns, Tab completion.
@Suite struct AttachmentPathsTests {
    final class Tree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tern-attachpaths-\(UUID().uuidString)").path
        init() throws {
            for directory in ["work", "work/Documents", "home", "home/Downloads"] {
                try FileManager.default.createDirectory(atPath: "\(root)/\(directory)", withIntermediateDirectories: true)
            }
            for file in ["work/a.txt", "work/b.txt", "work/report-1.pdf", "work/.hidden", "work/Documents/x.txt", "home/Downloads/z.bin"] {
                _ = FileManager.default.createFile(atPath: "\(root)/\(file)", contents: Data(file.utf8))
            }
        }
        var work: String { "\(root)/work" }
        var home: String { "\(root)/home" }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test(arguments: [
        ("a.txt", ["a.txt"]),
        ("*.txt", ["a.txt", "b.txt"]),
        ("report-?.pdf", ["report-1.pdf"]),
        ("[ab].txt", ["a.txt", "b.txt"]),
        ("*", ["a.txt", "b.txt", "report-1.pdf"]),
        ("~/Downloads/z.bin", ["z.bin"]),
        ("  Documents/x.txt ", ["x.txt"]),
    ])
    func typedTextGivesTheseFiles(typed: String, names: [String]) throws {
        let tree = try Tree()
        let attachments = try AttachmentPaths.attachments(for: typed, relativeTo: tree.work, home: tree.home)
        #expect(attachments.map(\.name) == names)
        #expect(attachments.allSatisfy { $0.size > 0 })
    }

    @Test(arguments: [
        ("missing.txt", "there is no such file"),
        ("*.doc", "no file matches this pattern"),
        ("Documents", "it is a directory"),
    ])
    func nothingToAttachSaysWhy(typed: String, reason: String) throws {
        let tree = try Tree()
        #expect {
            try AttachmentPaths.attachments(for: typed, relativeTo: tree.work, home: tree.home)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test(arguments: [
        ("", ["Documents/", "a.txt", "b.txt", "report-1.pdf"]),
        ("Doc", ["Documents/"]),
        ("Documents/", ["Documents/x.txt"]),
        (".h", [".hidden"]),
        ("~/Dow", ["~/Downloads/"]),
        ("nothing", []),
    ])
    func completion(typed: String, expected: [String]) throws {
        let tree = try Tree()
        #expect(AttachmentPaths.complete(typed, relativeTo: tree.work, home: tree.home) == expected)
    }

    @Test(arguments: [
        ([String](), ""),
        (["report-1.pdf", "report-2.pdf"], "report-"),
        (["a", "b"], ""),
        (["same"], "same"),
    ])
    func commonPrefix(completions: [String], expected: String) {
        #expect(AttachmentPaths.commonPrefix(completions) == expected)
    }
}
