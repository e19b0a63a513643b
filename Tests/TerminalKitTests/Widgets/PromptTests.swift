import Testing
@testable import TerminalKit

@Suite struct PromptTests {
    @Test func labelAndField() {
        var state = TextFieldState(text: "~/mail")
        let screen = render(Prompt(label: "Save to: "), state: &state, size: Size(width: 20, height: 2))
        expectLines(screen, ["Save to: ~/mail     ", "                    "])
        #expect(state.cursorPosition == Point(x: 15, y: 0))
        #expect(screen.buffer[0, 0].style.attributes.contains(.bold))
    }

    @Test func promptFieldScrollsInTheRemainingWidth() {
        var state = TextFieldState(text: "/a/very/long/path")
        let screen = render(Prompt(label: "Open: "), state: &state, size: Size(width: 12, height: 1))
        expectLines(screen, ["Open: /path "])
    }

    @Test func choice() {
        let prompt = ChoicePrompt(question: "Delete \u{1B}[1m3 messages?")
        let screen = VirtualScreen.render(prompt, size: Size(width: 30, height: 1))
        expectLines(screen, ["Delete ␛[1m3 messages? [y/n]  "])
        #expect(prompt.choice(for: .char("Y")) == 0)
        #expect(prompt.choice(for: .char("n")) == 1)
        #expect(prompt.choice(for: .char("x")) == nil)
        #expect(prompt.choice(for: .ctrl("y")) == nil)
    }

    @Test func choiceCutsTheQuestionNotTheChoices() {
        let screen = VirtualScreen.render(ChoicePrompt(question: "Really delete everything?"), size: Size(width: 14, height: 1))
        expectLines(screen, ["Really… [y/n] "])
    }

    @Test(arguments: tinySizes)
    func survivesTinySizes(size: Size) {
        var state = TextFieldState(text: "x")
        let screen = render(Prompt(label: "中: "), state: &state, size: size)
        #expect(screen.lines.count == size.height)
        _ = VirtualScreen.render(ChoicePrompt(question: "q?"), size: size)
    }
}
