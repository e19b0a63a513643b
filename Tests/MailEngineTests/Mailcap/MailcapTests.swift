import Foundation
import Testing
@testable import MailEngine

@Suite struct MailcapTests {
    @Test func firstFileWinsAndTestsDecide() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("tern-mc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let user = tmp.appendingPathComponent("user.mailcap").path
        let system = tmp.appendingPathComponent("system.mailcap").path
        try "image/*; gui-viewer %s; test=test -n \"$NO_SUCH_VARIABLE_X\"\ntext/plain; user-viewer %s\n".write(toFile: user, atomically: true, encoding: .utf8)
        try "text/plain; system-viewer %s\nimage/png; png-viewer %s; test=true\ntext/*; cat %s; copiousoutput\n".write(toFile: system, atomically: true, encoding: .utf8)
        let mailcap = Mailcap.load(files: [user, tmp.appendingPathComponent("missing").path, system])
        #expect(mailcap.entries.count == 5)
        #expect(mailcap.diagnostics.isEmpty)

        let text = MailcapContext(filePath: "/tmp/t/f.txt", mimeType: "text/plain")
        #expect(try mailcap.viewer(for: text)?.command == "user-viewer '/tmp/t/f.txt'")
        #expect(try mailcap.viewer(for: text, copiousOutputOnly: true)?.command == "cat '/tmp/t/f.txt'")
        // The user's image entry has a test that fails (the variable is unset): the system's applies.
        let png = MailcapContext(filePath: "/tmp/t/f.png", mimeType: "image/png")
        let found = try #require(try mailcap.viewer(for: png))
        #expect(found.command == "png-viewer '/tmp/t/f.png'")
        #expect(found.entry.source == MailcapSource(file: system, line: 2))
        #expect(try mailcap.viewer(for: MailcapContext(filePath: "/tmp/x", mimeType: "application/zip")) == nil)
    }

    @Test func commandWithoutPercentSReadsTheFileOnStandardInput() throws {
        var mailcap = Mailcap()
        mailcap.add("text/plain; wc -c\n", file: "mc")
        let invocation = try #require(try mailcap.viewer(for: MailcapContext(filePath: "/tmp/a", mimeType: "text/plain")))
        #expect(invocation.input == .file("/tmp/a"))
        #expect(invocation.arguments == ["/bin/sh", "-c", "wc -c"])
    }

    @Test func testCommandsGetExpandedValuesAndUnsafeOnesFail() throws {
        var mailcap = Mailcap()
        mailcap.add("text/plain; first %s; test=check %{charset}\ntext/plain; second %s\n", file: "mc")
        var tested: [String] = []
        let safe = MailcapContext(filePath: "/tmp/a", mimeType: "text/plain", parameters: ["charset": "utf-8"])
        #expect(try mailcap.viewer(for: safe, runTest: { tested.append($0); return true })?.command == "first '/tmp/a'")
        #expect(tested == ["check 'utf-8'"])
        let hostile = MailcapContext(filePath: "/tmp/a", mimeType: "text/plain", parameters: ["charset": "$(reboot)"])
        tested = []
        #expect(try mailcap.viewer(for: hostile, runTest: { tested.append($0); return true })?.command == "second '/tmp/a'")
        #expect(tested.isEmpty, "a test that cannot be expanded safely is never run")
    }

    @Test func realTestCommandsRun() {
        #expect(Mailcap.runTest("true"))
        #expect(!Mailcap.runTest("false"))
        #expect(!Mailcap.runTest("exit 3"))
    }
}
