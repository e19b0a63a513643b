import Foundation
import MailCore
import Testing
@testable import TernUI

@Suite struct ReaderStateTests {
    static func state(lines: Int = 100, height: Int = 10, width: Int = 40) -> ReaderState {
        let body = (1...lines).map { "line \($0)" }.joined(separator: "\r\n")
        let message = Message("Subject: S\r\n\r\n" + body)
        return ReaderState(message: message, options: ReaderOptions(width: width, timeZone: ReaderTest.utc), height: height)
    }

    @Test func scrollingClampsAndReportsThePosition() {
        var s = Self.state()  // 2 header lines + 100 body lines
        #expect(s.positionText == "Top")
        s.scroll(by: -5)
        #expect(s.top == 0)
        s.scroll(by: 3)
        #expect(s.top == 3)
        s.page(by: 1)
        #expect(s.top == 12)
        #expect(s.positionText.hasSuffix("%") || s.positionText.hasSuffix("%+"))
        s.toBottom()
        #expect(s.top == 92 && s.isAtBottom && s.positionText == "Bot")
        s.scroll(by: 50)
        #expect(s.top == 92)
        s.page(by: -1)
        #expect(s.top == 83)
        #expect(s.positionText == "91%", "lines 84-93 of 102")
        s.toTop()
        #expect(s.top == 0)
        var small = Self.state(lines: 3)
        small.scroll(by: 1)
        #expect(small.top == 0 && small.positionText == "All")
    }

    @Test func searchMovesToMatchesAndWraps() {
        var s = Self.state()
        let found = s.find("line 5")  // line 5, 50..59
        #expect(found)
        #expect(s.search?.matches.count == 11)
        #expect(s.currentMatch == 0)
        #expect(s.document.lines[s.search!.matches[0].line].text == "line 5")
        let r1 = s.findNext()
        #expect(r1)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 50")
        #expect(s.top > 0, "the match is brought on screen")
        let r2 = s.findNext(backward: true)
        #expect(r2)
        #expect(s.currentMatch == 0)
        let r3 = s.findNext(backward: true)
        #expect(r3)
        #expect(s.currentMatch == 10, "wraps to the last match")
        let r4 = s.find("no such text")
        #expect(!r4)
        let r5 = s.findNext()
        #expect(!r5)
        s.clearSearch()
        #expect(s.search == nil)
    }

    @Test func optionsAndResize() {
        var s = Self.state(lines: 200)
        s.scroll(by: 100)
        var o = s.options
        o.showAllHeaders = true
        s.setOptions(o)
        #expect(s.top == 0, "a different view starts at the top")
        s.scroll(by: 100)
        s.resize(width: 20, height: 10)
        #expect(s.options.width == 20)
        #expect(s.top > 50, "a new width keeps about the same place (\(s.top))")
        s.resize(width: 20, height: 30)
        #expect(s.height == 30)
        let r6 = s.urls().isEmpty
        #expect(r6)
    }

    @Test func changingOptionsWithASearchLaysOutOnlyTheFirstScreen() {
        var s = Self.state(lines: 5000)
        s.find("line 4999")
        #expect(s.document.isComplete)
        var o = s.options
        o.showAllHeaders = true
        s.setOptions(o)
        #expect(!s.document.isComplete, "a toggle lays out the first screen only")
        #expect(s.search == nil && s.lastQuery == "line 4999")
        // n searches the new layout.
        let again = s.findNext()
        #expect(!again, "no highlights until searched again")
        let found = s.find("line 4999")
        #expect(found)
        #expect(s.document.lines[s.search!.matches[s.currentMatch!].line].text == "line 4999")
    }
}
