import Foundation
import Testing
@testable import TerminalKit

/// Drives the real TerminalKitDemo binary (NcursesScreen) inside tmux: keys, paste, mouse, resize,
/// running an external program, and that the terminal is restored (`stty -a` unchanged) after `q`,
/// SIGTERM, SIGINT, a crash and `Ctrl-Z`.
@Suite(.serialized, .enabled(if: Tmux.isInstalled))
struct NcursesScreenTmuxTests {
    @Test func keysPastePromptResizeEditorAndQuit() throws {
        let tmux = try Tmux()
        defer { tmux.kill() }
        try tmux.startDemo(editor: "echo EDITOR-RAN; sleep 0.2")
        let first = try tmux.waitFor { $0.contains("1/1000 80x24") }
        // Alternate screen, X10 and SGR mouse, application cursor keys (smkx) are on while it runs.
        try tmux.waitForModes("alternate=1 mouse=1 sgr=1 keypad=1 cursor=0")
        #expect(first.contains("会議の議事録"))
        #expect(first.contains("␛[31m"), "the ESC from data is shown as a placeholder")
        tmux.send("j", "j")
        _ = try tmux.waitFor { $0.contains("3/1000") }
        tmux.send("G")
        _ = try tmux.waitFor { $0.contains("1000/1000") }
        tmux.send("g", "/")
        _ = try tmux.waitFor { $0.contains("Search:") }
        tmux.sendLiteral("héllo 中")
        tmux.send("Enter")
        _ = try tmux.waitFor { $0.contains("TerminalKitDemo héllo 中") }
        // Bracketed paste: tmux wraps it in ESC[200~ ... ESC[201~ because the demo asked for it.
        tmux.paste("pasted\nline")
        _ = try tmux.waitFor { $0.contains("paste 11") }
        // SGR mouse click on screen row 5 (list row 4: the list starts on row 1).
        tmux.sendHex("1b 5b 3c 30 3b 33 3b 36 4d 1b 5b 3c 30 3b 33 3b 36 6d")
        _ = try tmux.waitFor { $0.contains("5/1000") }
        tmux.resize(width: 60, height: 20)
        let resized = try tmux.waitFor { $0.contains("60x20") }
        #expect(resized.split(separator: "\n", omittingEmptySubsequences: false).count >= 20)
        tmux.send("F5")
        _ = try tmux.waitFor { $0.contains("<F5>") }
        tmux.send("e")
        _ = try tmux.waitFor { $0.contains("editor=0") }
        tmux.send("q")
        let after = try tmux.waitFor { $0.contains("EXIT=0") }
        #expect(after.contains("bye"))
        #expect(!after.contains("TerminalKitDemo héllo"), "the alternate screen is gone")
        try tmux.expectTerminalRestored()
    }

    @Test(arguments: [("TERM", SIGTERM, 143), ("INT", SIGINT, 130), ("HUP", SIGHUP, 129)] as [(String, Int32, Int)])
    func signalRestoresTheTerminal(name: String, signal: Int32, status: Int) throws {
        let tmux = try Tmux()
        defer { tmux.kill() }
        try tmux.startDemo()
        _ = try tmux.waitFor { $0.contains("1/1000") }
        let pid = try tmux.demoPID()
        #expect(kill(pid, signal) == 0)
        _ = try tmux.waitFor { $0.contains("EXIT=\(status)") }
        try tmux.expectTerminalRestored()
    }

    /// SIGTSTP from outside (not the Ctrl-Z key): the guard restores, stops, and on `fg` re-enters
    /// the UI modes and the loop redraws.
    @Test func externalStopAndContinue() throws {
        let tmux = try Tmux()
        defer { tmux.kill() }
        try tmux.startDemo()
        _ = try tmux.waitFor { $0.contains("1/1000") }
        let pid = try tmux.demoPID()
        #expect(kill(pid, SIGTSTP) == 0)
        _ = try tmux.waitFor { $0.contains("Stopped") }
        try tmux.expectTerminalRestored()
        tmux.sendLiteral("clear; fg")
        tmux.send("Enter")
        _ = try tmux.waitFor { $0.contains("1/1000") && $0.contains("TerminalKitDemo") }
        try tmux.waitForModes("alternate=1 mouse=1 sgr=1 keypad=1 cursor=0")
        tmux.send("j")
        _ = try tmux.waitFor { $0.contains("2/1000") }
        tmux.send("q")
        _ = try tmux.waitFor { $0.contains("bye") }
        tmux.sendLiteral("stty -a > \(tmux.dir.path)/after; echo DO''NE")
        tmux.send("Enter")
        try tmux.expectTerminalRestored()
    }

    @Test func crashRestoresTheTerminal() throws {
        let tmux = try Tmux()
        defer { tmux.kill() }
        try tmux.startDemo(allowCrash: true)
        _ = try tmux.waitFor { $0.contains("1/1000") }
        tmux.send("!")
        let screen = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(!screen.contains("EXIT=0"))
        try tmux.expectTerminalRestored()
    }

    /// Bash goes on with the command line when the demo stops, so `after` is `stty -a` while stopped.
    @Test func ctrlZSuspendsAndFgResumes() throws {
        let tmux = try Tmux()
        defer { tmux.kill() }
        try tmux.startDemo()
        _ = try tmux.waitFor { $0.contains("1/1000") }
        tmux.send("j")
        _ = try tmux.waitFor { $0.contains("2/1000") }
        tmux.send("C-z")
        _ = try tmux.waitFor { $0.contains("Stopped") }
        try tmux.expectTerminalRestored()
        tmux.sendLiteral("clear; fg")
        tmux.send("Enter")
        _ = try tmux.waitFor { $0.contains("2/1000") && $0.contains("TerminalKitDemo") }
        try tmux.waitForModes("alternate=1 mouse=1 sgr=1 keypad=1 cursor=0")
        tmux.send("j")
        _ = try tmux.waitFor { $0.contains("3/1000") }
        tmux.send("q")
        _ = try tmux.waitFor { $0.contains("bye") }
        tmux.sendLiteral("stty -a > \(tmux.dir.path)/after; echo DO''NE")
        tmux.send("Enter")
        try tmux.expectTerminalRestored()
    }
}

