import Foundation
import TernConfig

/// Turns an account's `password_command` / `password_env` into the secret.
///
/// A command runs with `/bin/sh -c`, standard input from /dev/null; the secret is the first line
/// of its standard output (the line end removed). A command that fails, prints nothing or runs
/// longer than ``timeout`` is an error naming the account and the exit status; its output is never
/// shown. The last line of its standard error (e.g. "gpg: decryption failed: No secret key") is
/// shown, as it explains the failure.
public struct SecretResolver: Sendable {
    /// The environment `password_env` is read from (normally the process's).
    public var environment: [String: String]
    /// How long a command may run (a password manager may wait for the user to unlock it).
    public var timeout: Duration

    /// A resolver over an environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, timeout: Duration = .seconds(120)) {
        self.environment = environment
        self.timeout = timeout
    }

    /// Resolves a secret source.
    /// - Parameters:
    ///   - source: Where the secret comes from.
    ///   - account: The account's name, for error messages.
    ///   - what: What the secret is, for error messages (`password`, `OAuth token`).
    /// - Throws: `SecretError`.
    public func resolve(_ source: SecretSource, account: String, what: String = "password") throws -> Secret {
        if let name = source.environmentVariable {
            guard let value = environment[name], !value.isEmpty else {
                throw SecretError(account: account, what: what, problem: .environmentUnset)
            }
            return Secret(value)
        }
        guard let command = source.command else {
            throw SecretError(account: account, what: what, problem: .environmentUnset)
        }
        let output = try run(command, account: account, what: what)
        var line = output.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first.map(Array.init) ?? []
        if line.last == 0x0D { line.removeLast() }
        guard !line.isEmpty else { throw SecretError(account: account, what: what, problem: .emptyOutput) }
        return Secret(String(decoding: line, as: UTF8.self))
    }

    private func run(_ command: String, account: String, what: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe.closedOnExec()
        let stderr = Pipe.closedOnExec()
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw SecretError(account: account, what: what, problem: .couldNotStart(String(describing: error)))
        }
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let timer = DispatchWorkItem { [process] in
            if process.isRunning {
                collected.markTimedOut()
                process.terminate()
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        process.waitUntilExit()
        timer.cancel()
        group.wait()
        let (output, errorText, timedOut) = collected.values()
        if timedOut { throw SecretError(account: account, what: what, problem: .timedOut(Int(seconds))) }
        if process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
            let lastLine = String(decoding: errorText, as: UTF8.self)
                .split(whereSeparator: \.isNewline).last.map { String($0.prefix(200)) }
            throw SecretError(account: account, what: what,
                              problem: .commandFailed(status: process.terminationStatus,
                                                      signal: process.terminationReason == .uncaughtSignal,
                                                      stderr: lastLine.map(Self.printable)))
        }
        return output
    }

    /// Text with control characters replaced, safe for a terminal.
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || (0x7F ..< 0xA0).contains($0.value) ? "?" : $0 }))
    }

    /// What the reader threads collect.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var output: [UInt8] = []
        private var error: [UInt8] = []
        private var timedOut = false

        func set(_ data: Data, isError: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isError { error = [UInt8](data) } else { output = [UInt8](data) }
        }

        func markTimedOut() {
            lock.lock()
            timedOut = true
            lock.unlock()
        }

        func values() -> ([UInt8], [UInt8], Bool) {
            lock.lock()
            defer { lock.unlock() }
            return (output, error, timedOut)
        }
    }
}

/// A secret that could not be resolved. The message names the account and what went wrong, and
/// never holds the command, the variable's name or anything the command printed on its output.
public struct SecretError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Problem: Sendable, Equatable {
        /// The command exited with a non-zero status (or was killed by a signal).
        case commandFailed(status: Int32, signal: Bool, stderr: String?)
        /// The command printed an empty first line.
        case emptyOutput
        /// The command ran longer than the timeout (seconds).
        case timedOut(Int)
        /// /bin/sh could not be started.
        case couldNotStart(String)
        /// The environment variable is not set or empty.
        case environmentUnset
    }

    /// The account.
    public let account: String
    /// `password` or `OAuth token`.
    public let what: String
    /// What went wrong.
    public let problem: Problem

    public var description: String {
        let subject = "account \"\(account)\": the \(what)"
        switch problem {
        case .commandFailed(let status, let signal, let stderr):
            var text = "\(subject) command failed (\(signal ? "killed by signal" : "exit status") \(status))"
            if let stderr, !stderr.isEmpty { text += "; it said: \(stderr)" }
            return text + ". Run the command yourself to see why."
        case .emptyOutput:
            return "\(subject) command printed nothing; it must print the \(what) on its first line."
        case .timedOut(let seconds):
            return "\(subject) command did not finish within \(seconds) seconds and was stopped."
        case .couldNotStart(let reason):
            return "\(subject) command could not be started: \(reason)."
        case .environmentUnset:
            return "\(subject) environment variable named in the config is not set or empty; set it before starting tern."
        }
    }
}
