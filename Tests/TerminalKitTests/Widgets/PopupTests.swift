import Testing
@testable import TerminalKit

@Suite struct PopupTests {
    @Test func centredBoxWithTitle() {
        let popup = Popup(title: "Error", lines: ["Cannot connect.", "Retry?"])
        let screen = VirtualScreen.render(popup, size: Size(width: 23, height: 6))
        expectLines(screen, [
            "                       ",
            "  ┌ Error ──────────┐  ",
            "  │ Cannot connect. │  ",
            "  │ Retry?          │  ",
            "  └─────────────────┘  ",
            "                       ",
        ])
    }

    @Test func cutsToTheScreen() {
        let popup = Popup(title: "件名", lines: ["a line much wider than the screen", "2", "3", "4"])
        let screen = VirtualScreen.render(popup, size: Size(width: 12, height: 4))
        expectLines(screen, [
            "┌ 件名 ────┐",
            "│ a line…  │",
            "│ 2        │",
            "└──────────┘",
        ])
    }

    @Test func overDrawsWhatIsBelow() {
        let screen = VirtualScreen.render(size: Size(width: 9, height: 3)) { buffer, area in
            for y in 0..<3 { buffer.put("#########", at: Point(x: 0, y: y)) }
            Popup(lines: ["中"]).draw(into: &buffer, area: area)
        }
        expectLines(screen, ["#┌────┐##", "#│ 中 │##", "#└────┘##"])
    }

    @Test(arguments: tinySizes)
    func survivesTinySizes(size: Size) {
        let screen = VirtualScreen.render(Popup(title: "t", lines: ["中文", "x"]), size: size)
        #expect(screen.lines.count == size.height)
    }

    @Test func borderAlone() {
        let screen = VirtualScreen.render(Border(title: "\u{1B}T"), size: Size(width: 8, height: 3))
        expectLines(screen, ["┌ ␛T ──┐", "│      │", "└──────┘"])
    }
}
