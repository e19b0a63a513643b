import Testing
@testable import TerminalKit

/// What NcursesScreen would write for a cell, with a stand-in for the C library's wcwidth that agrees
/// with TerminalKit's tables (and one that does not).
@Suite struct CellOutputTests {
    static func tableWidth(_ v: UInt32) -> Int {
        guard let s = Unicode.Scalar(v) else { return -1 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return -1 }
        return TextWidth.width(of: s)
    }

    func out(_ text: String, width: UInt8 = 1, system: (UInt32) -> Int = tableWidth) -> [[UInt32]] {
        CellOutput.codePoints(for: Cell(text: text, width: width), fallback: "\u{FFFD}", systemWidth: system)
    }

    @Test(arguments: [
        ("a", UInt8(1), [[0x61]]),
        ("e\u{301}\u{323}", 1, [[0x65, 0x301, 0x323]]),
        ("❤\u{FE0F}", 1, [[0x2764]]),
        ("👨\u{200D}", 2, [[0x1F468]]),
        ("👍🏽", 2, [[0x1F44D]]),
        ("中", 2, [[0x4E2D]]),
        ("\u{1100}\u{1161}\u{11A8}", 2, [[0x1100, 0x1161, 0x11A8]]),
        ("\u{1B}", 1, [[0xFFFD]]),
        ("\u{9B}", 1, [[0xFFFD]]),
        ("\u{202E}", 1, [[0xFFFD]]),
        ("", 1, [[0xFFFD]]),
        ("a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", 1, [[0x61, 0x301, 0x302, 0x303, 0x304]]),
    ] as [(String, UInt8, [[UInt32]])])
    func written(text: String, width: UInt8, expected: [[UInt32]]) {
        #expect(out(text, width: width) == expected)
    }

    @Test func widthDisagreementFallsBackToSameWidth() {
        // A C library that thinks everything is narrow (an old glibc and a new emoji).
        #expect(out("🫸", width: 2, system: { _ in 1 }) == [[0xFFFD], [0x20]])
        // One that cannot print it at all (a non-UTF-8 locale).
        #expect(out("é", system: { $0 < 0x80 ? 1 : -1 }) == [[0xFFFD]])
    }

    /// Whatever text is drawn, no written code point is a control, a bidi control or a format character.
    @Test func nothingUnsafeIsEverWritten() {
        var buffer = CellBuffer(size: Size(width: 40, height: 3))
        buffer.put("\u{1B}[2J\u{9B}\u{202E}x\u{2066}\u{200D}\u{FE0F}👨‍👩‍👧 e\u{301}", at: .zero)
        buffer.putTrusted("plain │ ─", at: Point(x: 0, y: 1))
        for change in buffer.changes(from: nil) {
            for piece in CellOutput.codePoints(for: change.cell, fallback: "?", systemWidth: Self.tableWidth) {
                for v in piece {
                    let s = Unicode.Scalar(v)!
                    #expect(!Sanitizer.isUnsafe(s) && !TextWidth.isIgnorable(s) && v != 0xFE0F, "U+\(String(v, radix: 16))")
                }
            }
        }
    }
}
