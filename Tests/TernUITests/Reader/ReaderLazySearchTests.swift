import Foundation
import MailCore
import Testing
@testable import TernUI

/// Searching lays out only as far as the match; a layout finished off the UI thread is taken over
/// with the position, the search and a pending `G`.
@Suite struct ReaderLazySearchTests {
    /// 2 header lines, a blank, then `line 1` ... `line N` (one laid-out line each).
    static func state(lines: Int = 20_000, height: Int = 10) -> ReaderState {
        ReaderStateTests.state(lines: lines, height: height)
    }

    @Test func theFirstMatchNeedsOnlyTheLinesUpToIt() {
        var s = Self.state()
        let r1 = s.find("line 300")

        #expect(r1)
        #expect(!s.document.isComplete, "not the whole message for a match near the top")
        #expect(s.document.lines.count < 3_000, "\(s.document.lines.count)")
        let match = try! #require(s.currentMatch.map { s.search!.matches[$0] })
        #expect(s.document.lines[match.line].text == "line 300")
        #expect(s.top <= match.line && match.line < s.top + s.height)
        // n: the next match (line 3000 ...), laying out further as it goes.
        let r2 = s.findNext()

        #expect(r2)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 3000")
        #expect(!s.document.isComplete)
        // N twice: back to line 300, then wrapping around to the last match (which needs everything).
        let r3 = s.findNext(backward: true)

        #expect(r3)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 300")
        let r4 = s.findNext(backward: true)

        #expect(r4)
        #expect(s.document.isComplete)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 3009")
        // n wraps to the first match again.
        let r5 = s.findNext()

        #expect(r5)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 300")
    }

    @Test func nothingFoundAndHighlightsFollowTheLayout() {
        var s = Self.state()
        let r6 = s.find("nowhere")

        #expect(!r6)
        #expect(s.document.isComplete)
        var t = Self.state()
        let r9 = t.find("line 1")
        #expect(r9)
        let scanned = t.search!.scanned
        t.scroll(by: 10_000)
        #expect(t.search!.scanned == scanned, "scrolling scans nothing")
        // The lines on screen are highlighted all the same: line 10000 ... are on it.
        let onScreen = (t.top..<(t.top + t.height)).flatMap { t.search!.matches(onLine: $0, text: t.document.lines[$0].text) }
        #expect(!onScreen.isEmpty && onScreen.allSatisfy { $0.index == -1 })
    }

    @Test(arguments: ["LINE 7", "line 7", "Line 7"])
    func smartCase(_ query: String) {
        var s = ReaderStateTests.state(lines: 10)
        let found = s.find(query)
        #expect(found == (query != "LINE 7" && query != "Line 7"), "an upper-case letter makes the search exact")
    }

    @Test func nonASCIIQueriesFoldCase() {
        let message = Message("Subject: S\r\n\r\nplain line\r\nCAFÉ au lait\r\nanother café\r\n")
        var s = ReaderState(message: message, options: ReaderOptions(width: 40, timeZone: ReaderTest.utc), height: 10)
        let r8 = s.find("café")

        #expect(r8)
        #expect(s.search?.matches.count == 2)
    }

    @Test func aBackgroundLayoutIsTakenWithAPendingBottom() {
        var s = Self.state()
        var finished = s.document
        finished.layOutAll()
        s.scroll(by: 100)
        let r9 = s.find("line 150")

        #expect(r9)
        s.wantsBottom = true
        let r10 = s.adopt(finished)

        #expect(r10)
        #expect(s.document.isComplete)
        #expect(s.isAtBottom && s.positionText == "Bot")
        #expect(s.search!.scanned < 1_000, "taking a layout scans nothing")
        // A layout for other options is not taken.
        var other = Self.state()
        var wide = other.options
        wide.width = 80
        var elsewhere = ReaderDocument(message: other.document.message, options: wide)
        elsewhere.layOutAll()
        let r11 = other.adopt(elsewhere)

        #expect(!r11)
        #expect(!other.document.isComplete)
    }

    @Test func aSearchNearTheEndScansFromWhereItStarts() {
        var s = Self.state()
        s.scroll(by: 19_000)
        let top = s.top
        let r1 = s.find("line 195")
        #expect(r1)
        #expect(s.search!.scannedLines.lowerBound == top, "nothing above the top line is scanned")
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 19500")
        // n: the next line; N back, N again goes above the window and scans up to line 1959.
        let r2 = s.findNext()
        #expect(r2)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 19501")
        let r3 = s.findNext(backward: true)
        #expect(r3)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 19500")
        let r4 = s.findNext(backward: true)
        #expect(r4)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 1959")
        #expect(s.search!.scannedLines.lowerBound < top)
    }
}
