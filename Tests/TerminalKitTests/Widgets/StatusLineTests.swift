import Testing
@testable import TerminalKit

@Suite struct StatusLineTests {
    @Test func leftAndRight() {
        let bar = StatusLine(left: "INBOX", right: "3/120", style: .plain)
        expectLines(VirtualScreen.render(bar, size: Size(width: 16, height: 1)), ["INBOX      3/120"])
    }

    @Test func leftIsCutFirst() {
        let bar = StatusLine(left: "a very long folder name", right: "12%", style: .plain)
        expectLines(VirtualScreen.render(bar, size: Size(width: 12, height: 1)), ["a very…  12%"])
    }

    @Test func wideTextIsCutOnCellBoundaries() {
        let bar = StatusLine(left: "件名件名件名", right: "", style: .plain)
        expectLines(VirtualScreen.render(bar, size: Size(width: 6, height: 1)), ["件名… "])
    }

    @Test func styleFillsTheRow() {
        let reverse = Style(attributes: .reverse)
        let bar = StatusLine(left: Line([Span("x", style: Style(attributes: .bold))]))
        let screen = VirtualScreen.render(bar, size: Size(width: 4, height: 2))
        #expect(screen.styleLines(legend: [".": .plain, "r": reverse, "b": reverse.adding(.bold)]) == ["brrr", "...."])
    }

    @Test func hostileTextIsSanitised() {
        let bar = StatusLine(left: "\u{1B}]52;c;AAAA\u{07}", right: "\u{202E}x")
        let screen = VirtualScreen.render(bar, size: Size(width: 30, height: 1))
        #expect(unsafeScalars(in: screen.buffer).isEmpty)
        #expect(screen.lines[0].hasPrefix("␛]52;c;AAAA␇"))
    }

    @Test(arguments: tinySizes)
    func survivesTinySizes(size: Size) {
        let screen = VirtualScreen.render(StatusLine(left: "中文 left", right: "right 😀"), size: size)
        #expect(screen.lines.count == size.height)
    }
}
