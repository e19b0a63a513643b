import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs another program: a mailcap viewer, the URL opener, the command a message is piped to.
///
/// Programs are started with `posix_spawn` on an argument vector, never through a shell unless the
/// caller puts `/bin/sh -c` in that vector itself (only ``PipeCommand`` does, for the command the
/// user typed). The child gets default signal handling (SIGPIPE, SIGINT, SIGTSTP ... as a shell
/// would give it) whatever tern ignores, and its standard streams as asked; no other descriptor of
/// tern reaches it (``SpawnDescriptors``).
public enum ExternalProcess {
    /// What the program reads on its standard input.
    public enum Input: Sendable, Hashable {
        /// `/dev/null`.
        case null
        /// tern's own (the terminal, while the UI is suspended).
        case inherit
        /// These bytes, then end of file.
        case bytes([UInt8])
        /// The contents of this file (opened by tern, read-only).
        case file(String)
    }

    /// Where the program's standard output and standard error go.
    public enum Output: Sendable, Hashable {
        /// `/dev/null`.
        case null
        /// tern's own (the terminal, while the UI is suspended).
        case inherit
        /// Collected (both streams, interleaved) and returned, up to ``captureLimit`` bytes.
        case capture
    }

    /// How a program ended.
    public struct Result: Sendable, Hashable {
        /// The exit status, or 128 + the signal number when a signal ended it (as shells report it).
        public var status: Int32
        /// True when a signal ended it.
        public var signaled: Bool
        /// What it wrote, with ``Output/capture``.
        public var output: [UInt8]
        /// True when more than ``captureLimit`` bytes were written (the rest was dropped).
        public var truncated: Bool

        /// True for exit status 0.
        public var succeeded: Bool { status == 0 && !signaled }
    }

    /// The most output kept with ``Output/capture``: 16 MiB.
    public static let captureLimit = 16 << 20

    /// Runs `arguments` and waits for it to end. Blocking: call it from a thread that may wait
    /// (``run(_:input:output:environment:)`` does that for async callers).
    ///
    /// - Parameters:
    ///   - arguments: the program (found in `PATH` when it has no `/`) and its arguments.
    ///   - input: its standard input.
    ///   - output: its standard output and error.
    ///   - environment: its environment; tern's own when nil.
    /// - Throws: ``ExternalProcessError`` when it cannot be started.
    public static func runBlocking(_ arguments: [String], input: Input = .null, output: Output = .null,
                                   environment: [String: String]? = nil) throws -> Result {
        let child = try spawn(arguments, input: input, output: output, environment: environment)
        return child.finish()
    }

