import Foundation
import Testing
import TernTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real `tern --demo` (UI on a thread of its own, backends on the concurrency pool) gives the
/// terminal back when it is stopped with `Ctrl-Z` and takes it again on `fg`, and restores it when
/// SIGTERM, SIGINT or SIGHUP ends it.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled))
struct DemoSignalTests {
    /// Bash goes on with the command line when tern stops, so `after` is `stty -a` while stopped.
    @Test func ctrlZSuspendsAndFgResumes() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        tmux.start(try TernBinary.commandLine("--demo", home: tmux.directory))
        // The first screen once the status line shows the position (while the demo sync runs it
        // shows the sync's progress there).
        let first = try tmux.waitFor { $0.contains("Lunch on Friday?") && !$0.contains("syncing") && DemoUITests.position($0) != nil }
        let total = try #require(DemoUITests.position(first)?.total)
        tmux.send("k")
        try tmux.waitFor { DemoUITests.position($0)?.line == total - 1 }

        tmux.send("C-z")
        try tmux.waitFor { $0.contains("Stopped") }
        let whileStopped = try tmux.terminalRestored()
        #expect(whileStopped == nil, "while stopped: \(whileStopped ?? "")")

        tmux.sendLiteral("clear; fg")
        tmux.send("Enter")
        try tmux.waitFor { $0.contains("Lunch on Friday?") && DemoUITests.position($0)?.line == total - 1 }
        try tmux.waitForModes("alternate=1 mouse=1 sgr=1 keypad=1 cursor=0")
        tmux.send("k")
        try tmux.waitFor { DemoUITests.position($0)?.line == total - 2 }

        tmux.send("q")
        // Back at the prompt (capture-pane drops the space after `$`): the job's command line, no list.
        try tmux.waitFor { !$0.contains("sort: date") && $0.split(separator: "\n").last == "$" }
        tmux.sendLiteral("stty -a > \(tmux.directory.path)/after; echo DO''NE")
        tmux.send("Enter")
        let afterQuit = try tmux.terminalRestored()
        #expect(afterQuit == nil, "after q: \(afterQuit ?? "")")
    }

    @Test(arguments: [("TERM", SIGTERM, 143), ("INT", SIGINT, 130), ("HUP", SIGHUP, 129)] as [(String, Int32, Int)])
    func signalRestoresTheTerminal(name: String, signal: Int32, status: Int) throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        tmux.start(try TernBinary.commandLine("--demo", home: tmux.directory))
        try tmux.waitFor { $0.contains("Lunch on Friday?") && $0.contains("sort: date") }
        let text = try tmux.file("pid").trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(text), "TERN_PIDFILE holds \(text)")
        #expect(kill(pid, signal) == 0, "SIG\(name)")
        try tmux.waitFor { $0.contains("EXIT=\(status)") }
        let problem = try tmux.terminalRestored()
        #expect(problem == nil, "after SIG\(name): \(problem ?? "")")
    }
}
