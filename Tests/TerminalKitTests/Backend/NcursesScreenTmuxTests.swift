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
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("after"))
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

    /// Runs tmux on the private socket; returns its status and standard output.
    @discardableResult
    func run(_ args: [String], capture: Bool = false) -> (status: Int32, output: Data) {
        let p = Process()
        let out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        p.arguments = ["-L", socket, "-f", "/dev/null"] + args
        // Only capture-pane's output is read; the server started by new-session must not hold a pipe.
        p.standardOutput = capture ? out : FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return (-1, Data()) }
        let data = capture ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        p.waitUntilExit()
        return (p.terminationStatus, data)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
