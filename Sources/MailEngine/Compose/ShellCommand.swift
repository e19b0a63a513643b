import Foundation

/// Runs a user's shell command (`signature_command`, `query_command`) with `/bin/sh -c`, standard
/// input from /dev/null, and collects what it writes, with a time limit.
///
/// The command runs in a process group of its own, so that when the time is up the whole group
/// (the shell and whatever it started) is stopped: SIGTERM, then SIGKILL a second later.
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
    /// The most standard output kept (the rest is read and dropped).
    var limit = 4 << 20

    /// Runs the command and waits for it (or for the time limit).
    ///
    /// - Throws: ``LaunchFailure`` when `/bin/sh` cannot be started.
    func run() throws -> Output {
        guard let outEnds = CloseOnExecPipe.make() else {
            throw LaunchFailure(reason: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        guard let errEnds = CloseOnExecPipe.make() else {
            close(outEnds.read); close(outEnds.write)
            throw LaunchFailure(reason: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        let outPipe = [outEnds.read, outEnds.write]
        let errPipe = [errEnds.read, errEnds.write]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        SpawnDescriptors.closeInherited(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argumentList = ["/bin/sh", "-c", command, "sh"] + arguments
        var argv: [UnsafeMutablePointer<CChar>?] = argumentList.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, &envp)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw LaunchFailure(reason: "cannot start /bin/sh: \(String(cString: strerror(spawned)))")
        }
        defer { close(outPipe[0]); close(errPipe[0]) }

        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let deadline = Date().addingTimeInterval(seconds)
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { timedOut = true; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000 + 1, 1000)))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                let n = read(entry.fd, &buffer, buffer.count)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                if entry.fd == outPipe[0] {
                    if output.count < limit { output += buffer[0..<min(n, limit - output.count)] }
                } else if errors.count < 4096 {
                    errors += buffer[0..<min(n, 4096 - errors.count)]
                }
            }
        }
        var status: Int32 = 0
        // The output is closed; the command may still be running (or the time is up).
        while !timedOut {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if Date() >= deadline { timedOut = true; break }
            usleep(5_000)
        }
        if timedOut {
            kill(-pid, SIGTERM)
            let grace = Date().addingTimeInterval(1)
            var reaped = false
            while Date() < grace {
                if waitpid(pid, &status, WNOHANG) == pid { reaped = true; break }
                usleep(5_000)
            }
            if !reaped {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            }
        }
        let errorText = String(decoding: errors, as: UTF8.self)
        let firstLine = errorText.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let low = status & 0x7F
        let exitStatus = low == 0 ? (status >> 8) & 0xFF : 128 + low
        return Output(status: exitStatus, standardOutput: output, firstErrorLine: firstLine, timedOut: timedOut)
    }
}
