import Foundation
import SMTP

/// Hands messages to a local program (`sendmail = "/usr/sbin/sendmail -t -i"`): the message on its
/// standard input, success when it exits with status 0.
///
/// Recipients: when the command has the `-t` option the program reads them from the header, so
/// the message goes with its Bcc field (sendmail removes it before delivery); otherwise the
/// recipients are added as arguments after `--`, as mutt and aerc do.
public struct SendmailTransport: MessageTransport {
    /// The command line, run with `/bin/sh -c`.
    public let command: String
    /// The environment of the program.
    public let environment: [String: String]
    /// The longest the program may run per message.
    public var timeout: Duration

    /// A transport running `command`.
    public init(command: String, environment: [String: String], timeout: Duration = .seconds(300)) {
        self.command = command
        self.environment = environment
        self.timeout = timeout
    }

    /// Nothing to open: each message starts the program.
    public func openSession() async throws(SendFailure) -> any SubmissionSession {
        SendmailSession(transport: self)
    }

    /// True when the command line has a `-t` option (possibly combined, as in `-ti`).
    var readsRecipientsFromHeader: Bool {
        command.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().contains { word in
            word.hasPrefix("-") && !word.hasPrefix("--") && word.dropFirst().contains("t")
                && word.dropFirst().allSatisfy { $0.isLetter }
        }
    }
}

struct SendmailSession: SubmissionSession {
    let transport: SendmailTransport

    func submit(_ message: OutgoingMessage, policy: SMTPRecipientPolicy) async -> SubmissionOutcome {
        let fromHeader = transport.readsRecipientsFromHeader
        let input = fromHeader ? BccField.adding(message.bcc, to: message.bytes) : message.bytes
        // "$@" keeps each recipient one argument, whatever it contains.
        let arguments = fromHeader ? ["-c", transport.command]
            : ["-c", transport.command + " -- \"$@\"", "sendmail"] + message.recipients
        let result: ProgramResult
        do {
            result = try await ProgramRunner.run("/bin/sh", arguments: arguments, input: input,
                                                 environment: transport.environment, timeout: transport.timeout)
        } catch {
            return .failed(SendFailure(step: .sendmail, message: "\(error)", isTransient: false))
        }
        if result.timedOut {
            return .failed(SendFailure(step: .sendmail, message: "the sendmail command did not finish in time and was stopped",
                                       isTransient: true))
        }
        guard result.status == 0 else {
            let said = result.standardError.isEmpty ? "" : ": " + result.standardError
            // EX_TEMPFAIL (75, sysexits.h): the program says to try again later.
            return .failed(SendFailure(step: .sendmail,
                                       message: "the sendmail command exited with status \(result.status)\(said)",
                                       isTransient: result.status == 75))
        }
        return .accepted(SubmissionReceipt(reply: "handed to the sendmail command, which exited with status 0"))
    }

    func close() async {}
}

/// What a program did.
struct ProgramResult: Sendable {
    var status: Int32
    /// Standard error, made printable, at most 2,000 characters.
    var standardError: String
    var timedOut: Bool
}

/// Runs a program with bytes on its standard input, collecting standard error.
enum ProgramRunner {
    struct LaunchError: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ path: String, arguments: [String], input: [UInt8], environment: [String: String],
                    timeout: Duration) async throws -> ProgramResult {
        // A program that exits without reading all of its input must not kill tern with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe.closedOnExec(), stderr = Pipe.closedOnExec()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        let finished = AsyncFlag()
        process.terminationHandler = { _ in finished.set() }
        do {
            try process.run()
        } catch {
            throw LaunchError(description: "the sendmail command could not be started: \(error.localizedDescription)")
        }
        // Standard error is read on its own thread so a chatty program cannot block on a full pipe
        // while we write its input.
        let errorReader = onOwnThread { stderr.fileHandleForReading.readDataToEndOfFile() }
        let writer = onOwnThread {
            let handle = stdin.fileHandleForWriting
            try? handle.write(contentsOf: Data(input))
            try? handle.close()
        }
        let deadline = ContinuousClock.now + timeout
        while !finished.isSet {
            if ContinuousClock.now >= deadline {
                // Its children may keep the pipes open: do not wait for them.
                process.terminate()
                return ProgramResult(status: -1, standardError: "", timedOut: true)
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        _ = await writer.value
        let errorData = await errorReader.value
        process.waitUntilExit()
        let text = String(decoding: errorData.prefix(2000), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let printable = String(text.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F ? "?" : Character($0) })
            .replacingOccurrences(of: "\n", with: " / ")
        return ProgramResult(status: process.terminationStatus, standardError: printable, timedOut: false)
    }
}

extension ProgramRunner {
    /// Runs blocking work (a pipe read or write) on a thread of its own, never on the concurrency
    /// pool: that pool has one thread per core, and reads that wait for a hanging program's pipes
    /// held them all (on 2 cores, two such runs at once), so the deadline check above never ran and
    /// a `sleep 30` was waited for in full.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) -> Task<T, Never> {
        Task {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: work()) }.start()
            }
        }
    }
}

/// A flag set once from any thread.
final class AsyncFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
