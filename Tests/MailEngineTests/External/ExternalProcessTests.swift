import Foundation
import Testing
@testable import MailEngine

@Suite struct ExternalProcessTests {
    @Test func capturesOutputAndStatus() throws {
        let result = try ExternalProcess.runBlocking(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"], output: .capture)
        #expect(result.status == 3 && !result.succeeded && !result.signaled)
        #expect(String(decoding: result.output, as: UTF8.self) == "out\nerr\n")
    }

    @Test func feedsLargeInputWhileReadingOutput() async throws {
        let input = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let result = try await ExternalProcess.run(["cat"], input: .bytes(input), output: .capture)
        #expect(result.succeeded)
        #expect(result.output == input)
    }

    @Test func aProgramThatDoesNotReadItsInputIsFine() throws {
        let result = try ExternalProcess.runBlocking(["true"], input: .bytes([UInt8](repeating: 1, count: 1_000_000)))
        #expect(result.succeeded)
    }

    @Test func childGetsDefaultSignalHandling() throws {
        // tern ignores SIGPIPE; the child must not: a shell that sends itself SIGPIPE dies of it.
        let result = try ExternalProcess.runBlocking(["/bin/sh", "-c", "kill -PIPE $$; echo alive"], output: .capture)
        #expect(result.signaled && result.status == 128 + SIGPIPE)
        #expect(result.output.isEmpty)
    }

    @Test func inputFromAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tern-in-\(UUID().uuidString)").path
        try "from file".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try ExternalProcess.runBlocking(["cat"], input: .file(path), output: .capture)
        #expect(String(decoding: result.output, as: UTF8.self) == "from file")
    }

    @Test func missingProgramIsAClearError() {
        #expect(throws: ExternalProcessError.self) { try ExternalProcess.runBlocking(["tern-no-such-program-x"]) }
        do {
            _ = try ExternalProcess.runBlocking(["tern-no-such-program-x"])
        } catch {
            #expect(String(describing: error).contains("tern-no-such-program-x was not found"))
        }
        #expect(throws: ExternalProcessError.self) { try ExternalProcess.runBlocking([]) }
        #expect(throws: ExternalProcessError.self) { try ExternalProcess.runBlocking(["echo", "a\u{0}b"]) }
    }

    @Test func argumentsAreNeverReadByAShell() throws {
        let result = try ExternalProcess.runBlocking(["printf", "%s", "$(id);`id`|x"], output: .capture)
        #expect(String(decoding: result.output, as: UTF8.self) == "$(id);`id`|x")
    }

    @Test func startCallsBackWhenDone() async throws {
        let result: ExternalProcess.Result = await withCheckedContinuation { continuation in
            do {
                try ExternalProcess.start(["/bin/sh", "-c", "exit 7"]) { continuation.resume(returning: $0) }
            } catch {
                continuation.resume(returning: ExternalProcess.Result(status: -1, signaled: false, output: [], truncated: false))
            }
        }
        #expect(result.status == 7)
    }

    @Test func findsExecutablesInPath() {
        #expect(ExternalProcess.findExecutable("sh", environment: ["PATH": "/nonexistent:/bin:/usr/bin"]) != nil)
        #expect(ExternalProcess.findExecutable("sh", environment: ["PATH": "/nonexistent"]) == nil)
        #expect(ExternalProcess.findExecutable("/bin/sh") == "/bin/sh")
    }
}
