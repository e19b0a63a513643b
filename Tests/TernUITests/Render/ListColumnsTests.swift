import Testing
@testable import TernUI

@Suite struct ListColumnsTests {
    @Test(arguments: [
        (120, 16, 16, 22, 4), (80, 10, 10, 16, 4), (59, 10, 10, 11, 0), (40, 10, 0, 10, 0), (20, 10, 0, 0, 0),
    ])
    func dropsColumnsAsTheListNarrows(width: Int, dateWidth: Int, date: Int, from: Int, size: Int) {
        let columns = ListColumns(width: width, dateWidth: dateWidth)
        #expect(columns.date == date)
        #expect(columns.from == from)
        #expect(columns.size == size)
        let used = ListColumns.flagsWidth + 1 + [columns.date, columns.from, columns.size].filter { $0 > 0 }.map { $0 + 1 }.reduce(0, +)
        #expect(columns.subject == max(0, width - used), "the subject takes the rest")
    }
}
