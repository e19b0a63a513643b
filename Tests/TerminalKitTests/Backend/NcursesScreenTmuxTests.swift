import Foundation
import Testing
import TernTestSupport
@testable import TerminalKit

/// Drives the real TerminalKitDemo binary (NcursesScreen) inside tmux: keys, paste, mouse, resize,
/// running an external program, and that the terminal is restored (`stty -a` unchanged) after `q`,
/// SIGTERM, SIGINT, a crash and `Ctrl-Z`.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled))
struct NcursesScreenTmuxTests {
    @Test func keysPastePromptResizeEditorAndQuit() throws {
        let tmux = try TmuxSession.forDemo()
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
        let tmux = try TmuxSession.forDemo()
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
        let tmux = try TmuxSession.forDemo()
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
        tmux.sendLiteral("stty -a > \(tmux.directory.path)/after; echo DO''NE")
        tmux.send("Enter")
        try tmux.expectTerminalRestored()
    }

    @Test func crashRestoresTheTerminal() throws {
        let tmux = try TmuxSession.forDemo()
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
        let tmux = try TmuxSession.forDemo()
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
        tmux.sendLiteral("stty -a > \(tmux.directory.path)/after; echo DO''NE")
        tmux.send("Enter")
        try tmux.expectTerminalRestored()
    }
}

/// The TerminalKit demo driven in a ``TmuxSession``.
extension TmuxSession {
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
            throw TmuxError("TerminalKitDemo not built (looked in \(candidates)); run `swift build --product TerminalKitDemo`")
        }
        return path
    }

    /// A session of 80x24 for the demo.
    static func forDemo() throws -> TmuxSession { try TmuxSession(width: 80, height: 24) }

    /// Starts the demo between `stty -a` snapshots (see ``TmuxSession/start(_:)``).
    func startDemo(editor: String = "true", allowCrash: Bool = false) throws {
        let demo = try Self.demoPath()
        let env = "TKIT_DEMO_PIDFILE=\(directory.path)/pid DEMO_EDITOR='\(editor)'" + (allowCrash ? " TKIT_DEMO_ALLOW_CRASH=1 SWIFT_BACKTRACE=enable=no" : "")
        start("\(env) \(demo)")
    }

    /// The demo's process id, from the file it writes at start.
    func demoPID() throws -> pid_t {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? file("pid"), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            usleep(20_000)
        }
        throw TmuxError("the demo did not write its pid")
    }

    /// `stty -a` after the demo equals `stty -a` before it and the modes are back to normal; the
    /// `after` snapshot is removed so that a later check waits for a new one.
    func expectTerminalRestored(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problem = try terminalRestored()
        #expect(problem == nil, "\(problem ?? "")", sourceLocation: sourceLocation)
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("after"))
    }
}
