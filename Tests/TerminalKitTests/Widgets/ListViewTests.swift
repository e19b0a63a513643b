import Testing
@testable import TerminalKit

@Suite struct ListViewTests {
    func list(_ count: Int) -> ListView {
        ListView(count: count, selectionMarker: "> ") { i, _ in Line("row \(i)") }
    }

    @Test func drawsVisibleRowsWithSelection() {
        var state = ListState()
        let screen = render(list(100), state: &state, size: Size(width: 10, height: 3))
        expectLines(screen, ["> row 0   ", "  row 1   ", "  row 2   "])
        let reversed = Style(attributes: .reverse)
        #expect(screen.styleLines(legend: [".": .plain, "r": reversed]) == ["rrrrrrrrrr", "..........", ".........."])
    }

    @Test func scrollingKeepsSelectionVisible() {
        var state = ListState()
        _ = render(list(100), state: &state, size: Size(width: 10, height: 3))
        state.move(by: 5, count: 100)
        #expect(state.selected == 5 && state.offset == 3)
        let screen = render(list(100), state: &state, size: Size(width: 10, height: 3))
        expectLines(screen, ["  row 3   ", "  row 4   ", "> row 5   "])
        state.move(by: -4, count: 100)
        #expect(state.selected == 1 && state.offset == 1)
        state.move(by: -10, count: 100)
        #expect(state.selected == 0 && state.offset == 0)
    }

    @Test func pagingAndEnds() {
        var state = ListState()
        _ = render(list(10), state: &state, size: Size(width: 10, height: 4))
        state.pageDown(count: 10)
        #expect(state.selected == 4 && state.offset == 4)
        state.pageDown(count: 10)
        #expect(state.selected == 8 && state.offset == 6)
        state.pageDown(count: 10)
        #expect(state.selected == 9 && state.offset == 6)
        state.pageUp(count: 10)
        #expect(state.selected == 5 && state.offset == 2)
        state.selectFirst(count: 10)
        #expect(state.selected == 0 && state.offset == 0)
        state.selectLast(count: 10)
        let screen = render(list(10), state: &state, size: Size(width: 10, height: 4))
        expectLines(screen, ["  row 6   ", "  row 7   ", "  row 8   ", "> row 9   "])
        state.halfPageUp(count: 10)
        #expect(state.selected == 7)
    }

    /// 1,000,000 rows: jumping to the end and paging cost O(visible rows), and the data source is
    /// asked only for the rows in view.
    @Test func millionRowsScrollToTheEndQuickly() {
        let count = 1_000_000
        var asked = 0
        let view = ListView(count: count) { i, _ in asked += 1; return Line("message \(i)") }
        var state = ListState()
        let clock = ContinuousClock()
        var buffer = CellBuffer(size: Size(width: 30, height: 20))
        let elapsed = clock.measure {
            view.draw(into: &buffer, area: buffer.bounds, state: &state)
            state.selectLast(count: count)
            view.draw(into: &buffer, area: buffer.bounds, state: &state)
            for _ in 0..<100 {
                state.pageUp(count: count)
                view.draw(into: &buffer, area: buffer.bounds, state: &state)
            }
        }
        #expect(asked == 20 * 102)
        #expect(state.selected == count - 1 - 20 * 100)
        // 102 draws of 20 rows; generous for a debug build on a busy machine.
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        // Navigation alone is O(1): a million jumps to either end cost nothing measurable.
        let jumps = clock.measure {
            for i in 0..<1_000_000 { if i & 1 == 0 { state.selectLast(count: count) } else { state.selectFirst(count: count) } }
        }
        #expect(jumps < .seconds(2), "took \(jumps)")
        state.selectLast(count: count)
        view.draw(into: &buffer, area: buffer.bounds, state: &state)
        #expect(buffer.lines.last?.hasPrefix("message 999999") == true)
        #expect(buffer.lines.first?.hasPrefix("message 999980") == true)
    }

    @Test func mouseClickSelectsAndWheelScrolls() {
        var state = ListState()
        let area = Rect(x: 0, y: 1, width: 10, height: 4)
        _ = render(list(50), state: &state, size: Size(width: 10, height: 6), area: area)
        func mouse(_ kind: MouseEvent.Kind, _ x: Int, _ y: Int) -> Bool {
            state.handleMouse(MouseEvent(kind: kind, position: Point(x: x, y: y)), area: area, count: 50)
        }
        #expect(mouse(.press(.left), 3, 3))
        #expect(state.selected == 2)
        #expect(mouse(.wheelDown, 3, 3))
        #expect(state.offset == 3 && state.selected == 3)
        #expect(!mouse(.press(.left), 3, 0))
        #expect(mouse(.wheelUp, 0, 1))
        #expect(state.offset == 0 && state.selected == 3)
    }

    @Test func wideAndHostileRows() {
        let rows = ["中文の件名です", "e\u{301}te\u{301} 😀 ok", "\u{1B}[2J\u{202E}evil"]
        let view = ListView(count: rows.count) { i, _ in Line(rows[i]) }
        var state = ListState(selected: nil)
        let screen = render(view, state: &state, size: Size(width: 9, height: 3))
        expectLines(screen, ["中文の件 ", "e\u{301}te\u{301} 😀 ok", "␛[2J\u{FFFD}evil"])
        #expect(unsafeScalars(in: screen.buffer).isEmpty)
    }

    @Test func emptyListAndResize() {
        var state = ListState()
        var screen = render(list(0), state: &state, size: Size(width: 5, height: 2))
        expectLines(screen, ["     ", "     "])
        #expect(state.selected == nil)
        state = ListState(selected: 30)
        screen = render(list(40), state: &state, size: Size(width: 8, height: 10))
        #expect(state.offset == 21)
        screen = render(list(40), state: &state, size: Size(width: 8, height: 2))
        #expect(state.offset == 29 && state.selected == 30)
        expectLines(screen, ["  row 29", "> row 30"])
    }

    @Test(arguments: tinySizes)
    func survivesTinySizes(size: Size) {
        var state = ListState(selected: 3)
        let screen = render(list(5), state: &state, size: size)
        #expect(screen.lines.count == size.height)
    }
}
