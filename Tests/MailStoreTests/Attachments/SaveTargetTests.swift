import Foundation
import Testing
@testable import MailStore

@Suite struct SaveTargetTests {
    @Test func typedPathsAreReadLikeAShell() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let home = tmp.url.path
        try FileManager.default.createDirectory(at: tmp.url.appendingPathComponent("Downloads"), withIntermediateDirectories: true)
        let cases: [(String, SaveTarget)] = [
            ("~", SaveTarget(folder: home, fileName: nil)),
            ("~/Downloads", SaveTarget(folder: home + "/Downloads", fileName: nil)),
            ("~/Downloads/", SaveTarget(folder: home + "/Downloads", fileName: nil)),
            ("~/Downloads/report.pdf", SaveTarget(folder: home + "/Downloads", fileName: "report.pdf")),
            ("Downloads/x.txt", SaveTarget(folder: home + "/Downloads", fileName: "x.txt")),
            ("x.txt", SaveTarget(folder: home, fileName: "x.txt")),
            ("/", SaveTarget(folder: "/", fileName: nil)),
            ("/report.pdf", SaveTarget(folder: "/", fileName: "report.pdf")),
            ("  ~/Downloads/a b.pdf  ", SaveTarget(folder: home + "/Downloads", fileName: "a b.pdf")),
            ("~/Downloads/..", SaveTarget(folder: home + "/Downloads/..", fileName: nil)),
        ]
        for (typed, expected) in cases {
            #expect(try SaveTarget.resolve(typed, home: home, currentDirectory: home) == expected, "\(typed)")
        }
        #expect(throws: AttachmentSaveError.self) { try SaveTarget.resolve("  ", home: home, currentDirectory: home) }
    }
}
