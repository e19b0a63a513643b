import Testing
@testable import TernConfig

private func seq(_ text: String) throws -> KeySequence {
    try KeySequence(parsing: text)
}

@Test func everyDefaultBindingParsesAndIsAvailableInItsContext() throws {
    for (context, bindings) in DefaultBindings.written {
        for (keys, command) in bindings {
            _ = try KeySequence(parsing: keys)
            #expect(command.isAvailable(in: context), "\(keys) -> \(command) in \(context)")
            if context == .prompt {
                #expect(try !seq(keys).keys[0].isPrintable, "\(keys) types text in the prompt")
            }
        }
        #expect(Set(bindings.map(\.keys)).count == bindings.count, "a key is bound twice in \(context)")
    }
}

@Test(arguments: KeyContext.allCases)
func defaultBindingsHaveNoPrefixConflicts(context: KeyContext) {
    let sequences = Array(Keymap.defaults.bindings(in: context).keys)
    for a in sequences {
        for b in sequences where a.isProperPrefix(of: b) {
            Issue.record("\(a) and \(b) conflict in \(context)")
        }
    }
    // No default global binding is hidden by accident.
    if context.inheritsGlobal {
        for (sequence, command) in Keymap.defaults.bindings(in: .global) {
            let own = DefaultBindings.layers[context]?[sequence]
            #expect(Keymap.defaults.command(for: sequence, in: context) == (own ?? command), "\(sequence) in \(context)")
        }
    }
}

@Test(arguments: [
    (KeyContext.list, "j", CommandName.moveDown), (.list, "<Down>", .moveDown), (.list, "k", .moveUp),
    (.list, "<Enter>", .open), (.list, "q", .quit), (.list, "/", .search), (.list, "?", .help),
    (.list, "gg", .first), (.list, "<Home>", .first), (.list, "G", .last), (.list, "<C-d>", .halfPageDown),
    (.list, "<C-u>", .halfPageUp), (.list, "<PageDown>", .pageDown), (.list, "<PageUp>", .pageUp),
    (.list, "n", .searchNext), (.list, "N", .searchPrevious), (.list, "<Tab>", .nextUnread), (.list, "t", .tag),
    (.list, "d", .delete), (.list, "s", .save), (.list, "m", .compose), (.list, "r", .reply),
    (.list, "gr", .groupReply), (.list, "L", .listReply), (.list, "f", .forward), (.list, "$", .syncFolder),
    (.viewer, "j", .scrollDown), (.viewer, "<Space>", .pageDown), (.viewer, "q", .close), (.viewer, "J", .nextMessage),
    (.viewer, "gx", .openURL), (.help, "?", .close), (.help, "q", .close), (.prompt, "<C-a>", .cursorStart),
    (.prompt, "<Esc>", .cancel), (.composer, "y", .send), (.attachments, "s", .saveAttachment),
    (.sidebar, "<Enter>", .open),
])
func naturalDefaults(context: KeyContext, keys: String, command: CommandName) throws {
    #expect(Keymap.defaults.command(for: try seq(keys), in: context) == command)
}

@Test func matchingReportsPendingPrefixes() throws {
    let keymap = Keymap.defaults
    #expect(keymap.match([.character("g")], in: .list) == .pending)
    #expect(keymap.match([.character("g"), .character("g")], in: .list) == .command(.first))
    #expect(keymap.match([.character("g"), .character("q")], in: .list) == .unbound)
    #expect(keymap.match([.control("w")], in: .list) == .pending)
    #expect(keymap.match([.control("w"), .character("h")], in: .viewer) == .command(.focusSidebar))
    #expect(keymap.match([.character("j")], in: .prompt) == .unbound)
    #expect(keymap.match([.character("?")], in: .prompt) == .unbound)
    #expect(keymap.match([], in: .list) == .unbound)
}

