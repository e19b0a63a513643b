import Testing
import TerminalKit
import TernConfig
@testable import TernUI

@Suite struct KeyTranslationTests {
    /// Every decoded key names the same key in config notation, so keymaps match what terminals send.
    @Test(arguments: [
        (TerminalKit.Key.char("j"), "j"), (.char("G"), "G"), (.space, "<Space>"), (.enter, "<Enter>"),
        (.escape, "<Esc>"), (.tab, "<Tab>"), (.backTab, "<S-Tab>"), (.ctrl("d"), "<C-d>"), (.alt("/"), "<M-/>"),
        (.pageDown, "<PageDown>"), (.home, "<Home>"), (.f(5), "<F5>"), (.char("<"), "<lt>"), (.char("é"), "é"),
        (TerminalKit.Key(.backspace, modifiers: .alt), "<M-Backspace>"), (.up, "<Up>"), (.delete, "<Delete>"),
    ] as [(TerminalKit.Key, String)])
    func translates(key: TerminalKit.Key, expected: String) throws {
        let maybe = TernConfig.Key(terminal: key)
        let translated = try #require(maybe)
        #expect(translated.description == expected)
        let parsed = try KeySequence(parsing: expected)
        #expect(translated == parsed.keys[0])
    }

    @Test func functionKeysBeyondF24HaveNoName() {
        #expect(TernConfig.Key(terminal: .f(30)) == nil)
    }

    @Test func defaultKeymapMatchesTranslatedKeys() {
        let keymap = Keymap.defaults
        let gg = [TerminalKit.Key.char("g"), .char("g")].compactMap { TernConfig.Key(terminal: $0) }
        #expect(keymap.match(gg, in: .list) == .command(.first))
        #expect(keymap.match(Array(gg.prefix(1)), in: .list) == .pending)
        #expect(keymap.match([TernConfig.Key(terminal: .ctrl("d"))!], in: .list) == .command(.halfPageDown))
    }
}
