import Testing
@testable import TerminalKit

/// OSC 52: the terminal's clipboard.
@Suite struct ClipboardSequenceTests {
    @Test func osc52Sequence() {
        #expect(ClipboardSequence.osc52("hi") == Array("\u{1B}]52;c;aGk=\u{07}".utf8))
        #expect(ClipboardSequence.base64(Array("abc".utf8)) == Array("YWJj".utf8))
        #expect(ClipboardSequence.base64(Array("ab".utf8)) == Array("YWI=".utf8))
        #expect(ClipboardSequence.base64([]) == [])
        #expect(ClipboardSequence.osc52(String(repeating: "x", count: ClipboardSequence.maximumBytes + 1)) == nil)
        let screen = VirtualScreen(width: 10, height: 2)
        #expect(screen.setClipboard("https://example.test/"))
        #expect(screen.clipboardWrites == [ClipboardSequence.osc52("https://example.test/")!])
    }
}