@Test func userBindingsReplaceConflictingDefaults() throws {
    let text = TestConfig.minimalAccount + """
        [keys.list]
        g = "group-reply"
        [keys.viewer]
        q = "none"
        "?" = "none"
        [keys.global]
        "<C-w>" = "toggle-sidebar"
        """
    let keymap = try TestConfig.parse(text).keymap
    #expect(keymap.command(for: try seq("g"), in: .list) == .groupReply)
    #expect(keymap.match([.character("g")], in: .list) == .command(.groupReply))
    #expect(keymap.command(for: try seq("gg"), in: .list) == nil)
    #expect(keymap.command(for: try seq("<Home>"), in: .list) == .first)
    #expect(keymap.command(for: try seq("q"), in: .viewer) == nil)
    #expect(keymap.command(for: try seq("?"), in: .viewer) == nil, "unbinding in a context hides the global binding")
    #expect(keymap.command(for: try seq("?"), in: .list) == .help)
    #expect(keymap.command(for: try seq("<C-w>"), in: .list) == .toggleSidebar)
    #expect(keymap.command(for: try seq("<C-w>h"), in: .list) == nil)
    #expect(keymap.command(for: try seq("<C-w>"), in: .prompt) == .deleteWordBackward)
}

@Test func unbindingAPrefixRemovesTheLongerBindings() throws {
    let text = TestConfig.minimalAccount + """
        [keys.list]
        z = "none"
        """
    let keymap = try TestConfig.parse(text).keymap
    #expect(keymap.command(for: try seq("za"), in: .list) == nil)
    #expect(keymap.match([.character("z")], in: .list) == .unbound)
    #expect(keymap.command(for: try seq("<M-v>"), in: .list) == .toggleThread)
}

@Test func helpEntriesListTheContextThenGlobalCommands() throws {
    let entries = Keymap.defaults.helpEntries(for: .list)
    let moveDown = try #require(entries.first { $0.command == .moveDown })
    #expect(moveDown.keys.map(\.description) == ["j", "<Down>"] || moveDown.keys.map(\.description) == ["<Down>", "j"])
    #expect(!moveDown.isGlobal)
    let help = try #require(entries.first { $0.command == .help })
    #expect(help.isGlobal && help.keys.map(\.description).sorted() == ["<F1>", "?"].sorted())
    #expect(help.summary == CommandName.help.summary)
    let firstGlobal = try #require(entries.firstIndex { $0.isGlobal })
    #expect(entries[..<firstGlobal].allSatisfy { !$0.isGlobal })
    #expect(entries[firstGlobal...].allSatisfy { $0.isGlobal })
    #expect(Set(entries.map(\.command)).count == entries.count)
    #expect(Keymap.defaults.helpEntries(for: .prompt).allSatisfy { !$0.isGlobal })
}

@Test func everyCommandHasASummaryAndAContext() {
    for command in CommandName.allCases {
        #expect(!command.summary.isEmpty && !command.summary.hasSuffix("."), "\(command)")
        #expect(!command.contexts.isEmpty)
        #expect(command.rawValue == command.rawValue.lowercased() && !command.rawValue.contains(" "))
    }
    #expect(CommandName(rawValue: "none") == nil, "\"none\" means unbind")
}

@Test func manyBindingsDecodeInLinearTime() throws {
    var text = TestConfig.minimalAccount + "[keys.list]\n"
    let letters = Array("abcdefghijklmnopqrstuvwxy")
    var count = 0
    outer: for a in letters {
        for b in letters {
            for c in letters {
                text += "\"<M-\(a)>\(b)\(c)\" = \"reply\"\n"
                count += 1
                if count == 12_000 { break outer }
            }
        }
    }
    let clock = ContinuousClock()
    var keymap: Keymap?
    let elapsed = try clock.measure { keymap = try TestConfig.parse(text).keymap }
    #expect(elapsed < .seconds(10))
    #expect(keymap?.bindings(in: .list).count ?? 0 > 12_000)
    #expect(keymap?.match([.meta("a")], in: .list) == .pending)
}
