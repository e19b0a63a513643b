import Testing
@testable import TernConfig

@Test(arguments: [
    ("j", [Key.character("j")]),
    ("G", [.character("G")]),
    ("gg", [.character("g"), .character("g")]),
    ("<Enter>", [.named(.enter)]),
    ("<CR>", [.named(.enter)]),
    ("<esc>", [.named(.escape)]),
    ("<Tab>", [.named(.tab)]),
    ("<S-Tab>", [.named(.tab, modifiers: .shift)]),
    ("<Space>", [.named(.space)]),
    (" ", [.named(.space)]),
    ("<Up>", [.named(.up)]),
    ("<PageDown>", [.named(.pageDown)]),
    ("<PgUp>", [.named(.pageUp)]),
    ("<Home>", [.named(.home)]),
    ("<F1>", [.function(1)]),
    ("<F12>", [.function(12)]),
    ("<C-d>", [.control("d")]),
    ("<C-D>", [.control("d")]),
    ("<c-d>", [.control("d")]),
    ("<M-x>", [.meta("x")]),
    ("<A-x>", [.meta("x")]),
    ("<M-X>", [.meta("X")]),
    ("<S-a>", [.character("A")]),
    ("<C-i>", [.named(.tab)]),
    ("<C-m>", [.named(.enter)]),
    ("<C-[>", [.named(.escape)]),
    ("<Backspace>", [.named(.backspace)]),
    ("<BS>", [.named(.backspace)]),
    ("<Delete>", [.named(.delete)]),
    ("<lt>", [.character("<")]),
    ("<Bar>", [.character("|")]),
    ("<C-w>h", [.control("w"), .character("h")]),
    ("<M-/>", [.meta("/")]),
    ("é", [.character("é")]),
    ("<C-M-x>", [Key(.character("x"), modifiers: [.control, .meta])]),
    ("<M-Backspace>", [.named(.backspace, modifiers: .meta)]),
])
func keyNamesParse(text: String, keys: [Key]) throws {
    #expect(try KeyNameParser.parse(text) == keys)
}

@Test(arguments: [
    ("", "an empty key name"),
    ("<Entr>", "unknown key name \"<Entr>\"; did you mean <Enter>?"),
    ("<C-d", "\"<\" without a closing \">\""),
    ("<", "\"<\" without a closing \">\""),
    ("<F25>", "unknown key name \"<F25>\""),
    ("<X-a>", "unknown key name \"<X-a>\""),
    ("<C-1>", "<C-1> is not a key a terminal can send"),
    ("<a>", "unknown key name \"<a>\""),
    ("\u{1B}", "a control character"),
    ("abcdefghi", "has 9 keys, more than 8"),
])
func badKeyNamesAreErrors(text: String, message: String) {
    do {
        _ = try KeyNameParser.parse(text)
        Issue.record("expected an error for \(text)")
    } catch {
        #expect(error.description.contains(message), "\(error)")
    }
}

@Test(arguments: ["j", "G", "gg", "<Enter>", "<C-d>", "<M-x>", "<S-Tab>", "<F5>", "<lt>", "<Space>", "<C-w>h", "<M-Backspace>", "<Bslash>"])
func keyDescriptionsRoundTrip(text: String) throws {
    let sequence = try KeySequence(parsing: text)
    #expect(sequence.description == text)
    #expect(try KeySequence(parsing: sequence.description) == sequence)
}

@Test func printableKeys() throws {
    #expect(Key.character("a").isPrintable)
    #expect(!Key.control("a").isPrintable)
    #expect(!Key.meta("a").isPrintable)
    #expect(!Key.named(.enter).isPrintable)
    #expect(!Key.named(.space).isPrintable)
}
