import Foundation
import Testing
@testable import MailEngine

@Suite struct PipeCommandTests {
    @Test func messageGoesOnStandardInputOnly() async throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("tern-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let message = Array("Subject: $(touch \(tmp.path)/pwned)\n\nbody `touch \(tmp.path)/pwned`\n".utf8)
        let result = try await PipeCommand("wc -l | tr -d ' '").runCapturingOutput(message)
        #expect(String(decoding: result.output, as: UTF8.self) == "3\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    @Test func blankCommandIsRefused() {
        #expect(throws: ExternalProcessError.self) { try PipeCommand("  \t") }
        #expect(throws: ExternalProcessError.self) { try PipeCommand("") }
    }

    @Test func terminalModeReportsTheStatus() throws {
        let result = try PipeCommand("cat > /dev/null; exit 4").runInTerminal(Array("x".utf8))
        #expect(result.status == 4)
    }
}
