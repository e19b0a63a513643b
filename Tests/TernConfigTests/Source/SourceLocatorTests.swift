import Testing
@testable import TernConfig

let locatorText = #"""
# comment [not.a.table]
top = "value # not a comment"   # comment
[accounts.alice]
from = 'Alice <alice@example.test>'
"quoted key" = 1
'literal.key' = 2
dotted . key = 3
multi = """
line with [brackets] and key = "value"
"""
after_multi = true
literal_multi = '''
x = 1
'''
[accounts.alice.imap]
host = "127.0.0.1"
inline = { a = 1, b = { c = 2 }, d = [1,
                2] }
array = [
  "first",  # comment ]
  "second",
  [3, 4],
]
"\u0041scaped" = 5
[[servers]]
name = "one"
[[servers]]
name = "two"
[ui]
theme="x"
"""#

@Test(arguments: [
    ("top", 2),
    ("accounts", 3),
    ("accounts.alice", 3),
    ("accounts.alice.from", 4),
    ("accounts.alice.\"quoted key\"", 5),
    ("accounts.alice.\"literal.key\"", 6),
    ("accounts.alice.dotted.key", 7),
    ("accounts.alice.dotted", 7),
    ("accounts.alice.multi", 8),
    ("accounts.alice.after_multi", 11),
    ("accounts.alice.literal_multi", 12),
    ("accounts.alice.imap", 15),
    ("accounts.alice.imap.host", 16),
    ("accounts.alice.imap.inline.a", 17),
    ("accounts.alice.imap.inline.b.c", 17),
    ("accounts.alice.imap.inline.d", 17),
    ("accounts.alice.imap.inline.d[1]", 18),
    ("accounts.alice.imap.array[0]", 20),
    ("accounts.alice.imap.array[1]", 21),
    ("accounts.alice.imap.array[2][1]", 22),
    ("accounts.alice.imap.Ascaped", 24),
    ("servers[0].name", 26),
    ("servers[1]", 27),
    ("servers[1].name", 28),
    ("ui.theme", 30),
    ("ui.missing", 29),
    ("accounts.alice.imap.nothing.deeper", 15),
])
func locatorFindsLines(path: String, line: Int) {
    let locator = SourceLocator(text: locatorText)
    #expect(locator.line(of: parsePath(path)) == line)
}

/// `a.b[1]."c d"` as a key path (test helper; quoted parts may hold dots and spaces).
func parsePath(_ text: String) -> KeyPath {
    var components: [PathComponent] = []
    var current = ""
    var quoted = false
    var index = text.startIndex
    func flush() {
        if !current.isEmpty { components.append(.key(current)) }
        current = ""
    }
    while index < text.endIndex {
        let character = text[index]
        if quoted {
            if character == "\"" { quoted = false } else { current.append(character) }
        } else if character == "\"" {
            quoted = true
        } else if character == "." {
            flush()
        } else if character == "[" {
            flush()
            let close = text[index...].firstIndex(of: "]") ?? text.endIndex
            components.append(.index(Int(text[text.index(after: index)..<close]) ?? 0))
            index = close
        } else {
            current.append(character)
        }
        index = text.index(after: index)
    }
    flush()
    return KeyPath(components: components)
}

@Test func locatorAgreesWithTOMLKitOnWhatIsAKey() throws {
    let document = try TOMLDocument(text: locatorText, file: "t.toml")
    guard case .table(let alice)? = (document.root["accounts"]).flatMap({ node -> TOMLNode? in
        if case .table(let accounts) = node { return accounts["alice"] }
        return nil
    }) else {
        Issue.record("no alice")
        return
    }
    #expect(alice.keys.sorted() == ["after_multi", "dotted", "from", "imap", "literal.key", "literal_multi", "multi", "quoted key"])
}

@Test(arguments: [
    "[[[[[[[[",
    "a = \"unterminated",
    "a = [1, 2",
    "a = { b = ",
    "'''",
    "\"\"\"\\",
    String(repeating: "[", count: 10_000),
    String(repeating: "a = [", count: 1000),
    "key = \"\\u12\"",
])
func locatorNeverFailsOnBrokenText(text: String) {
    let locator = SourceLocator(text: text)
    _ = locator.line(of: KeyPath("a"))
}

@Test func locatorIsLinearOnLargeInput() {
    var text = ""
    for index in 0..<20_000 { text += "[t\(index)]\nkey = \"value \(index)\"\n" }
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = SourceLocator(text: text) }
    #expect(elapsed < .seconds(5))
    #expect(SourceLocator(text: text).line(of: KeyPath("t19999", "key")) == 40_000)
}
