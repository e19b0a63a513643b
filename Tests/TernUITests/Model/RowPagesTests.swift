import MailCore
import Testing
@testable import TernUI

@Suite struct RowPagesTests {
    func rows(_ page: Int, _ count: Int = RowPages.pageSize) -> [MessageRow] {
        (0..<count).map { i in
            MessageRow(uid: UID(UInt32(page * RowPages.pageSize + i + 1)), flags: [], date: nil, from: "a", to: "b",
                       subject: "s\(page * RowPages.pageSize + i)", size: 1, hasAttachments: false)
        }
    }

    /// The first screen's pages: the visible rows and half a page either side, clipped to the list.
    @Test(arguments: [
        (100_000, 21, true, 780...781), (100_000, 21, false, 0...0), (100_000, 70, false, 0...1),
        (300, 21, true, 1...2), (10, 21, true, 0...0), (10, 21, false, 0...0),
    ])
    func edgePages(count: Int, height: Int, atEnd: Bool, pages: ClosedRange<Int>) {
        #expect(RowPages.edgePages(count: count, height: height, atEnd: atEnd) == pages)
    }

    @Test func noEdgePagesOfAnEmptyList() {
        #expect(RowPages.edgePages(count: 0, height: 21, atEnd: true) == nil)
    }

    @Test func requestsOnlyThePagesOfTheWindowOnce() {
        var pages = RowPages()
        #expect(pages.pagesToRequest(for: 250..<300, count: 100_000) == [1, 2])
        #expect(pages.pagesToRequest(for: 250..<300, count: 100_000) == [], "already requested")
        pages.store(page: 1, rows: rows(1))
        #expect(pages.row(at: 130)?.subject == "s130")
        #expect(pages.row(at: 300) == nil)
        #expect(pages.pagesToRequest(for: 99_990..<100_050, count: 100_000) == [781], "clipped to the count")
    }

    @Test func evictsTheLeastRecentlyUsedPages() {
        var pages = RowPages(capacity: 4)
        for page in 0..<6 {
            _ = pages.pagesToRequest(for: RowPages.range(ofPage: page, count: 10_000), count: 10_000)
            pages.store(page: page, rows: rows(page))
        }
        #expect(pages.loadedPageCount == 4)
        #expect(pages.row(at: 0) == nil)
        #expect(pages.row(at: 5 * RowPages.pageSize) != nil)
    }

    @Test func stalePagesStayVisibleUntilReloaded() {
        var pages = RowPages()
        _ = pages.pagesToRequest(for: 0..<10, count: 10)
        pages.store(page: 0, rows: rows(0, 10))
        pages.markStale()
        #expect(pages.row(at: 3) != nil)
        #expect(pages.pagesToRequest(for: 0..<10, count: 10) == [0])
        pages.store(page: 0, rows: rows(0, 5))
        #expect(pages.row(at: 7) == nil)
    }

    @Test func updatesRowsByUID() {
        var pages = RowPages()
        pages.store(page: 0, rows: rows(0, 10))
        pages.update(uids: [UID(3), UID(4)]) { $0.flags.insert(.flagged) }
        #expect(pages.row(at: 2)?.flags == .flagged)
        #expect(pages.row(at: 4)?.flags == [])
        #expect(pages.position(of: UID(10)) == 9)
    }

    @Test func failedRequestsAreAskedAgain() {
        var pages = RowPages()
        #expect(pages.pagesToRequest(for: 0..<10, count: 10) == [0])
        pages.requestFailed(page: 0)
        #expect(pages.pagesToRequest(for: 0..<10, count: 10) == [0])
    }
}
