import Testing
@testable import TerminalKit

/// Decodes `bytes` fed whole and flushed at the end (as after the escape delay).
func decodeAll(_ bytes: [UInt8], extra: [[UInt8]: Key] = [:]) -> [InputEvent] {
    var d = KeyDecoder(extraSequences: extra)
    return d.feed(bytes) + d.flush()
}

func keys(_ notation: String) -> [InputEvent] { Key.parseSequence(notation)!.map { .key($0) } }

@Suite struct KeyDecoderTests {
    static let table: [(String, String, [InputEvent])] = [
        ("plain", "jkG", keys("jkG")),
        ("utf8", "é中😀", keys("é中😀")),
        ("enter tab backspace", "\r\t\u{7F}", [.key(.enter), .key(.tab), .key(.backspace)]),
        ("control letters", "\u{01}\u{04}\u{15}\u{08}\u{0A}", keys("<C-a><C-d><C-u><C-h><C-j>")),
        ("control space and punctuation", "\u{00}\u{1C}\u{1D}\u{1F}", [.key(Key(.character(" "), modifiers: .control)), .key(.ctrl("\\")), .key(.ctrl("]")), .key(.ctrl("_"))]),
        ("escape alone", "\u{1B}", [.key(.escape)]),
        ("alt letter", "\u{1B}x", keys("<M-x>")),
        ("alt upper", "\u{1B}X", [.key(.alt("X"))]),
        ("alt enter", "\u{1B}\r", [.key(Key(.enter, modifiers: .alt))]),
        ("alt backspace", "\u{1B}\u{7F}", [.key(Key(.backspace, modifiers: .alt))]),
        ("ctrl alt", "\u{1B}\u{01}", [.key(Key(.character("a"), modifiers: [.control, .alt]))]),
        ("alt utf8", "\u{1B}é", [.key(.alt("é"))]),
        ("escape escape", "\u{1B}\u{1B}", [.key(.escape), .key(.escape)]),
        ("arrows csi", "\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D", [.key(.up), .key(.down), .key(.right), .key(.left)]),
        ("arrows ss3", "\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD", [.key(.up), .key(.down), .key(.right), .key(.left)]),
        ("home end", "\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~",
         [.key(.home), .key(.end), .key(.home), .key(.end), .key(.home), .key(.end), .key(.home), .key(.end)]),
        ("paging", "\u{1B}[5~\u{1B}[6~", [.key(.pageUp), .key(.pageDown)]),
        ("insert delete", "\u{1B}[2~\u{1B}[3~", [.key(Key(.insert)), .key(.delete)]),
        ("function keys", "\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS\u{1B}[15~\u{1B}[17~\u{1B}[21~\u{1B}[24~",
         keys("<F1><F2><F3><F4><F5><F6><F10><F12>")),
        ("linux console F keys", "\u{1B}[[A\u{1B}[[E", keys("<F1><F5>")),
        ("modified arrows", "\u{1B}[1;5A\u{1B}[1;3B\u{1B}[1;2C\u{1B}[1;7D",
         [.key(Key(.up, modifiers: .control)), .key(Key(.down, modifiers: .alt)), .key(Key(.right, modifiers: .shift)),
          .key(Key(.left, modifiers: [.control, .alt]))]),
        ("modified tilde", "\u{1B}[3;5~\u{1B}[5;2~", [.key(Key(.delete, modifiers: .control)), .key(Key(.pageUp, modifiers: .shift))]),
        ("modified F1", "\u{1B}[1;2P", [.key(Key(.function(1), modifiers: .shift))]),
        ("shift tab", "\u{1B}[Z", [.key(.backTab)]),
        ("alt arrow", "\u{1B}\u{1B}[A", [.key(Key(.up, modifiers: .alt))]),
        ("rxvt", "\u{1B}[a\u{1B}Od\u{1B}[3^\u{1B}[2$", [.key(Key(.up, modifiers: .shift)), .key(Key(.left, modifiers: .control)),
                                                       .key(Key(.delete, modifiers: .control)), .key(Key(.insert, modifiers: .shift))]),
        ("csi u", "\u{1B}[97;5u\u{1B}[13;3u\u{1B}[65;2u", [.key(.ctrl("a")), .key(Key(.enter, modifiers: .alt)), .key(.char("A"))]),
        ("keypad application", "\u{1B}OM\u{1B}Ok\u{1B}Op", [.key(.enter), .key(.char("+")), .key(.char("0"))]),
        ("paste", "a\u{1B}[200~hello\u{1B}world\r\n\u{1B}[201~b", [.key(.char("a")), .paste("hello\u{1B}world\r\n"), .key(.char("b"))]),
        ("paste with utf8 and nested start", "\u{1B}[200~中\u{1B}[200~x\u{1B}[201~", [.paste("中\u{1B}[200~x")]),
        ("empty paste", "\u{1B}[200~\u{1B}[201~", [.paste("")]),
        ("sgr mouse click", "\u{1B}[<0;5;3M\u{1B}[<0;5;3m",
         [.mouse(MouseEvent(kind: .press(.left), position: Point(x: 4, y: 2))), .mouse(MouseEvent(kind: .release(.left), position: Point(x: 4, y: 2)))]),
        ("sgr mouse wheel", "\u{1B}[<64;10;20M\u{1B}[<65;1;1M",
         [.mouse(MouseEvent(kind: .wheelUp, position: Point(x: 9, y: 19))), .mouse(MouseEvent(kind: .wheelDown, position: Point(x: 0, y: 0)))]),
        ("sgr mouse modifiers and drag", "\u{1B}[<18;2;2M\u{1B}[<32;3;3M",
         [.mouse(MouseEvent(kind: .press(.right), position: Point(x: 1, y: 1), modifiers: .control)),
          .mouse(MouseEvent(kind: .drag(.left), position: Point(x: 2, y: 2)))]),
        ("x10 mouse", "\u{1B}[M !!\u{1B}[M`##", [.mouse(MouseEvent(kind: .press(.left), position: Point(x: 0, y: 0))),
                                                 .mouse(MouseEvent(kind: .wheelUp, position: Point(x: 2, y: 2)))]),
        ("unknown csi ignored", "\u{1B}[99xq\u{1B}[?1;2cz\u{1B}[I", keys("qz")),
        ("invalid utf8", "\u{FF}a", [.key(.char("\u{FFFD}")), .key(.char("a"))]),
    ].map { ($0.0, $0.1, $0.2) }

