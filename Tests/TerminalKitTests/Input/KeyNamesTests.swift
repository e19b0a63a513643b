import Testing
@testable import TerminalKit

@Suite struct KeyNamesTests {
    @Test(arguments: [
        ("j", Key.char("j")), ("G", .char("G")), ("<Enter>", .enter), ("<Esc>", .escape), ("<Tab>", .tab),
        ("<Space>", .space), ("<Up>", .up), ("<PageDown>", .pageDown), ("<PageUp>", .pageUp), ("<Home>", .home),
        ("<End>", .end), ("<F1>", .f(1)), ("<F12>", .f(12)), ("<C-d>", .ctrl("d")), ("<M-x>", .alt("x")),
        ("<Backspace>", .backspace), ("<Delete>", .delete), ("<S-Tab>", .backTab), ("<lt>", .char("<")),
        ("<C-M-x>", Key(.character("x"), modifiers: [.control, .alt])), ("<S-Up>", Key(.up, modifiers: .shift)),
        ("<C-Space>", Key(.character(" "), modifiers: .control)), ("é", .char("é")), ("<Insert>", Key(.insert)),
    ] as [(String, Key)])
    func nameRoundTrip(name: String, key: Key) {
        #expect(Key(parsing: name) == key)
        #expect(key.name == name)
    }

    @Test(arguments: [
        ("<CR>", Key.enter), ("<return>", .enter), ("<ESC>", .escape), ("<pgdn>", .pageDown), ("<C-D>", .ctrl("d")),
        ("<A-x>", .alt("x")), ("<del>", .delete), ("<BS>", .backspace), ("<S-a>", .char("A")), ("<space>", .space),
        ("<C-i>", .tab), ("<C-m>", .enter), ("<C-[>", .escape), ("<Bslash>", .char("\\")), ("<M-S-Up>", Key(.up, modifiers: [.alt, .shift])),
    ] as [(String, Key)])
    func aliases(name: String, key: Key) {
        #expect(Key(parsing: name) == key)
    }

    @Test(arguments: ["", "<>", "<Foo>", "<C-Foo>", "<F0>", "<F64>", "<X-a>", "ab", " ", "\u{1B}"])
    func rejects(text: String) {
        #expect(Key(parsing: text) == nil)
    }

    @Test func sequences() {
        #expect(Key.parseSequence("gg") == [.char("g"), .char("g")])
        #expect(Key.parseSequence("<C-x>c") == [.ctrl("x"), .char("c")])
        #expect(Key.parseSequence("<Esc>:q<Enter>") == [.escape, .char(":"), .char("q"), .enter])
        #expect(Key.parseSequence("a<b") == [.char("a"), .char("<"), .char("b")])
        #expect(Key.parseSequence("<Nope>x") == nil)
    }
}
