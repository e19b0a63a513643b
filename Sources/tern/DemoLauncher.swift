import Foundation
import MailCore
import MailEngine

/// `tern --demo`: until the interactive client exists, prints the demo mailbox's folders and the
/// newest messages of each, read through the same backend the client will use.
enum DemoLauncher {
    static func run(global: GlobalOptions) async throws {
        let session = try AccountSession.open(accountName: nil, demo: true, global: global)
        let backend = session.backend
        let listed = try await session.run { try await backend.folders() }
        for folder in listed { try await session.sync(folder.path) }
        let folders = try await session.run { try await backend.folders() }
        let width = DisplayWidth.terminalColumns()
        let own = Set(session.account.identities.map(\.address.comparisonKey))
        print("The tern demo mailbox (\(DemoMailbox.defaultLocation().path)).")
        print("The interactive client is not built yet; this is what it will show.\n")
        print(FoldersCommand.table(folders.map {
            FoldersCommand.Row(name: $0.path.description, role: $0.role?.rawValue, total: $0.total, unread: $0.unread)
        }))
        for folder in folders {
            let newest = try await session.run {
                try await backend.summaries(in: folder.path, order: .newestFirst, range: 0 ..< 10, filter: nil)
            }
            print("\n\(folder.path) (\(folder.total ?? newest.count) messages, newest first)")
            for line in MessageTable(width: width, ownAddresses: own).render(newest) { print(line) }
        }
        await backend.close()
        print("\nTry: tern list --demo --search is:unread, tern read --demo UID, tern folders --demo --json")
    }
}
