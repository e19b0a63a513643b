import Foundation
import Testing
import TernTestSupport

/// The real `tern --demo` in tmux: open the demo, move around, open a thread, search, tag and
/// delete, resize the pane, quit, and the terminal is restored.
@Suite(.serialized, .enabled(if: TmuxSession.isInstalled))
struct DemoUITests {
    @Test func demoSession() throws {
        let tmux = try TmuxSession(width: 100, height: 30)
        defer { tmux.kill() }
        tmux.start(try TernBinary.commandLine("--demo", home: tmux.directory))
        let first = try tmux.waitFor { $0.contains("Lunch on Friday?") && $0.contains("msgs") && $0.contains("sort: date") }
        #expect(tmux.modes() == "alternate=1 mouse=1 sgr=1 keypad=1 cursor=0")
        #expect(first.contains("Lunch on Friday?"))
        #expect(first.contains("Drafts") && first.contains("Sent") && first.contains("Archive"))

        // Move around: the position on the status line follows.
        let total = try #require(Self.position(first)?.total)
        #expect(Self.position(first)?.line == total, "the newest message is selected")
        tmux.send("k", "k")
        try tmux.waitFor { Self.position($0)?.line == total - 2 }
        tmux.send("g", "g")
        try tmux.waitFor { Self.position($0)?.line == 1 }
        tmux.send("G")
        try tmux.waitFor { Self.position($0)?.line == total }

        // Threads: sort by thread, find the lunch thread, open a reply.
        tmux.send("o", "t")
        let threaded = try tmux.waitFor { $0.contains("sort: thread") && $0.contains("└─>") }
        let before = Self.position(threaded)?.line
        tmux.send("/")
        tmux.sendLiteral("subject:lunch")
        tmux.send("Enter")
        try tmux.waitFor { Self.position($0).map { $0.line != before } ?? false }
        tmux.send("Enter")
        let viewer = try tmux.waitFor { $0.contains("From:") && $0.contains("Subject:") && $0.contains("q closes") }
        #expect(viewer.contains("Lunch"))
        tmux.send("q")
        try tmux.waitFor { $0.contains("sort: thread") }

        // Help from the live keymap, then back.
        tmux.send("?")
        try tmux.waitFor { $0.contains("Keys: message list") && $0.contains("move-down") }
        tmux.send("q")
        try tmux.waitFor { $0.contains("sort: thread") }

        // Tag the lunch thread by pattern and delete the tagged messages.
        tmux.send("T")
        tmux.sendLiteral("subject:lunch")
        tmux.send("Enter")
        let tagged = try tmux.waitFor { $0.contains(" tagged (") }
        let count = try #require(Self.number(before: " tagged (", in: tagged))
        #expect(count >= 2)
        tmux.send("\\;", "d") // a bare ; would end the tmux command

        try tmux.waitFor { $0.contains("\(count) to delete") }
        tmux.send("$")
        try tmux.waitFor { Self.position($0)?.total == total - count }

        // Resize: the screen follows.
        tmux.resize(width: 60, height: 12)
        try tmux.waitFor { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 11 && lines[10].contains("sort: thread") && lines[10].count <= 60
        }
        tmux.resize(width: 30, height: 8)
        try tmux.waitFor { $0.split(separator: "\n").contains { $0.contains("/\(total - count)") } }

        tmux.send("q")
        let after = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
        #expect(try tmux.terminalRestored() == nil)
    }

    @Test func demoWithoutATerminalPrintsAListing() throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        tmux.start(try TernBinary.commandLine("--demo", home: tmux.directory) + " | cat > \(tmux.directory.path)/listing")
        try tmux.waitFor { $0.contains("EXIT=0") }
        let listing = try tmux.file("listing")
        #expect(listing.contains("INBOX"))
        #expect(listing.contains("Lunch on Friday?"))
    }

    @Test func withoutATerminalTheClientSaysWhy() throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        let config = tmux.directory.appendingPathComponent("config.toml")
        try """
            [accounts.me]
            from = "Me <me@example.test>"
            [accounts.me.maildir]
            path = "\(tmux.directory.path)/Maildir"
            """.write(to: config, atomically: true, encoding: .utf8)
        tmux.start(try TernBinary.commandLine("--config \(config.path) < /dev/null 2> \(tmux.directory.path)/err", home: tmux.directory))
        try tmux.waitFor { $0.contains("EXIT=") }
        #expect(try tmux.file("err").contains("needs a terminal"))
        #expect(try tmux.terminalRestored() == nil)
    }

    /// `12/40` at the right of the status line: the selected line and the count.
    static func position(_ screen: String) -> (line: Int, total: Int)? {
        for row in screen.split(separator: "\n").reversed() where row.contains("sort: ") {
            guard let last = row.split(separator: " ").last else { continue }
            let parts = last.split(separator: "/")
            guard parts.count == 2, let line = Int(parts[0].filter(\.isNumber)), let total = Int(parts[1].filter(\.isNumber)) else { continue }
            return (line, total)
        }
        return nil
    }

    /// The 1-based row of the message list (right of the sidebar's `│`) that contains `text`, as the
    /// status line's position counts them when the list is not scrolled; nil when none does.
    static func row(containing text: String, in screen: String) -> Int? {
        var row = 0
        for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let bar = line.firstIndex(of: "│") else { continue }
            let rest = line[line.index(after: bar)...]
            guard rest.contains(where: { !$0.isWhitespace }) else { continue }
            row += 1
            if rest.contains(text) { return row }
        }
        return nil
    }

    /// The number just before `marker`, e.g. `5` in `5 tagged (5 in all)`.
    static func number(before marker: String, in screen: String) -> Int? {
        guard let range = screen.range(of: marker) else { return nil }
        let digits = screen[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed()))
    }
}
