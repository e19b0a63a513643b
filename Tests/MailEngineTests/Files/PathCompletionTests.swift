import Foundation
import Testing
@testable import MailEngine

@Suite struct PathCompletionTests {
    @Test func completesNamesInTheTypedFolder() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tern-pc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        for folder in ["Downloads", "Documents", ".config"] {
            try FileManager.default.createDirectory(at: home.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["notes.txt", "notebook.md", ".hidden", "bad\u{1B}name"] {
            try Data().write(to: home.appendingPathComponent(file))
        }
        try FileManager.default.createSymbolicLink(atPath: home.appendingPathComponent("Dlink").path,
                                                   withDestinationPath: home.appendingPathComponent("Downloads").path)
        let h = home.path
        func complete(_ typed: String) -> PathCompletion.Result {
            PathCompletion.complete(typed, home: h, currentDirectory: h + "/Downloads")
        }
        #expect(complete("~/Do").candidates == ["~/Documents/", "~/Downloads/"])
        #expect(complete("~/Do").commonPrefix == "~/Do")
        #expect(complete("~/Dow").candidates == ["~/Downloads/"])
        #expect(complete("~/Dow").commonPrefix == "~/Downloads/")
        #expect(complete("~/Dl").candidates == ["~/Dlink/"], "a link to a folder completes as a folder")
        #expect(complete("~/note").candidates == ["~/notebook.md", "~/notes.txt"])
        #expect(complete("~/note").commonPrefix == "~/note")
        #expect(complete("~/").candidates == ["~/Dlink/", "~/Documents/", "~/Downloads/", "~/notebook.md", "~/notes.txt"])
        #expect(complete("~/.").candidates == ["~/.config/", "~/.hidden"])
        #expect(complete("~").candidates.count == 5)
        #expect(complete(h + "/notes").candidates == [h + "/notes.txt"])
        #expect(complete("../no").candidates == ["../notebook.md", "../notes.txt"])
        #expect(complete("~/missing/x").candidates.isEmpty)
        #expect(complete("~/missing/x").commonPrefix == "~/missing/x")
    }
}
