import Testing
@testable import TerminalKit

@Suite struct TextViewTests {
    @Test func wrapsAtSpaces() {
        let layout = TextLayout(lines: ["the quick brown fox", "", "jumps"], width: 10)
        #expect(layout.rows.map(\.plainText) == ["the quick ", "brown fox", "", "jumps"])
        #expect(layout.sourceLine == [0, 0, 1, 2])
        #expect(layout.firstRow(ofSourceLine: 2) == 3)
        var state = TextViewState()
        let screen = render(TextView(layout: layout), state: &state, size: Size(width: 10, height: 3))
        expectLines(screen, ["the quick ", "brown fox ", "          "])
    }

    @Test func hardBreaksLongWordsAndWideCharacters() {
        let layout = TextLayout(lines: ["abcdefghij", "中文中文中"], width: 4)
        #expect(layout.rows.map(\.plainText) == ["abcd", "efgh", "ij", "中文", "中文", "中"])
        let odd = TextLayout(lines: ["中文"], width: 3)
        #expect(odd.rows.map(\.plainText) == ["中", "文"])
    }

    @Test func expandsTabsAndSanitises() {
        let layout = TextLayout(lines: ["a\tb\u{1B}[1m", "\tx"], width: 20)
        #expect(layout.rows.map(\.plainText) == ["a       b␛[1m", "        x"])
        var state = TextViewState()
        let screen = render(TextView(layout: layout), state: &state, size: Size(width: 20, height: 2))
        #expect(unsafeScalars(in: screen.buffer).isEmpty)
    }

    @Test func scrolling() {
        let lines = (0..<50).map { Line("line \($0)") }
        let layout = TextLayout(lines: lines, width: 10)
        var state = TextViewState()
        _ = render(TextView(layout: layout), state: &state, size: Size(width: 10, height: 5))
        state.pageDown(rowCount: layout.rowCount)
        #expect(state.offset == 4)
        state.scrollToEnd(rowCount: layout.rowCount)
        #expect(state.offset == 45 && state.isAtEnd(rowCount: layout.rowCount))
        state.scroll(by: 100, rowCount: layout.rowCount)
        #expect(state.offset == 45)
        let screen = render(TextView(layout: layout), state: &state, size: Size(width: 10, height: 5))
        expectLines(screen, ["line 45   ", "line 46   ", "line 47   ", "line 48   ", "line 49   "])
        state.scrollToTop()
        #expect(state.offset == 0)
    }

    @Test func wheelScrolls() {
        let layout = TextLayout(lines: (0..<20).map { Line("l\($0)") }, width: 5)
        var state = TextViewState()
        let area = Rect(x: 0, y: 0, width: 5, height: 4)
        _ = render(TextView(layout: layout), state: &state, size: area.size)
        func mouse(_ kind: MouseEvent.Kind, _ x: Int) -> Bool {
            state.handleMouse(MouseEvent(kind: kind, position: Point(x: x, y: 1)), area: area, rowCount: 20)
        }
        #expect(mouse(.wheelDown, 1))
        #expect(state.offset == 3)
        #expect(!mouse(.wheelDown, 9))
        #expect(!mouse(.press(.left), 1))
        #expect(mouse(.wheelUp, 1))
        #expect(state.offset == 0)
    }

    @Test func noWrapScrollsSideways() {
        let layout = TextLayout(lines: ["0123456789abcdef"], width: 6, wrap: false)
        var state = TextViewState()
        state.scrollHorizontally(by: 4)
        let screen = render(TextView(layout: layout), state: &state, size: Size(width: 6, height: 1))
        expectLines(screen, ["456789"])
    }

    @Test func resizeRelayoutKeepsOffsetInRange() {
        let lines = (0..<10).map { Line("word \($0) more words") }
        var state = TextViewState()
        let wide = TextLayout(lines: lines, width: 40)
        _ = render(TextView(layout: wide), state: &state, size: Size(width: 40, height: 4))
        state.scrollToEnd(rowCount: wide.rowCount)
        #expect(state.offset == 6)
        let narrow = TextLayout(lines: lines, width: 8)
        let screen = render(TextView(layout: narrow), state: &state, size: Size(width: 8, height: 4))
        #expect(screen.lines.count == 4)
        let tall = TextLayout(lines: lines, width: 40)
        _ = render(TextView(layout: tall), state: &state, size: Size(width: 40, height: 30))
        #expect(state.offset == 0)
    }

    @Test(arguments: tinySizes)
    func survivesTinySizes(size: Size) {
        let layout = TextLayout(lines: ["中文 text 😀 e\u{301}", "second"], width: size.width)
        var state = TextViewState()
        let screen = render(TextView(layout: layout), state: &state, size: size)
        #expect(screen.lines.count == size.height)
    }

    @Test func snapshotOfAMessageBody() {
        let body: [Line] = [
            Line([Span("From: ", style: Style(attributes: .bold)), Span("Ünïcödé Sender <a@example.test>")]),
            Line("Subject: 会議の議事録 \u{1B}]0;x\u{07} 📎"),
            "",
            "Hello,\tthis line is long enough to wrap at the edge of the view.",
            "> quoted e\u{301}\u{301} text",
        ]
        var state = TextViewState()
        let screen = render(TextView(lines: body, width: 24), state: &state, size: Size(width: 24, height: 8))
        expectSnapshot(screen, named: "TextView-body", legend: [".": .plain, "b": Style(attributes: .bold)])
    }
}
