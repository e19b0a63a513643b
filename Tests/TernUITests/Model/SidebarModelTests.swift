import MailCore
import MailEngine
import Testing
import TernConfig
@testable import TernUI

@Suite struct SidebarModelTests {
    func account(_ name: String, _ folders: [FolderInfo], overrides: [FolderRole: String] = [:]) -> AccountState {
        var state = AccountState(name: name, roleOverrides: overrides)
        state.folders = folders
        return state
    }

    @Test func rolesFirstThenTheRestAsATree() {
        let folders = [
            FolderInfo(path: MailboxPath("Work")), FolderInfo(path: MailboxPath("Trash"), role: .trash),
            FolderInfo(path: MailboxPath("Work/2024")), FolderInfo(path: MailboxPath("Sent"), role: .sent),
            FolderInfo(path: .inbox, total: 40, unread: 3), FolderInfo(path: MailboxPath("Archive/2023")),
            FolderInfo(path: MailboxPath("Archive"), role: .archive), FolderInfo(path: MailboxPath("Drafts"), role: .drafts),
            FolderInfo(path: MailboxPath("Junk"), role: .junk), FolderInfo(path: MailboxPath("Work/2024/Q1")),
        ]
        let entries = SidebarModel.entries(for: [account("me", folders)])
        #expect(entries.map(\.name) == ["Inbox", "Drafts", "Sent", "Archive", "Junk", "Trash", "Archive/2023", "Work", "2024", "Q1"])
        #expect(entries.map(\.depth) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 2])
        #expect(entries[0].unread == 3 && entries[0].total == 40)
    }

    @Test func configOverridesGiveRoles() {
        let folders = [FolderInfo(path: MailboxPath("Saved")), FolderInfo(path: MailboxPath("Old mail"))]
        let entries = SidebarModel.entries(for: [account("me", folders, overrides: [.archive: "Old mail"])])
        #expect(entries.map(\.name) == ["Inbox", "Old mail", "Saved"])
        #expect(entries[1].role == .archive)
    }

    @Test func severalAccountsEachUnderTheirName() {
        let entries = SidebarModel.entries(for: [account("home", [FolderInfo(path: .inbox)]),
                                                 account("work", [FolderInfo(path: .inbox), FolderInfo(path: MailboxPath("Sent"), role: .sent)])])
        #expect(entries.map(\.name) == ["home", "Inbox", "work", "Inbox", "Sent"])
        #expect(entries.map(\.depth) == [0, 1, 0, 1, 1])
        #expect(entries[0].folderKey == nil)
        #expect(entries[4].folderKey == FolderKey(account: "work", path: MailboxPath("Sent")))
    }
}
