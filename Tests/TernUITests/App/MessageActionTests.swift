import Foundation
import MailCore
import MailEngine
import Testing
import TerminalKit
import TernTestSupport
@testable import TernUI

/// Flags, deletion with undo, moves and copies, tags and the tag prefix.
@Suite struct MessageActionTests {
    @Test func flagAndReadToggleAtOnceAndInTheBackend() async {
        let h = Harness(inbox: 10)
        await h.start()
        let uid = h.state.folder!.selectedRow!.uid
        await h.press("*")
        #expect(h.state.folder!.selectedRow!.flags.contains(.flagged))
        #expect(h.lines[9].dropFirst(21).hasPrefix("  F"))
        #expect(await h.backend.flags(of: uid, in: .inbox)?.contains(.flagged) == true)
        await h.press("*")
        #expect(await h.backend.flags(of: uid, in: .inbox)?.contains(.flagged) == false)
        await h.press("U")
        #expect(h.state.folder!.selectedRow!.isUnread)
        #expect(await h.backend.flags(of: uid, in: .inbox)?.contains(.seen) == false)
    }

    @Test func deleteIsUndoneUntilSync() async {
        let h = Harness(inbox: 10)
        await h.start()
        await h.press("k")
        let uid = h.state.folder!.selectedRow!.uid
        await h.press("d")
        #expect(h.state.folder!.pendingDeletion == [uid])
        #expect(h.state.folder!.list.selected == 9, "d moves on")
        #expect(h.lines[8].dropFirst(21).hasPrefix(" D"))
        #expect(h.lines[22].contains("1 to delete"))
        await h.press("ku")
        #expect(h.state.folder!.pendingDeletion.isEmpty)
        await h.press("kd$")
        #expect(h.state.message?.text.contains("deleted") == true)
        #expect(await h.backend.uids(in: .inbox).count == 9)
        #expect(h.state.folder?.count == 9)
    }

    @Test func quitCarriesOutMarkedDeletions() async {
        let h = Harness(inbox: 5)
        await h.start()
        await h.press("dd")
        await h.press("q")
        #expect(h.state.quitRequested)
        #expect(await h.backend.uids(in: .inbox).count == 4, "one marked twice is deleted once")
    }

    @Test func moveToACompletedFolder() async {
        let h = Harness(inbox: 10)
        await h.start()
        let uid = h.state.folder!.selectedRow!.uid
        await h.press("s")
        #expect(h.lines[23].hasPrefix("Move to: "))
        await h.type("Arc")
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == "Archive")
        await h.press("<Enter>")
        #expect(await h.backend.uids(in: .inbox).contains(uid) == false)
        #expect(await h.backend.uids(in: MailboxPath("Archive")).count == 1)
        #expect(h.state.folder?.count == 9)
        #expect(h.state.message?.text == "1 message moved to Archive")
    }

    @Test func completionCyclesThroughCandidates() async {
        let h = Harness(inbox: 3)
        await h.start()
        await h.press("C")
        await h.type("s")
        await h.press("<Tab>")
        #expect(h.state.prompt?.completions == ["Sent", "Lists/swift"])
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == "Sent")
        #expect(h.lines[22].contains(" Sent ") && h.lines[22].contains(" Lists/swift "))
        await h.press("<Tab>")
        #expect(h.state.prompt?.field.text == "Lists/swift")
        await h.press("<Enter>")
        #expect(await h.backend.uids(in: MailboxPath("Lists/swift")).count == 1)
        #expect(await h.backend.uids(in: .inbox).count == 3, "copy keeps the original")
    }

    @Test func unknownFolderIsAnErrorNotAMove() async {
        let h = Harness(inbox: 3)
        await h.start()
        await h.press("s")
        await h.type("Nowhere")
        await h.press("<Enter>")
        #expect(h.state.message?.level == .error)
        #expect(h.state.message?.text.contains("has no folder \"Nowhere\"") == true)
        #expect(await h.backend.uids(in: .inbox).count == 3)
    }

    @Test func archiveGoesToTheArchiveRole() async {
        let h = Harness(inbox: 4)
        await h.start()
        await h.press(":")
        await h.type("archive")
        await h.press("<Enter>")
        #expect(await h.backend.uids(in: MailboxPath("Archive")).count == 1)
    }

    @Test func tagByPatternThenActOnTheTagged() async {
        let h = Harness(inbox: 30)
        await h.start()
        await h.press("T")
        await h.type("from:bob")
        await h.press("<Enter>")
        #expect(h.state.folder?.tagged.count == 5)
        #expect(h.state.message?.text == "5 tagged (5 in all)")
        #expect(h.lines[22].contains("5 tagged"))
        let taggedLine = h.lines.first { $0.contains("Bob Baker") }
        #expect(taggedLine?.dropFirst(21).hasPrefix("*") == true)
        await h.press(";*")
        for uid in h.state.folder!.tagged {
            #expect(await h.backend.flags(of: uid, in: .inbox)?.contains(.flagged) == true)
        }
        await h.press(";d")
        #expect(h.state.folder?.pendingDeletion.count == 5)
        await h.press("$")
        #expect(await h.backend.uids(in: .inbox).count == 25)
        #expect(h.state.folder?.tagged.isEmpty == true)
    }

    @Test func tagToggleAndUntagPattern() async {
        let h = Harness(inbox: 10)
        await h.start()
        await h.press("kkt")
        #expect(h.state.folder?.tagged.count == 1)
        #expect(h.state.folder?.list.selected == 8, "t moves on")
        await h.press("kt")
        #expect(h.state.folder?.tagged.isEmpty == true, "t again untags")
        await h.press("tt")
        #expect(h.state.folder?.tagged.count == 2)
        await h.press("<C-t>")
        await h.type("subject:#")
        await h.press("<Enter>")
        #expect(h.state.folder?.tagged.isEmpty == true)
    }

    @Test func tagPrefixWithoutTagsSaysSo() async {
        let h = Harness(inbox: 3)
        await h.start()
        await h.press(";")
        #expect(h.state.message?.text == "No tagged messages")
        #expect(!h.state.tagPrefix)
    }

    @Test func failedChangeShowsTheErrorAndReloads() async {
        let h = Harness(inbox: 3)
        await h.start()
        await h.deliver(.performed(.move(to: MailboxPath("Archive")), uids: [UID(1)], in: h.state.folder!.key,
                                   .failure(UIError("the server said NO"))))
        #expect(h.state.message?.level == .error)
        #expect(h.state.message?.text == "1 message not moved to Archive: the server said NO")
        #expect(h.state.log.entries.last?.text == h.state.message?.text)
    }
}
