import Testing
@testable import TerminalKit

@Suite struct RectTests {
    @Test func negativeSizesClampToZero() {
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).isEmpty)
        #expect(Rect(x: 0, y: 0, width: 4, height: 4).inset(by: 3).size == Size(width: 0, height: 0))
    }

    @Test func intersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 5)
        #expect(a.intersection(Rect(x: 5, y: 3, width: 10, height: 10)) == Rect(x: 5, y: 3, width: 5, height: 2))
        #expect(a.intersection(Rect(x: 20, y: 0, width: 1, height: 1)).isEmpty)
    }

    @Test func splits() {
        let a = Rect(x: 1, y: 1, width: 10, height: 5)
        #expect(a.splitTop(2) == (Rect(x: 1, y: 1, width: 10, height: 2), Rect(x: 1, y: 3, width: 10, height: 3)))
        #expect(a.splitBottom(9).bottom == a)
        #expect(a.splitLeft(3).rest == Rect(x: 4, y: 1, width: 7, height: 5))
        #expect(a.centered(Size(width: 4, height: 1)) == Rect(x: 4, y: 3, width: 4, height: 1))
    }
}
