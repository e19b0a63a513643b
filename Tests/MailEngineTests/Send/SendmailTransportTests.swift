import Foundation
@testable import MailEngine
import Testing

@Suite(.serialized) struct SendmailTransportTests {
    /// A fake sendmail: writes its arguments and input to files, prints to stderr, exits with a code.
    static func fakeSendmail(in folder: TemporaryFolder, exit code: Int32, stderr: String = "") throws -> String {
        let script = folder.url.appendingPathComponent("sendmail").path
        let body = """
            #!/bin/sh
            printf '%s\\n' "$@" > "\(folder.url.path)/args"
            cat > "\(folder.url.path)/input"
            printf '%s' '\(stderr)' >&2
            exit \(code)
            """
        try Data(body.utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        // Run through sh: exec'ing a script just written fails with ETXTBSY ("Text file busy")
        // when a process forked by another test at that moment inherited the open file.
        return "/bin/sh " + script
    }

    static func read(_ folder: TemporaryFolder, _ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: folder.url.appendingPathComponent(name).path) ?? Data(),
               as: UTF8.self)
    }

    @Test func recipientsGoAsArgumentsWithoutDashT() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let script = try Self.fakeSendmail(in: folder, exit: 0)
        let transport = SendmailTransport(command: "\(script) -i", environment: ProcessInfo.processInfo.environment)
        #expect(!transport.readsRecipientsFromHeader)
        let outcome = await (try await transport.openSession()).submit(sampleMessage, policy: .all)
        guard case .accepted = outcome else {
            Issue.record("not accepted: \(outcome)")
            return
        }
        #expect(Self.read(folder, "args") == "-i\n--\nbob@example.test\neve@example.test\n")
        #expect(Self.read(folder, "input") == String(decoding: sampleMessage.bytes, as: UTF8.self))
    }

    @Test func withDashTTheBccFieldTellsSendmail() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let script = try Self.fakeSendmail(in: folder, exit: 0)
        let transport = SendmailTransport(command: "\(script) -ti", environment: ProcessInfo.processInfo.environment)
        #expect(transport.readsRecipientsFromHeader)
        _ = await (try await transport.openSession()).submit(sampleMessage, policy: .all)
        #expect(Self.read(folder, "args") == "-ti\n")
        #expect(Self.read(folder, "input").contains("Subject: hi\r\nBcc: eve@example.test\r\n\r\n"))
    }

    @Test(arguments: [(Int32(1), false), (75, true)])
    func aFailureShowsStandardError(code: Int32, transient: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let script = try Self.fakeSendmail(in: folder, exit: code, stderr: "sendmail: fatal: no such user\u{1B}[2J")
        let transport = SendmailTransport(command: script, environment: ProcessInfo.processInfo.environment)
        let outcome = await (try await transport.openSession()).submit(sampleMessage, policy: .all)
        guard case .failed(let failure) = outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.step == .sendmail)
        #expect(failure.isTransient == transient)
        #expect(failure.message == "the sendmail command exited with status \(code): sendmail: fatal: no such user?[2J")
    }

    @Test func aProgramThatReadsNothingDoesNotKillUs() async throws {
        let transport = SendmailTransport(command: "exit 0", environment: ProcessInfo.processInfo.environment)
        var big = sampleMessage
        big.bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)
        let outcome = await (try await transport.openSession()).submit(big, policy: .all)
        if case .accepted = outcome {} else { Issue.record("expected accepted: \(outcome)") }
    }

    /// Several hanging programs at once, more than the machine has cores: each is stopped at its
    /// deadline (the pipe reads once held every thread of the concurrency pool, and the deadline
    /// was never checked until the programs ended by themselves).
    @Test func manyHangingProgramsAtOnceAreEachStoppedInTime() async throws {
        var hanging = SendmailTransport(command: "cat >/dev/null; sleep 20 #", environment: ProcessInfo.processInfo.environment)
        hanging.timeout = .milliseconds(300)
        let transport = hanging
        let runs = max(4, ProcessInfo.processInfo.activeProcessorCount * 2)
        let clock = ContinuousClock()
        let start = clock.now
        let stopped = await withTaskGroup(of: Bool.self) { group in
            for _ in 0 ..< runs {
                group.addTask {
                    guard let session = try? await transport.openSession() else { return false }
                    if case .failed(let failure) = await session.submit(sampleMessage, policy: .all) {
                        return failure.message.contains("did not finish in time")
                    }
                    return false
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(stopped == runs)
        #expect(clock.now - start < .seconds(10))
    }

    @Test func aHangingProgramIsStopped() async throws {
        var transport = SendmailTransport(command: "cat >/dev/null; sleep 30 #", environment: ProcessInfo.processInfo.environment)
        transport.timeout = .milliseconds(300)
        let outcome = await (try await transport.openSession()).submit(sampleMessage, policy: .all)
        guard case .failed(let failure) = outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.isTransient)
        #expect(failure.message.contains("did not finish in time"))
    }
}
