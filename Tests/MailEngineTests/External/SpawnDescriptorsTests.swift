import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MailEngine

/// Programs tern starts (viewers, the editor, shell commands) must not keep tern's other files open:
/// a pipe end they inherited (a background sendmail's standard input, which Foundation leaves
/// inheritable) would keep its reader waiting for an end of file until they exit.
@Suite(.serialized) struct SpawnDescriptorsTests {
    /// An inheritable pipe, as Foundation's `Pipe` makes them.
    struct InheritablePipe {
        var read: Int32
        var write: Int32

        init() throws {
            var fds: [Int32] = [-1, -1]
            try #require(pipe(&fds) == 0)
            read = fds[0]
            write = fds[1]
            #expect(fcntl(write, F_GETFD) & FD_CLOEXEC == 0)
        }

        /// Closes the write end and tells whether the reader sees the end of file within `seconds`.
        func closeWriterAndSeeEndOfFile(within seconds: Double = 1.5) -> Bool {
            close(write)
            var entry = pollfd(fd: read, events: Int16(POLLIN), revents: 0)
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
                let ready = poll(&entry, 1, left)
                if ready < 0 && errno == EINTR { continue }
                guard ready > 0 else { return false }
                var byte: UInt8 = 0
                return Glibc.read(read, &byte, 1) == 0
            }
        }
    }

    /// Runs `body` on a thread of its own; the returned semaphore is signalled when it ends.
    static func inBackground(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread {
            body()
            done.signal()
        }.start()
        return done
    }

    @Test func aViewerStartedInTheBackgroundDoesNotHoldAPipeOpen() throws {
        let pipe = try InheritablePipe()
        defer { close(pipe.read) }
        let pid = try ExternalProcess.start(["sleep", "5"])
        defer { kill(pid, SIGKILL) }
        #expect(pipe.closeWriterAndSeeEndOfFile())
        #expect(kill(pid, 0) == 0, "the child still runs while the reader sees the end of file")
    }

    @Test func aProgramRunInTheForegroundDoesNotHoldAPipeOpen() async throws {
        let pipe = try InheritablePipe()
        defer { close(pipe.read) }
        let running = Task { try await ExternalProcess.run(["/bin/sh", "-c", "sleep 2"], input: .bytes([1, 2, 3]), output: .capture) }
        try await Task.sleep(for: .milliseconds(200))
        #expect(pipe.closeWriterAndSeeEndOfFile())
        #expect(try await running.value.succeeded)
    }

    @Test func theEditorDoesNotHoldAPipeOpen() throws {
        let pipe = try InheritablePipe()
        defer { close(pipe.read) }
        let launch = EditorLaunch(editor: "sleep 2; true", file: "/dev/null")
        let done = Self.inBackground { _ = EditorRunner.run(launch) }
        usleep(200_000)
        #expect(pipe.closeWriterAndSeeEndOfFile())
        done.wait()
    }

    @Test func aShellCommandDoesNotHoldAPipeOpen() throws {
        let pipe = try InheritablePipe()
        defer { close(pipe.read) }
        let done = Self.inBackground { _ = try? ShellCommand(command: "sleep 2").run() }
        usleep(200_000)
        #expect(pipe.closeWriterAndSeeEndOfFile())
        done.wait()
    }

    @Test func theChildStillGetsItsStandardStreams() throws {
        // Closing everything above 2 must not close what was put at 0, 1 and 2.
        let result = try ExternalProcess.runBlocking(["/bin/sh", "-c", "cat; echo err >&2; ls /proc/self/fd"],
                                                     input: .bytes(Array("in\n".utf8)), output: .capture)
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n")
        #expect(lines.prefix(2) == ["in", "err"])
        // ls itself opens one descriptor (3, the directory it lists); nothing else above 2.
        let open = lines.dropFirst(2).compactMap { Int($0) }.filter { $0 > 3 }
        #expect(open.isEmpty, "descriptors the child inherited: \(open)")
    }

    @Test func markingCloseOnExecCoversEveryOpenDescriptor() throws {
        let pipe = try InheritablePipe()
        defer {
            close(pipe.read)
            close(pipe.write)
        }
        SpawnDescriptors.markOpenDescriptorsCloseOnExec()
        #expect(fcntl(pipe.read, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(pipe.write, F_GETFD) & FD_CLOEXEC != 0)
    }
}
