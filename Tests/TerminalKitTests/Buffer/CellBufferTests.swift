import Testing
@testable import TerminalKit

@Suite struct CellBufferTests {
    @Test func putClipsAtTheRightEdge() {
        var b = CellBuffer(size: Size(width: 5, height: 2))
        let end = b.put("hello world", at: Point(x: 1, y: 0))
        #expect(end == 5)
        #expect(b.lines == [" hell", "     "])
    }

    @Test func wideCharactersTakeTwoCells() {
        var b = CellBuffer(size: Size(width: 6, height: 1))
        b.put("中a文", at: .zero)
        #expect(b.lines == ["中a文 "])
        #expect(b[0, 0].width == 2 && b[1, 0].isContinuation && b[2, 0].text == "a")
    }

    /// A wide character in the last column leaves a blank and never spills onto the next row.
    @Test func wideCharacterInLastColumnDoesNotCorruptNextLine() {
        var b = CellBuffer(size: Size(width: 5, height: 2))
        b.put("next!", at: Point(x: 0, y: 1))
        let end = b.put("abcd中", at: .zero)
        #expect(end == 5)
        #expect(b.lines == ["abcd ", "next!"])
        #expect(b.cells.allSatisfy { $0.width <= 2 })
        #expect(!b[4, 0].isContinuation && b[4, 0].width == 1)
    }

    @Test func wideCharacterAtClipEdgeLeavesBlank() {
        var b = CellBuffer(size: Size(width: 8, height: 1))
        b.put("xxxxxxxx", at: .zero)
        b.put("中中", at: Point(x: 1, y: 0), clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(b.lines == ["x中 xxxx"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = CellBuffer(size: Size(width: 4, height: 1))
        b.put("中文", at: .zero)
        b.put("x", at: Point(x: 1, y: 0))
        #expect(b.lines == [" x文"])
        b.put("y", at: Point(x: 2, y: 0))
        #expect(b.lines == [" xy "])
        #expect(!b.cells.contains { $0.isContinuation })
    }

    @Test func wideOverWide() {
        var b = CellBuffer(size: Size(width: 5, height: 1))
        b.put("中文", at: .zero)
        b.put("字", at: Point(x: 1, y: 0))
        #expect(b.lines == [" 字  "])
        #expect(b[1, 0].width == 2 && b[2, 0].isContinuation && !b[3, 0].isContinuation)
    }

    @Test func textStartingLeftOfTheClip() {
        var b = CellBuffer(size: Size(width: 6, height: 1))
        b.put("abcdef", at: Point(x: -2, y: 0), clip: Rect(x: 0, y: 0, width: 6, height: 1))
        #expect(b.lines == ["cdef  "])
        b.put("中文xy", at: Point(x: -1, y: 0))
        #expect(b.lines == [" 文xy "])
    }

    @Test func combiningAndEmoji() {
        var b = CellBuffer(size: Size(width: 8, height: 1))
        b.put("e\u{301}😀👍🏽!", at: .zero)
        #expect(b.lines == ["e\u{301}😀👍🏽!  "])
        #expect(b[0, 0].text == "e\u{301}")
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 0, height: 3), Size(width: 3, height: 0)])
    func degenerateSizesDoNotCrash(size: Size) {
        var b = CellBuffer(size: size)
        b.put("中文 text", at: .zero)
        b.put("x", at: Point(x: -5, y: -5))
        b.putTrusted("│", at: Point(x: 100, y: 100))
        b.fill(Rect(x: -1, y: -1, width: 10, height: 10), style: Style(attributes: .bold))
        b.patchStyle(Rect(x: 0, y: 0, width: 10, height: 10), with: Style(foreground: .red))
        #expect(b.lines.count == size.height)
        #expect(b.changes(from: nil).count == size.area)
    }

    @Test func resizeKeepsTopLeftAndCutsWidePairs() {
        var b = CellBuffer(size: Size(width: 4, height: 2))
        b.put("ab中", at: .zero)
        b.put("cdef", at: Point(x: 0, y: 1))
        b.resize(to: Size(width: 3, height: 3))
        #expect(b.lines == ["ab ", "cde", "   "])
        #expect(!b.cells.contains { $0.width == 2 })
    }

    @Test func changesListOnlyChangedCells() {
        var a = CellBuffer(size: Size(width: 5, height: 2))
        a.put("hello", at: .zero)
        var b = a
        b.put("J", at: .zero)
        b.put("中", at: Point(x: 2, y: 1))
        let changes = b.changes(from: a)
        #expect(changes.map(\.point) == [Point(x: 0, y: 0), Point(x: 2, y: 1)])
        #expect(changes[1].cell.width == 2)
        #expect(b.changes(from: b).isEmpty)
        // Replacing a wide character by two narrow ones lists both.
        var c = b
        c.put("xy", at: Point(x: 2, y: 1))
        #expect(c.changes(from: b).map(\.point) == [Point(x: 2, y: 1), Point(x: 3, y: 1)])
    }

    @Test func styleLinesMapStyles() {
        var b = CellBuffer(size: Size(width: 6, height: 1))
        let bold = Style(attributes: .bold)
        b.put("ab", at: .zero, style: bold)
        b.put("中", at: Point(x: 3, y: 0), style: Style(foreground: .red))
        #expect(b.styleLine(0, legend: [".": .plain, "b": bold, "r": Style(foreground: .red)]) == "bb.rr.")
    }
}