    @Test(arguments: table)
    func decode(name: String, input: String, expected: [InputEvent]) {
        var bytes = Array(input.utf8)
        if name == "invalid utf8" { bytes = [0xFF, 0x61] }
        if name == "x10 mouse" { bytes = [0x1B, 0x5B, 0x4D, 32, 33, 33, 0x1B, 0x5B, 0x4D, 96, 35, 35] }
        #expect(decodeAll(bytes) == expected, "\(name)")
    }

    /// The same bytes fed whole, byte by byte and in random chunks give the same events.
    @Test func byteSplitInvariance() {
        var all: [UInt8] = []
        var expected: [InputEvent] = []
        // A trailing lone ESC would join the next entry's bytes, so those entries are split-tested alone below.
        let standalone: Set<String> = ["escape alone", "escape escape", "invalid utf8", "x10 mouse"]
        for (name, input, events) in Self.table where !standalone.contains(name) {
            all += Array(input.utf8)
            expected += events
        }
        #expect(decodeAll(all) == expected)
        var d = KeyDecoder()
        var oneByOne: [InputEvent] = []
        for b in all { oneByOne += d.feed([b]) }
        oneByOne += d.flush()
        #expect(oneByOne == expected)
        var generator = SplitMix(seed: 7)
        for _ in 0..<200 {
            var d = KeyDecoder()
            var events: [InputEvent] = []
            var i = 0
            while i < all.count {
                let n = Int(generator.next() % 9) + 1
                events += d.feed(all[i..<min(all.count, i + n)])
                i += n
            }
            events += d.flush()
            #expect(events == expected)
            if events != expected { break }
        }
    }

    /// Each table entry alone, byte by byte.
    @Test(arguments: table)
    func byteByByte(name: String, input: String, expected: [InputEvent]) {
        var bytes = Array(input.utf8)
        if name == "invalid utf8" { bytes = [0xFF, 0x61] }
        if name == "x10 mouse" { bytes = [0x1B, 0x5B, 0x4D, 32, 33, 33, 0x1B, 0x5B, 0x4D, 96, 35, 35] }
        var d = KeyDecoder()
        var events: [InputEvent] = []
        for b in bytes { events += d.feed([b]) }
        events += d.flush()
        #expect(events == expected, "\(name)")
    }

    @Test func loneEscapeWaitsForTheDelay() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]).isEmpty)
        #expect(d.hasPending)
        #expect(d.flush() == [.key(.escape)])
        #expect(!d.hasPending)
    }

    @Test func unfinishedSequenceAtPauseBecomesKeys() {
        var d = KeyDecoder()
        #expect(d.feed(Array("\u{1B}[1;".utf8)).isEmpty)
        #expect(d.flush() == [.key(.alt("[")), .key(.char("1")), .key(.char(";"))])
    }

    @Test func pasteStaysOpenAcrossPauses() {
        var d = KeyDecoder()
        #expect(d.feed(Array("\u{1B}[200~abc\u{1B}[20".utf8)).isEmpty)
        #expect(d.flush().isEmpty)
        #expect(d.isInPaste)
        #expect(d.feed(Array("1~x".utf8)) == [.paste("abc"), .key(.char("x"))])
    }

    @Test func longPasteArrivesInPieces() {
        var d = KeyDecoder()
        let big = [UInt8](repeating: UInt8(ascii: "z"), count: KeyDecoder.maxPasteChunk + 10)
        var events = d.feed(Array("\u{1B}[200~".utf8) + big)
        events += d.feed(Array("\u{1B}[201~".utf8))
        let text = events.map { if case .paste(let s) = $0 { return s } else { return "?" } }.joined()
        #expect(events.count == 2)
        #expect(text.utf8.count == big.count)
    }

    @Test func terminfoSequencesAreUsed() {
        let extra: [[UInt8]: Key] = [Array("\u{1B}[11^".utf8): .f(42), Array("\u{1B}Ow".utf8): .f(43)]
        #expect(decodeAll(Array("\u{1B}[11^\u{1B}Ow".utf8), extra: extra) == keys("<F42><F43>"))
    }

    @Test func garbageNeverCrashes() {
        var generator = SplitMix(seed: 99)
        for _ in 0..<300 {
            let bytes = (0..<Int(generator.next() % 40)).map { _ in
                [0x1B, 0x5B, 0x3C, 0x3B, 0x30, 0x7E, 0x4D, 0xE4, 0xB8][Int(generator.next() % 9)] as UInt8
            }
            _ = decodeAll(bytes)
        }
    }
}

/// A small deterministic random generator for split tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
