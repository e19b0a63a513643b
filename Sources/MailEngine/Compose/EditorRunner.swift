import Foundation

/// Runs an editor in the foreground on the terminal and waits for it.
///
/// Call it with the terminal in its normal mode (the UI suspended, as TerminalKit's
/// `EventLoop.runSuspended` does): the editor inherits standard input, output and error. While it
/// runs, tern ignores SIGINT and SIGQUIT (they are the editor's), restoring them afterwards.
public enum EditorRunner {
    /// How the editor ended.
    public enum Outcome: Sendable, Hashable {
        /// It exited with this status (0 normally).
        case exited(Int32)
        /// It was killed by this signal.
        case signalled(Int32)
        /// It could not be started: the reason.
        case notStarted(String)

        /// True when the editor could not be run at all, so the built-in editor should be used.
        public var editorMissing: Bool {
            switch self {
            case .exited(let status): return EditorLaunch.notStartedStatuses.contains(status)
            case .notStarted: return true
            case .signalled: return false
            }
        }
    }

    /// Starts the launch's process and waits for it to end.
    public static func run(_ launch: EditorLaunch, environment: [String: String] = ProcessInfo.processInfo.environment) -> Outcome {
        let arguments = launch.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var ignore = sigaction()
        var savedInt = sigaction()
        var savedQuit = sigaction()
        #if os(Linux)
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        #else
        ignore.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        sigemptyset(&ignore.sa_mask)
        sigaction(SIGINT, &ignore, &savedInt)
        sigaction(SIGQUIT, &ignore, &savedQuit)
        defer {
            sigaction(SIGINT, &savedInt, nil)
            sigaction(SIGQUIT, &savedQuit, nil)
        }

        // The child starts with default signal handling and an empty mask, whatever tern set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGCHLD, SIGWINCH, SIGCONT] {
            sigaddset(&defaults, signal)
        }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        // The editor gets the terminal (0, 1, 2) and nothing else of tern's: a pipe end it inherited
        // (a background sendmail's input) would stay open until the editor exits.
        var actions = SpawnDescriptors.FileActions()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        SpawnDescriptors.closeInherited(&actions)

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        guard spawned == 0 else {
            return .notStarted("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .notStarted("lost track of the editor: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros are not imported into Swift.
        let low = status & 0x7F
        if low == 0 { return .exited((status >> 8) & 0xFF) }
        return .signalled(low)
    }
}
