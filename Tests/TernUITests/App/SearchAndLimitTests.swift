import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// `/`, `n`, `N`, limit, next unread, sort.
@Suite struct SearchAndLimitTests {
    @Test func limitShowsOnlyMatches() async {
        let h = Harness(inbox: 40)
        await h.start()
        await h.press("l")
        #expect(h.lines[23].hasPrefix("Limit to: "))
        await h.type("is:unread")
        await h.press("<Enter>")
        #expect(h.state.folder?.count == 6)
        #expect(h.lines[22].contains("6 shown") && h.lines[22].contains("limit: is:unread"))
        #expect(h.lines.prefix(6).allSatisfy { $0.dropFirst(21).hasPrefix(" N") })
        await h.press("l<C-u><Enter>")
        #expect(h.state.folder?.count == 40)
        #expect(h.state.folder?.limit == nil)
    }

    @Test func limitWithNoMatchSaysSo() async {
        let h = Harness(inbox: 5)
        await h.start()
        await h.press(":")
        await h.type("limit from:nobody")
        await h.press("<Enter>")
        #expect(h.text.contains("No messages match from:nobody"))
    }

    @Test func badQueryIsExplained() async {
        let h = Harness(inbox: 5)
        await h.start()
        await h.press("/")
        await h.type("colour:red")
        await h.press("<Enter>")
        #expect(h.state.message?.level == .error)
        #expect(h.lines[23].contains("unknown search key \"colour:\""))
    }

    @Test func searchForwardWrapsAndRepeats() async {
        let h = Harness(inbox: 40)
        await h.start()
        await h.press("/")
        await h.type("subject:invoice")
        await h.press("<Enter>")
        // From the last line forward: wraps to the first Invoice (#4).
        #expect(h.state.folder?.selectedRow?.subject == "Invoice 2231 #4")
        #expect(h.state.message?.text == "Search wrapped around")
        await h.press("n")
        #expect(h.state.folder?.selectedRow?.subject == "Invoice 2231 #12")
        await h.press("N")
        #expect(h.state.folder?.selectedRow?.subject == "Invoice 2231 #4")
        await h.press("<M-/>")
        await h.type("lisbon")
        await h.press("<Enter>")
        #expect(h.state.folder?.selectedRow?.subject == "Trip to Lisbon #37")
    }

    @Test func searchInABigFolderPagesThroughTheCache() async {
        let h = Harness(inbox: 20_000)
        await h.start()
        await h.press("gg/")
        await h.type("#19999")
        await h.press("<Enter>")
        #expect(h.state.folder?.selectedRow?.subject.hasSuffix("#19999") == true)
        #expect(h.lines.contains { $0.contains("#19999") })
    }

    @Test func bodySearchAsksTheBackend() async {
        let h = Harness(inbox: 20)
        await h.start()
        await h.press("gg/")
        await h.type("body:\"number 12.\"")
        await h.press("<Enter>")
        #expect(h.state.folder?.selectedRow?.subject.hasSuffix("#12") == true)
        #expect(await h.backend.calls.contains("search INBOX"))
    }

    @Test func nextUnreadWraps() async {
        let h = Harness(inbox: 40)
        await h.start()
        await h.press("<Tab>")
        #expect(h.state.folder?.selectedRow?.subject.hasSuffix("#4") == true)
        await h.press("<Tab>")
        #expect(h.state.folder?.selectedRow?.subject.hasSuffix("#11") == true)
        await h.press("<S-Tab><S-Tab>")
        #expect(h.state.folder?.selectedRow?.subject.hasSuffix("#39") == true)
    }

    @Test func nextUnreadBeyondTheLoadedRowsUsesAFind() async throws {
        let h = Harness(inbox: 5000)
        await h.start()
        await h.press("gg")
        let read = await h.backend.uids(in: .inbox).prefix(2000)
        try await h.backend.setFlags(.add([.seen]), on: Array(read), in: .inbox)
        await h.settle([])
        _ = h.takeEffects()
        await h.press("gg<Tab>")
        #expect(h.state.folder?.list.selected == 2005)
        #expect(h.takeEffects().contains { if case .find = $0 { return true } else { return false } })
    }

    @Test func sortChoice() async {
        let h = Harness(inbox: 20)
        await h.start()
        await h.press("o")
        #expect(h.lines[23].hasPrefix("Sort by (d)ate, (f)rom, (s)ubject, si(z)e or (t)hread? [d/f/s/z/t]"))
        await h.press("s")
        #expect(h.state.folder?.order == ListOrder(field: .subject))
        #expect(h.lines[22].contains("sort: subject"))
        #expect(h.lines[0].contains("Build broken on main #11"))
        await h.press("Oz")
        #expect(h.state.folder?.order == ListOrder(field: .size, reverse: true))
        await h.press("o<Esc>")
        #expect(h.state.choice == nil)
        await h.press(":")
        await h.type("sort reverse-from")
        await h.press("<Enter>")
        #expect(h.state.folder?.order == ListOrder(field: .from, reverse: true))
    }

    @Test func promptHistory() async {
        let h = Harness(inbox: 10)
        await h.start()
        await h.press("/")
        await h.type("first")
        await h.press("<Enter>/")
        await h.type("second")
        await h.press("<Enter>/")
        await h.type("draft")
        await h.press("<Up>")
        #expect(h.state.prompt?.field.text == "second")
        await h.press("<Up><Up>")
        #expect(h.state.prompt?.field.text == "first")
        await h.press("<Down><Down>")
        #expect(h.state.prompt?.field.text == "draft")
        await h.press("<Esc>")
        #expect(h.state.prompt == nil)
    }
}
