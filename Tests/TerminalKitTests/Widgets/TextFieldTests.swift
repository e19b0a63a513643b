import Testing
@testable import TerminalKit

@Suite struct TextFieldTests {
    func type(_ notation: String, into state: inout TextFieldState) -> [TextFieldAction] {
        Key.parseSequence(notation)!.map { state.handle($0) }
    }

    @Test func editing() {
        var s = TextFieldState()
        #expect(type("hello<Space>world", into: &s).allSatisfy { $0 == .edited })
        #expect(s.text == "hello world" && s.cursor == 11)
        _ = type("<C-w>", into: &s)
        #expect(s.text == "hello ")
        _ = type("<Home>X<End>Y<Left><Left><BS>", into: &s)
        #expect(s.text == "Xhell Y" && s.cursor == 5)
        _ = type("<C-a><Delete><C-e><C-h>", into: &s)
        #expect(s.text == "hell ")
        _ = type("<C-a><M-f><C-k>", into: &s)
        #expect(s.text == "hell")
        _ = type("<M-b><C-u>", into: &s)
        #expect(s.text == "hell" && s.cursor == 0)
        #expect(s.handle(.enter) == .submitted)
        #expect(s.handle(.escape) == .cancelled)
        #expect(s.handle(.ctrl("c")) == .cancelled)
        #expect(s.handle(.f(5)) == .ignored)
    }

    @Test func pasteFlattensLines() {
        var s = TextFieldState(text: "a")
        #expect(s.handle(.paste("b\nc\r\nd\te")) == .edited)
        #expect(s.text == "ab c d e")
    }

    @Test func drawsAndPlacesCursor() {
        var s = TextFieldState(text: "héllo")
        let screen = render(TextField(), state: &s, size: Size(width: 8, height: 1))
        expectLines(screen, ["héllo   "])
        #expect(s.cursorPosition == Point(x: 5, y: 0))
    }

    @Test func scrollsToKeepCursorVisible() {
        var s = TextFieldState(text: "abcdefghij")
        var screen = render(TextField(), state: &s, size: Size(width: 5, height: 1))
        expectLines(screen, ["ghij "])
        #expect(s.cursorPosition == Point(x: 4, y: 0))
        _ = type("<Home>", into: &s)
        screen = render(TextField(), state: &s, size: Size(width: 5, height: 1))
        expectLines(screen, ["abcde"])
        #expect(s.cursorPosition == Point(x: 0, y: 0))
    }

    @Test func wideCharactersAndSecrets() {
        var s = TextFieldState(text: "中文字")
        var screen = render(TextField(), state: &s, size: Size(width: 5, height: 1))
        expectLines(screen, ["文字 "])
        #expect(s.cursorPosition == Point(x: 4, y: 0))
        var p = TextFieldState(text: "pw中")
        screen = render(TextField(isSecret: true), state: &p, size: Size(width: 6, height: 1))
        expectLines(screen, ["•••   "])
    }

    @Test func controlsFromPasteAreShownAsPlaceholders() {
        var s = TextFieldState()
        _ = s.handle(.paste("a\u{1B}[31mb\u{9B}"))
        let screen = render(TextField(), state: &s, size: Size(width: 10, height: 1))
        expectLines(screen, ["a␛[31mb\u{FFFD}  "])
        #expect(unsafeScalars(in: screen.buffer).isEmpty)
    }

    @Test func placeholderWhenEmpty() {
        var s = TextFieldState()
        let screen = render(TextField(placeholder: "search"), state: &s, size: Size(width: 8, height: 1))
        expectLines(screen, ["search  "])
        #expect(screen.buffer[0, 0].style.attributes.contains(.dim))
    }

    @Test(arguments: tinySizes)
    func survivesTinySizes(size: Size) {
        var s = TextFieldState(text: "中文 text")
        let screen = render(TextField(), state: &s, size: size)
        #expect(screen.lines.count == size.height)
        if size.area == 0 { #expect(s.cursorPosition == nil) }
    }
}
