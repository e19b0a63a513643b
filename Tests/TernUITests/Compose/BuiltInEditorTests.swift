import Foundation
import MailCore
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// The built-in editor: editing keys, and the composer falling back to it without an editor.
@Suite struct BuiltInEditorTests {
    @Test(arguments: [
        // (start text, keys, text after)
        ("", "abc", "abc\n"),
        ("hello\n", "<End><Enter>world", "hello\nworld\n"),
        ("ab\ncd\n", "<Down><BS>", "abcd\n"),
        ("ab\ncd\n", "<End><Del>", "abcd\n"),
        ("abc\n", "<Right><Right><BS><Left>X", "Xac\n"),
        ("one\ntwo\nthree\n", "<Down><Down><End><Up>!", "one\ntwo!\nthree\n"),
        ("é中\n", "<End><BS>z", "éz\n"),
        ("x\n", "<Home><Enter>", "\nx\n"),
    ])
    func keysEditTheText(start: String, keys: String, expected: String) throws {
        var editor = BuiltInEditorState(text: start)
        for key in try #require(TerminalKit.Key.parseSequence(keys)) {
            #expect(editor.handle(key) == .editing)
        }
        #expect(editor.text == expected)
        #expect(editor.handle(.ctrl("x")) == .finished)
    }

    @Test func pasteSplitsLinesAndDropsControls() {
        var editor = BuiltInEditorState(text: "")
        editor.insert("a\u{1B}[31mb\r\nc\u{07}")
        #expect(editor.text == "a[31mb\nc\n")
    }

    @Test func composerFallsBackToItWhenNoEditorStarts() async throws {
        let f = try ComposeFixture()
        var general = f.service.settings.general
        general.editor = "/no/such/editor"
        let service = ComposeService(settings: ComposeSettings(accounts: Array(f.service.settings.accounts.values), general: general,
                                                               environment: f.service.settings.environment,
                                                               directory: f.service.settings.directory))
        let h = f.harness()
        h.runner.composer = service
        await h.start()
        await h.press("m")
        await h.type("bob@example.test")
        await h.press("<Enter>")
        await h.type("Built in")
        await h.press("<Enter>")
        #expect(h.state.topComposer?.builtIn != nil)
        #expect(h.text.contains("Built-in editor: <C-x> or <Esc> finishes"))
        await h.type("Typed without an editor")
        await h.send(.paste("\nand pasted"))
        await h.press("<C-x>")
        let composer = try #require(h.state.topComposer)
        #expect(composer.builtIn == nil)
        #expect(composer.draft.body.hasPrefix("Typed without an editor\nand pasted"))
        await h.press("y")
        #expect(f.sent.first?.contains("Typed without an editor") == true)
    }
}