    /// Runs `arguments` on a thread of its own and returns when it has ended; the caller's task
    /// does not block a thread of the concurrency pool while the program runs.
    public static func run(_ arguments: [String], input: Input = .null, output: Output = .null,
                           environment: [String: String]? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Swift.Result { try runBlocking(arguments, input: input, output: output, environment: environment) })
            }
            thread.start()
        }
    }

    /// Starts `arguments` without waiting for it (a viewer that opens its own window); a thread
    /// reaps it when it ends and then calls `whenDone` (to remove a temporary file).
    ///
    /// - Returns: the child's process id.
    @discardableResult
    public static func start(_ arguments: [String], input: Input = .null, environment: [String: String]? = nil,
                             whenDone: (@Sendable (Result) -> Void)? = nil) throws -> pid_t {
        let child = try spawn(arguments, input: input, output: .null, environment: environment)
        let pid = child.pid
        let thread = Thread {
            let result = child.finish()
            whenDone?(result)
        }
        thread.start()
        return pid
    }

    /// The directories of `PATH` where `name` is an executable file, first match, or nil.
    public static func findExecutable(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    // MARK: - Spawning

    /// A started child and the pipes tern still holds.
    final class Child: @unchecked Sendable {
        let pid: pid_t
        var stdinBytes: [UInt8]?
        var stdinFD: Int32 = -1
        var outputFD: Int32 = -1

        init(pid: pid_t) { self.pid = pid }

        /// Feeds the input, collects the output, waits for the end.
        func finish() -> Result {
            var writer: Thread?
            if stdinFD >= 0 {
                let fd = stdinFD
                let bytes = stdinBytes ?? []
                if outputFD >= 0 {
                    // Write on another thread while this one reads, so neither pipe can fill up.
                    let done = DispatchSemaphore(value: 0)
                    writer = Thread {
                        ExternalProcess.writeAll(fd, bytes)
                        close(fd)
                        done.signal()
                    }
                    writer?.start()
                    defer { done.wait() }
                    let (captured, truncated) = ExternalProcess.readAll(outputFD)
                    close(outputFD)
                    return ExternalProcess.wait(pid, output: captured, truncated: truncated)
                }
                ExternalProcess.writeAll(fd, bytes)
                close(fd)
            }
            var captured: [UInt8] = []
            var truncated = false
            if outputFD >= 0 {
                (captured, truncated) = ExternalProcess.readAll(outputFD)
                close(outputFD)
            }
            return ExternalProcess.wait(pid, output: captured, truncated: truncated)
        }
    }

    /// Signals whose handling the child gets back to the default.
    static let defaultedSignals: [Int32] = [SIGPIPE, SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGHUP,
                                           SIGTERM, SIGWINCH, SIGALRM, SIGUSR1, SIGUSR2, SIGCONT]

    static let ignoreSIGPIPE: Void = {
        // Writing to a pipe whose reader has gone must fail with EPIPE, not end tern.
        signal(SIGPIPE, SIG_IGN)
    }()

    static func spawn(_ arguments: [String], input: Input, output: Output, environment: [String: String]?) throws -> Child {
        guard let program = arguments.first, !program.isEmpty else {
            throw ExternalProcessError(command: arguments, reason: "no program to run")
        }
        if arguments.contains(where: { $0.utf8.contains(0) }) {
            throw ExternalProcessError(command: arguments, reason: "an argument contains a NUL byte")
        }
        _ = ignoreSIGPIPE
        let environment = environment ?? ProcessInfo.processInfo.environment
        guard let executable = findExecutable(program, environment: environment) else {
            throw ExternalProcessError(command: arguments, reason: "\(program) was not found (looked in PATH); install it or change the setting that names it")
        }

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in defaultedSignals { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        var stdinWrite: Int32 = -1
        var outputRead: Int32 = -1
        do {
            switch input {
            case .null:
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            case .inherit:
                break
            case .bytes:
                let (r, w) = try makePipe(arguments)
                childEnds.append(r)
                parentEnds.append(w)
                stdinWrite = w
                posix_spawn_file_actions_adddup2(&actions, r, 0)
            case .file(let path):
                let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
                guard fd >= 0 else {
                    throw ExternalProcessError(command: arguments, reason: "cannot open \(path): \(String(cString: strerror(errno)))")
                }
                childEnds.append(fd)
                posix_spawn_file_actions_adddup2(&actions, fd, 0)
            }
            switch output {
            case .null:
                posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
                posix_spawn_file_actions_adddup2(&actions, 1, 2)
            case .inherit:
                break
            case .capture:
                let (r, w) = try makePipe(arguments)
                childEnds.append(w)
                parentEnds.append(r)
                outputRead = r
                posix_spawn_file_actions_adddup2(&actions, w, 1)
                posix_spawn_file_actions_adddup2(&actions, w, 2)
            }
        } catch {
            for fd in parentEnds { close(fd) }
            throw error
        }

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        // Last: the child keeps 0, 1 and 2 only (the dup2s above read the pipe ends first).
        SpawnDescriptors.closeInherited(&actions)
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else {
            for fd in parentEnds { close(fd) }
            throw ExternalProcessError(command: arguments, reason: "cannot start \(program): \(String(cString: strerror(code)))")
        }
        let child = Child(pid: pid)
        child.stdinFD = stdinWrite
        if case .bytes(let bytes) = input { child.stdinBytes = bytes }
        child.outputFD = outputRead
        return child
    }

    /// A pipe whose ends are closed on exec (the child gets its end through dup2).
    static func makePipe(_ arguments: [String]) throws -> (read: Int32, write: Int32) {
        guard let ends = CloseOnExecPipe.make() else {
            throw ExternalProcessError(command: arguments, reason: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        return ends
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return  // EPIPE: the program stopped reading; that is its choice
                }
                offset += n
            }
        }
    }

    static func readAll(_ fd: Int32) -> ([UInt8], Bool) {
        var result: [UInt8] = []
        var truncated = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                break
            }
            if n == 0 { break }
            if result.count < captureLimit {
                result.append(contentsOf: buffer[0..<min(n, captureLimit - result.count)])
                if result.count == captureLimit && n > 0 { truncated = true }
            } else {
                truncated = true
            }
        }
        return (result, truncated)
    }

    static func wait(_ pid: pid_t, output: [UInt8], truncated: Bool) -> Result {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return Result(status: 127, signaled: false, output: output, truncated: truncated) }
        }
        let signal = status & 0x7F
        if signal == 0 {
            return Result(status: (status >> 8) & 0xFF, signaled: false, output: output, truncated: truncated)
        }
        return Result(status: 128 + signal, signaled: true, output: output, truncated: truncated)
    }
}

/// A program could not be started.
public struct ExternalProcessError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The program and its arguments.
    public var command: [String]
    /// Why.
    public var reason: String

    /// An error about `command`.
    public init(command: [String], reason: String) {
        self.command = command
        self.reason = reason
    }

    public var description: String { reason }
}
