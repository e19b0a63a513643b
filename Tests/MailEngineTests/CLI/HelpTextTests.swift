import Foundation
import Testing
import TernTestSupport

/// `tern help COMMAND` as a person reads it on an 80-column terminal: ArgumentParser wraps each
/// source line of a discussion on its own, so a source line over 80 columns that goes on in the next
/// line leaves a stray word alone on a line ("...the demo's folders\nand\nnewest messages").
@Suite struct HelpTextTests {
    static let commands = ["", "mime", "attachments", "compose", "contacts", "send", "outbox", "sync",
                           "folders", "list", "read", "flag", "move", "delete", "config"]

    /// The help text of `tern help COMMAND` at COLUMNS=80.
    static func help(_ command: String) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        return try Program.run(TernBinaryTests.binary.path, command.isEmpty ? ["--help"] : ["help", command],
                               environment: environment, mergeErrors: true).stdout
    }

    /// Lines of a discussion that are a stray end of a wrapped line: short, not the end of a
    /// sentence, and followed by more text of the same paragraph.
    static func strayLines(in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        var stray: [String] = []
        for (index, line) in lines.enumerated().dropLast() {
            let next = lines[index + 1]
            guard !line.isEmpty, !line.hasPrefix(" "), !next.isEmpty, !next.hasPrefix(" "),
                  !line.hasSuffix(":") else { continue }
            if line.count < 20, let last = line.last, !".;)`\"".contains(last) {
                stray.append(line)
            }
        }
        return stray
    }

    @Test(arguments: commands)
    func helpHasNoStrayWords(command: String) throws {
        let text = try Self.help(command)
        #expect(text.contains("USAGE:"), "tern help \(command) printed: \(text)")
        #expect(Self.strayLines(in: text).isEmpty, "tern help \(command): \(Self.strayLines(in: text))")
        // USAGE is ArgumentParser's own line, never wrapped.
        let wide = text.components(separatedBy: "\n").filter { $0.count > 80 && !$0.hasPrefix("USAGE:") }
        #expect(wide.isEmpty, "tern help \(command): lines over 80 columns: \(wide)")
    }

    @Test func strayLinesAreFound() {
        let wrapped = "When standard output is not a terminal, `tern --demo` prints the demo's folders\nand\nnewest messages instead.\n"
        #expect(Self.strayLines(in: wrapped) == ["and"])
        #expect(Self.strayLines(in: "A paragraph that ends.\n\nNext one.\n").isEmpty)
        #expect(Self.strayLines(in: "Examples:\n  tern read 42\n").isEmpty)
    }
}
