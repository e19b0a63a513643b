import Testing
@testable import TernConfig

@Test(arguments: [
    ("a = 1\nb = \"x\nc = 2", 2),
    ("[a]\nb = 1\n[a]\nc = 2", 3),
    ("a = 1\na = 2", 2),
    ("a = [1, \"x\"]\nb = ", 2),
    ("\n\n\nkey value", 4),
])
func syntaxErrorsHaveFileLineAndColumn(text: String, line: Int) {
    do {
        _ = try TOMLDocument(text: text, file: "c.toml")
        Issue.record("expected a syntax error")
    } catch {
        let diagnostic = error.diagnostics[0]
        #expect(diagnostic.line == line, "\(error)")
        #expect(diagnostic.column != nil)
        #expect(diagnostic.description.hasPrefix("c.toml:\(line):"))
        #expect(diagnostic.message.hasPrefix("TOML syntax error: "))
        #expect(!diagnostic.message.contains("\n"))
    }
}

@Test func nulBytesAreRejectedWithTheirLine() {
    do {
        _ = try TOMLDocument(text: "a = 1\nb = \"x\u{0}y\"", file: "c.toml")
        Issue.record("expected an error")
    } catch {
        #expect(error.diagnostics[0].line == 2)
        #expect(error.description.contains("NUL"))
    }
}

@Test func hugeFilesAreRejected() {
    let text = String(repeating: "# padding\n", count: TOMLDocument.maximumSize / 10 + 1)
    #expect(throws: ConfigError.self) { try TOMLDocument(text: text, file: "c.toml") }
}

@Test func valuesConvertToNodes() throws {
    let document = try TOMLDocument(text: """
        s = "x"
        i = 42
        f = 1.5
        b = true
        d = 1979-05-27
        a = [1, "two"]
        t = { k = "v" }
        """, file: "c.toml")
    #expect(document.root["s"]?.typeName == "a string")
    #expect(document.root["i"]?.typeName == "an integer")
    #expect(document.root["f"]?.typeName == "a floating-point number")
    #expect(document.root["b"]?.typeName == "a boolean")
    #expect(document.root["d"]?.typeName == "a date")
    #expect(document.root["a"]?.typeName == "an array")
    #expect(document.root["t"]?.typeName == "a table")
    if case .integer(let value)? = document.root["i"] { #expect(value == 42) } else { Issue.record("i") }
}
