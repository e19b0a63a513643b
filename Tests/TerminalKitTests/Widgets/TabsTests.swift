import Testing
@testable import TerminalKit

@Suite struct TabsTests {
    let selected = Style(attributes: [.reverse, .bold])

    @Test func drawsTitlesWithSelection() {
        let tabs = Tabs(titles: ["INBOX", "Sent", "草稿"], selected: 1)
        let screen = VirtualScreen.render(tabs, size: Size(width: 24, height: 1))
        expectLines(screen, [" INBOX │ Sent │ 草稿    "])
        #expect(screen.styleLines(legend: [".": .plain, "s": selected]) == ["........ssssss.........."])
    }

    @Test func scrollsToShowTheSelectedTab() {
        let tabs = Tabs(titles: ["one", "two", "three"], selected: 2)
        let screen = VirtualScreen.render(tabs, size: Size(width: 10, height: 1))
        expectLines(screen, ["o │ three "])
        #expect(tabs.index(atColumn: 6, in: Rect(x: 0, y: 0, width: 10, height: 1)) == 2)
        #expect(tabs.index(atColumn: 2, in: Rect(x: 0, y: 0, width: 10, height: 1)) == nil)
    }

    @Test func mouseColumnToTab() {
        let tabs = Tabs(titles: ["ab", "cd"], selected: 0)
        let area = Rect(x: 0, y: 0, width: 20, height: 1)
        #expect(tabs.index(atColumn: 0, in: area) == 0)
        #expect(tabs.index(atColumn: 5, in: area) == 1)
        #expect(tabs.index(atColumn: 4, in: area) == nil)
    }

    @Test(arguments: tinySizes)
    func survivesTinySizes(size: Size) {
        let screen = VirtualScreen.render(Tabs(titles: ["中文", "b"], selected: 0), size: size)
        #expect(screen.lines.count == size.height)
    }
}
