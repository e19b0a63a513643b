import Foundation

/// Runs a user's shell command (`signature_command`, `query_command`) with `/bin/sh -c`, its
/// standard input closed, and collects what it writes, with a time limit.
struct ShellCommand {
    /// What the command did.
    struct Output {
        /// The exit status (128 + the signal number when killed).
        var status: Int32
        /// Standard output, at most ``limit`` bytes.
        var standardOutput: [UInt8]
        /// The first line of standard error, for messages.
        var firstErrorLine: String
        /// True when the time limit was reached and the command was stopped.
        var timedOut: Bool
    }

    /// Why a command could not be run at all.
    struct LaunchFailure: Error {
        var reason: String
    }

    /// The command line given to `sh -c`.
    var command: String
    /// Extra positional parameters (`$1`, ...), passed without shell quoting.
    var arguments: [String] = []
    /// The longest the command may run.
    var timeout: Duration = .seconds(10)
    /// The most standard output kept.
    var limit = 4 << 20

    /// Runs the command and waits for it (or for the time limit).
    ///
    /// - Throws: ``LaunchFailure`` when `/bin/sh` cannot be started.
    func run() throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command, "sh"] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw LaunchFailure(reason: "cannot start /bin/sh: \(error.localizedDescription)")
        }
        let collected = Collected()
        let readers = DispatchGroup()
        let limit = self.limit
        DispatchQueue.global().async(group: readers) {
            collected.setOutput(Self.read(out.fileHandleForReading, limit: limit))
        }
        DispatchQueue.global().async(group: readers) {
            collected.setError(Self.read(err.fileHandleForReading, limit: 4096))
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        var timedOut = false
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        // A child of the command may keep the pipes open; do not wait for it forever.
        _ = readers.wait(timeout: .now() + 2)
        let errorText = String(decoding: collected.error, as: UTF8.self)
        let firstLine = errorText.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Output(status: status, standardOutput: collected.output, firstErrorLine: firstLine, timedOut: timedOut)
    }

    /// Reads a pipe to its end, keeping at most `limit` bytes (the rest is drained).
    private static func read(_ handle: FileHandle, limit: Int) -> [UInt8] {
        var kept: [UInt8] = []
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            if kept.count < limit { kept += chunk.prefix(limit - kept.count) }
        }
        return kept
    }

    /// Output gathered by the reader threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var _output: [UInt8] = []
        private var _error: [UInt8] = []
        var output: [UInt8] { lock.withLock { _output } }
        var error: [UInt8] { lock.withLock { _error } }
        func setOutput(_ bytes: [UInt8]) { lock.withLock { _output = bytes } }
        func setError(_ bytes: [UInt8]) { lock.withLock { _error = bytes } }
    }
}
