import Testing
@testable import TerminalKit

@Suite struct SanitizerTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("\u{1B}[31mred", "␛[31mred"),
        ("a\u{07}b", "a␇b"),
        ("\u{00}", "␀"),
        ("line\nnext\r", "line␊next␍"),
        ("tab\there", "tab here"),
        ("del\u{7F}", "del␡"),
        ("csi\u{9B}31m", "csi\u{FFFD}31m"),
        ("osc\u{9D}0;title\u{9C}", "osc\u{FFFD}0;title\u{FFFD}"),
        ("\u{85}nel", "\u{FFFD}nel"),
        ("evil\u{202E}gnp.exe", "evil\u{FFFD}gnp.exe"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("\u{2066}x\u{2067}y\u{2068}z\u{2069}", "\u{FFFD}x\u{FFFD}y\u{FFFD}z\u{FFFD}"),
        ("a\u{200E}b\u{200F}c\u{061C}d", "abcd"),
        ("sep\u{2028}par\u{2029}", "sep\u{FFFD}par\u{FFFD}"),
        ("中文 é 😀", "中文 é 😀"),
        ("\u{A0}nbsp", "\u{A0}nbsp"),
    ] as [(String, String)])
    func sanitize(input: String, expected: String) {
        #expect(Sanitizer.sanitize(input) == expected)
    }

    @Test func everyC0AndC1IsReplaced() {
        for value in UInt32(0)...0x9F where value < 0x20 || value >= 0x7F {
            let s = String(Unicode.Scalar(value)!)
            let out = Sanitizer.sanitize(s)
            #expect(!out.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }, "U+\(value)")
            #expect(!out.isEmpty)
        }
    }

    /// No ESC, C1 or bidi override from data reaches a cell through the normal drawing API.
    @Test func untrustedTextNeverPutsControlsInCells() {
        var buffer = CellBuffer(size: Size(width: 60, height: 1))
        let hostile = "A\u{1B}]0;pwned\u{07}B\u{9B}2J\u{202E}cba\u{2066}\u{200F}\u{1B}[?1049h"
        buffer.put(hostile, at: .zero)
        #expect(unsafeScalars(in: buffer).isEmpty)
        #expect(buffer.lines[0].hasPrefix("A␛]0;pwned␇B\u{FFFD}2J\u{FFFD}cba\u{FFFD}␛[?1049h"))
        // And what a terminal would be sent for that frame holds no control either.
        let changes = buffer.changes(from: nil)
        #expect(!changes.contains { $0.cell.text.unicodeScalars.contains(where: Sanitizer.isUnsafe) })
    }

    @Test func spansAndLinesSanitiseToo() {
        var buffer = CellBuffer(size: Size(width: 30, height: 2))
        buffer.put(Span("x\u{1B}y", style: Style(attributes: .bold)), at: .zero)
        buffer.put(Line([Span("\u{9B}"), Span("\u{202D}z")]), at: Point(x: 0, y: 1))
        #expect(unsafeScalars(in: buffer).isEmpty)
        #expect(buffer.lines[0].hasPrefix("x␛y"))
        #expect(buffer.lines[1].hasPrefix("\u{FFFD}\u{FFFD}z"))
    }
}
