import Testing
@testable import TerminalKit

@Suite struct VirtualScreenTests {
    @Test func recordsCellsCursorAndChanges() throws {
        let screen = VirtualScreen(width: 6, height: 2)
        var frame = Frame(size: screen.size)
        frame.buffer.put("héllo", at: .zero)
        frame.cursor = Point(x: 5, y: 0)
        try screen.show(frame)
        expectLines(screen, ["héllo ", "      "])
        #expect(screen.cursor == Point(x: 5, y: 0))
        #expect(screen.lastChanges.count == 12)
        frame.buffer.put("J", at: .zero)
        try screen.show(frame)
        #expect(screen.lastChanges == [CellChange(point: .zero, cell: Cell(text: "J"))])
    }

    @Test func scriptReplaysInOrderAndEnds() throws {
        let screen = VirtualScreen(width: 2, height: 2)
        screen.feed(keys: "a<Enter>")
        screen.feed([.paste("x")])
        #expect(try screen.readInput(timeout: nil) == [.key(.char("a"))])
        #expect(try screen.readInput(timeout: nil) == [.key(.enter)])
        #expect(try screen.readInput(timeout: nil) == [.paste("x")])
        #expect(try screen.readInput(timeout: nil) == nil)
        #expect(!screen.feed(keys: "<Bogus>"))
    }

    @Test func resizeAppliesWhenReached() throws {
        let screen = VirtualScreen(width: 4, height: 4)
        screen.resize(to: Size(width: 2, height: 1))
        #expect(screen.size == Size(width: 4, height: 4))
        #expect(try screen.readInput(timeout: nil) == [.resize(Size(width: 2, height: 1))])
        #expect(screen.size == Size(width: 2, height: 1))
        #expect(screen.lines == ["  "])
    }

    @Test func zeroSizedScreen() throws {
        let screen = VirtualScreen(width: 0, height: 0)
        try screen.show(Frame(size: screen.size))
        #expect(screen.lines.isEmpty)
    }

    @Test func snapshotOfAComposedScreen() {
        let screen = VirtualScreen.render(size: Size(width: 32, height: 8)) { buffer, area in
            let (top, rest) = area.splitTop(1)
            let (body, status) = rest.splitBottom(1)
            Tabs(titles: ["INBOX", "Sent", "邮件"], selected: 0).draw(into: &buffer, area: top)
            var state = ListState(selected: 1)
            let subjects = ["Hello", "会議 📅 tomorrow", "\u{1B}[31mred\u{1B}[0m alert", "Re: café", "e\u{301}\u{301}"]
            ListView(count: subjects.count, selectionMarker: "▶ ") { i, _ in Line(subjects[i]) }
                .draw(into: &buffer, area: body, state: &state)
            StatusLine(left: "INBOX 2/5", right: "synced").draw(into: &buffer, area: status)
            Popup(title: "Note", lines: ["Saved."]).draw(into: &buffer, area: body)
        }
        expectSnapshot(screen, named: "VirtualScreen-composed",
                       legend: [".": .plain, "r": Style(attributes: .reverse), "s": Style(attributes: [.reverse, .bold])])
    }
}
