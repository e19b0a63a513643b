import Testing
@testable import TerminalKit

@Suite struct KeyBindingsTests {
    func table() throws -> KeyBindings<String> {
        var b = KeyBindings<String>()
        try b.bind("j", to: "down")
        try b.bind("gg", to: "top")
        try b.bind("<C-x>c", to: "compose")
        try b.bind("<C-x><C-s>", to: "save")
        return b
    }

    func describe(_ m: KeyBindings<String>.Match) -> String {
        switch m {
        case .action(let a): return a
        case .pending(let keys): return "pending " + keys.map(\.name).joined()
        case .unbound(let keys): return "unbound " + keys.map(\.name).joined()
        }
    }

    @Test func matchesSequences() throws {
        var b = try table()
        let results = Key.parseSequence("jggx<C-x>c<C-x><C-s>gj")!.map { describe(b.match($0)) }
        #expect(results == ["down", "pending g", "top", "unbound x", "pending <C-x>", "compose", "pending <C-x>", "save",
                            "pending g", "unbound gj"])
        #expect(b.pendingKeys.isEmpty)
    }

    @Test func resetForgetsPending() throws {
        var b = try table()
        _ = b.match(.char("g"))
        #expect(b.pendingKeys == [.char("g")])
        b.reset()
        #expect(describe(b.match(.char("j"))) == "down")
    }

    @Test func rebindingReplaces() throws {
        var b = try table()
        try b.bind("j", to: "next")
        #expect(b.action(for: [.char("j")]) == "next")
    }

    @Test func conflictsAndMalformedAreErrors() throws {
        var b = try table()
        #expect(throws: KeyBindings<String>.BindingError.prefixConflict("g", "gg")) { try b.bind("g", to: "x") }
        #expect(throws: KeyBindings<String>.BindingError.prefixConflict("j", "jk")) { try b.bind("jk", to: "x") }
        #expect(throws: KeyBindings<String>.BindingError.malformed("<Nope>")) { try b.bind("<Nope>", to: "x") }
        #expect("\(KeyBindings<String>.BindingError.malformed("<Nope>"))".contains("<C-d>"))
    }
}
