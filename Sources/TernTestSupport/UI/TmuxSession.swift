import Foundation
import MailEngine
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server running bash, for driving the real `tern` binary in end-to-end tests and
/// benchmarks. Markers tests wait for (`EXIT=`, `DONE`) are typed with quotes inside (`EX''IT=`)
/// so the typed command line never matches them.
public final class TmuxSession {
    /// Whether tmux is installed.
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// A folder of the session's own (files the commands write, `stty -a` before and after).
    public let directory: URL
    private let socket = "tern-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// Starts a server with one `width`x`height` window running bash in a UTF-8 locale.
    /// - Throws: ``TmuxError`` when tmux cannot start.
    public init(width: Int = 80, height: Int = 24) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tern-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let status = run(["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)",
                          "env", "PS1=$ ", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=tmux-256color",
                          "bash", "--norc", "--noprofile", "-i"])
        guard status.status == 0 else { throw TmuxError("tmux new-session failed with status \(status.status)") }
    }

    /// Runs `command` in the pane between `stty -a` snapshots, then prints `EXIT=status` and `DONE`.
    public func start(_ command: String) {
        sendLiteral("clear; stty -a > \(directory.path)/before; \(command); echo EX''IT=$?; stty -a > \(directory.path)/after; echo DO''NE")
        send("Enter")
    }

    /// The contents of a file of ``directory``.
    public func file(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Whether `stty -a` after the command equals `stty -a` before it (the window size line aside),
    /// and tmux sees the terminal modes back to normal; a description of the difference otherwise.
    public func terminalRestored() throws -> String? {
        _ = try waitFor { $0.contains("DONE") }
        let before = try file("before").split(separator: "\n").dropFirst()
        let after = try file("after").split(separator: "\n").dropFirst()
        if before.count < 3 { return "stty -a printed nothing useful: \(before)" }
        if before != after { return "stty -a differs:\nbefore: \(before)\nafter: \(after)" }
        let deadline = Date().addingTimeInterval(2)
        var current = ""
        while Date() < deadline {
            current = modes()
            if current == "alternate=0 mouse=0 sgr=0 keypad=0 cursor=1" { return nil }
            usleep(20_000)
        }
        return "terminal modes are \(current) after the program ended"
    }

    /// The pane's terminal modes as tmux tracks them.
    public func modes() -> String {
        let format = "alternate=#{alternate_on} mouse=#{mouse_standard_flag} sgr=#{mouse_sgr_flag} keypad=#{keypad_cursor_flag} cursor=#{cursor_flag}"
        return String(decoding: run(["display-message", "-p", "-t", "t", format], capture: true).output, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the pane's terminal modes (``modes()``) are `expected`: the last redraw may
    /// still be on its way.
    /// - Throws: ``TmuxError`` naming the modes seen when they do not come within `timeout`.
    public func waitForModes(_ expected: String, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var current = ""
        while Date() < deadline {
            current = modes()
            if current == expected { return }
            usleep(20_000)
        }
        throw TmuxError("terminal modes are \(current), expected \(expected)")
    }

    /// Sends keys by tmux name (`j`, `Enter`, `C-d`, `PageDown`).
    public func send(_ keys: String...) { run(["send-keys", "-t", "t"] + keys) }
    /// Types text literally.
    public func sendLiteral(_ text: String) { run(["send-keys", "-t", "t", "-l", text]) }
    /// Sends raw bytes given in hex (`1b 5b 41`), as a terminal would send them.
    public func sendHex(_ hex: String) { run(["send-keys", "-t", "t", "-H"] + hex.split(separator: " ").map(String.init)) }
    /// Pastes text as the terminal does (bracketed when the program asked for it).
    public func paste(_ text: String) {
        run(["set-buffer", "-b", "paste", text])
        run(["paste-buffer", "-p", "-b", "paste", "-t", "t"])
    }
    /// Resizes the window.
    public func resize(width: Int, height: Int) { run(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"]) }

    /// The pane's text.
    public func capture() -> String {
        String(decoding: run(["capture-pane", "-p", "-t", "t"], capture: true).output, as: UTF8.self)
    }

    /// Polls the pane every `interval` until `predicate` holds (at most `timeout`); returns the text.
    /// - Throws: ``TmuxError`` with the pane's text on a timeout.
    @discardableResult
    public func waitFor(timeout: TimeInterval = 10, interval: useconds_t = 20_000, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while Date() < deadline {
            text = capture()
            if predicate(text) { return text }
            usleep(interval)
        }
        throw TmuxError("timed out; the pane shows:\n\(text)")
    }

    /// Stops the server and removes ``directory``.
    public func kill() {
        run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs tmux on the private socket with a clean signal mask (the test runner blocks signals its
    /// children must not inherit); returns its status and, when `capture`, its standard output.
    @discardableResult
    public func run(_ args: [String], capture: Bool = false) -> (status: Int32, output: Data) {
        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args
        var fds: [Int32] = [-1, -1]
        // Close-on-exec from the start: a program another thread spawns between here and our spawn
        // (a tmux server above all, which lives for the whole session) must not get the write end,
        // or the read below waits for that program to end.
        // (A socket pair because Swift does not see pipe2; SOCK_CLOEXEC sets the flag atomically.)
        if capture {
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
            guard socketpair(AF_UNIX, type, 0, &fds) == 0 else { return (-1, Data()) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else (descriptors above 2 are closed in the child): the tmux server lives for the
        // whole session, and a pipe it inherited from another test (a sendmail command's input, a
        // capture pipe) would never see its end of file.
        SpawnDescriptors.closeInherited(&actions)
        var cArgs = argv.map { strdup($0) }
        defer { cArgs.forEach { free($0) } }
        cArgs.append(nil)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        var data = Data()
        if capture {
            close(fds[1])
            var chunk = [UInt8](repeating: 0, count: 4096)
            while spawned == 0 {
                let n = read(fds[0], &chunk, chunk.count)
                if n > 0 { data.append(contentsOf: chunk[0..<n]) } else if n < 0 && errno == EINTR { continue } else { break }
            }
            close(fds[0])
        }
        guard spawned == 0 else { return (-1, data) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return ((status >> 8) & 0xFF, data)
    }
}

/// A tmux session failed or timed out.
public struct TmuxError: Error, CustomStringConvertible {
    /// What happened.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
