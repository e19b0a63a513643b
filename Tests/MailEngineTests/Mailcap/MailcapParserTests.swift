import Testing
@testable import MailEngine

@Suite struct MailcapParserTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var type: String
        var command: String
        var needsTerminal = false
        var copiousOutput = false
        var test: String?
        var nameTemplate: String?
        var description: String { text }
    }

    @Test(arguments: [
        Case(text: "text/plain; less %s", type: "text/plain", command: "less %s"),
        Case(text: "TEXT/HTML; w3m -dump %s; copiousoutput; nametemplate=%s.html", type: "text/html",
             command: "w3m -dump %s", copiousOutput: true, nameTemplate: "%s.html"),
        Case(text: "image/*; feh %s; test=test -n \"$DISPLAY\"", type: "image/*", command: "feh %s", test: "test -n \"$DISPLAY\""),
        Case(text: "video; mpv %s ; NeedsTerminal", type: "video/*", command: "mpv %s", needsTerminal: true),
        Case(text: "application/pdf; pdftotext %s - \\; echo done; copiousoutput", type: "application/pdf",
             command: "pdftotext %s - \\; echo done", copiousOutput: true),
        Case(text: "text/x-diff; colordiff\t;\tx-custom-flag ; description=A diff", type: "text/x-diff", command: "colordiff"),
        Case(text: "*/*; xdg-open %s", type: "*/*", command: "xdg-open %s"),
        Case(text: "text/plain; cat; print=lpr %s", type: "text/plain", command: "cat"),
    ])
    func entries(_ c: Case) throws {
        let parsed = MailcapParser.parse(c.text, file: "mc")
        #expect(parsed.diagnostics.isEmpty)
        let entry = try #require(parsed.entries.first)
        #expect(entry.typePattern == c.type)
        #expect(entry.viewCommand == c.command)
        #expect(entry.needsTerminal == c.needsTerminal)
        #expect(entry.copiousOutput == c.copiousOutput)
        #expect(entry.test == c.test)
        #expect(entry.nameTemplate == c.nameTemplate)
    }

    @Test func commentsContinuationsAndLineNumbers() throws {
        let text = """
            # A comment
            \r
            text/plain; less \\
              %s; \\
              needsterminal
            application/pdf; zathura %s
            broken line without command
            bad type/; x
            text/html; ;
            image/png; display %s; description=PNG\\; image
            """
        let parsed = MailcapParser.parse(text, file: "/home/u/.mailcap")
        #expect(parsed.entries.map(\.typePattern) == ["text/plain", "application/pdf", "image/png"])
        #expect(parsed.entries[0].viewCommand == "less   %s")
        #expect(parsed.entries[0].needsTerminal)
        #expect(parsed.entries.map(\.source.line) == [3, 6, 10])
        #expect(parsed.entries[2].description == "PNG\\; image")
        #expect(parsed.diagnostics.map(\.source.line) == [7, 8, 9])
        #expect(parsed.diagnostics[0].description.hasPrefix("/home/u/.mailcap:7: an entry needs a content type"))
        #expect(parsed.diagnostics[1].message.contains("is not a content type"))
        #expect(parsed.diagnostics[2].message.contains("view command for text/html is empty"))
    }

    @Test(arguments: [
        ("text/plain", "text/plain", true), ("text/plain", "TEXT/Plain", true), ("text/*", "text/html", true),
        ("text/*", "image/png", false), ("*/*", "application/pdf", true), ("text/plain", "text/plainx", false),
        ("text/plain", "text", false),
    ])
    func matching(pattern: String, mimeType: String, expected: Bool) throws {
        let entry = try #require(MailcapParser.parse("\(pattern); x", file: "f").entries.first)
        #expect(entry.matches(mimeType) == expected)
    }
}