/// A private tmux server running bash, for driving the demo. Markers the tests wait for (`EXIT=`,
/// `DONE`) are typed with quotes inside (`EX''IT=`) so the typed command line never matches them.
final class Tmux {
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    let socket = "tkit-\(getpid())-\(UUID().uuidString.prefix(8))"
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tkit-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let status = run(["new-session", "-d", "-s", "t", "-x", "80", "-y", "24",
                          "env", "PS1=$ ", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "bash", "--norc", "--noprofile", "-i"])
        guard status.status == 0 else { throw TmuxError(message: "tmux new-session failed with \(status.status)") }
    }

    /// The demo binary next to the test bundle (SwiftPM builds every product of the package).
    static func demoPath() throws -> String {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("TerminalKitDemo").path]
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        candidates.append(root.appendingPathComponent(".build/debug/TerminalKitDemo").path)
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TmuxError(message: "TerminalKitDemo not built (looked in \(candidates)); run `swift build --product TerminalKitDemo`")
        }
        return path
    }

    func startDemo(editor: String = "true", allowCrash: Bool = false) throws {
        let demo = try Self.demoPath()
        let env = "TKIT_DEMO_PIDFILE=\(dir.path)/pid DEMO_EDITOR='\(editor)'" + (allowCrash ? " TKIT_DEMO_ALLOW_CRASH=1 SWIFT_BACKTRACE=enable=no" : "")
        sendLiteral("clear; stty -a > \(dir.path)/before; \(env) \(demo); echo EX''IT=$?; stty -a > \(dir.path)/after; echo DO''NE")
        send("Enter")
    }

    func demoPID() throws -> pid_t {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOf: dir.appendingPathComponent("pid"), encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            usleep(20_000)
        }
        throw TmuxError(message: "the demo did not write its pid")
    }

    func file(_ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    /// `stty -a` after the demo equals `stty -a` before it (but for the first line, which holds the
    /// window size).
    func expectTerminalRestored(sourceLocation: SourceLocation = #_sourceLocation) throws {
        _ = try waitFor { $0.contains("DONE") }
        let before = try file("before").split(separator: "\n").dropFirst()
        let after = try file("after").split(separator: "\n").dropFirst()
        #expect(before.count > 3)
        #expect(before == after, "stty -a differs:\nbefore: \(before)\nafter: \(after)", sourceLocation: sourceLocation)
        try waitForModes("alternate=0 mouse=0 sgr=0 keypad=0 cursor=1")
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("after"))
    }

    /// The pane's terminal modes as tmux tracks them.
    func modes() -> String {
        let format = "alternate=#{alternate_on} mouse=#{mouse_standard_flag} sgr=#{mouse_sgr_flag} keypad=#{keypad_cursor_flag} cursor=#{cursor_flag}"
        return String(decoding: run(["display-message", "-p", "-t", "t", format], capture: true).output, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits (2 s at most) until the pane's modes are `expected`; the last redraw may still be on its way.
    func waitForModes(_ expected: String) throws {
        let deadline = Date().addingTimeInterval(2)
        var current = ""
        while Date() < deadline {
            current = modes()
            if current == expected { return }
            usleep(20_000)
        }
        throw TmuxError(message: "terminal modes are \(current), expected \(expected)")
    }

    func send(_ keys: String...) { run(["send-keys", "-t", "t"] + keys) }
    func sendLiteral(_ text: String) { run(["send-keys", "-t", "t", "-l", text]) }
    func sendHex(_ hex: String) { run(["send-keys", "-t", "t", "-H"] + hex.split(separator: " ").map(String.init)) }
    func paste(_ text: String) {
        run(["set-buffer", "-b", "tk", text])
        run(["paste-buffer", "-p", "-b", "tk", "-t", "t"])
    }
    func resize(width: Int, height: Int) { run(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"]) }

    func capture() -> String {
        String(decoding: run(["capture-pane", "-p", "-t", "t"], capture: true).output, as: UTF8.self)
    }

    /// Polls the pane until `predicate` holds (10 s at most); returns the pane text.
    func waitFor(_ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(10)
        var text = ""
        while Date() < deadline {
            text = capture()
            if predicate(text) { return text }
            usleep(30_000)
        }
        throw TmuxError(message: "timed out; the pane shows:\n\(text)")
    }

    func kill() {
        run(["kill-server"])
        try? FileManager.default.removeItem(at: dir)
    }

    /// Runs tmux on the private socket; returns its status and (when `capture`) its standard output.
    /// Uses posix_spawn and waitpid directly: the tmux server that new-session forks must not inherit
    /// a pipe we read to its end.
    @discardableResult
    func run(_ args: [String], capture: Bool = false) -> (status: Int32, output: Data) {
        let argv = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args
        var fds: [Int32] = [-1, -1]
        if capture { guard pipe(&fds) == 0 else { return (-1, Data()) } }
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
        var cArgs = argv.map { strdup($0) }
        defer { cArgs.forEach { free($0) } }
        cArgs.append(nil)
        // The test runner's threads block most signals; tmux, bash and the demo must start clean.
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

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
