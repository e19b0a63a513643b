import ArgumentParser
import Foundation
import MailCore
import MailEngine

/// `tern delete`: Move messages to the Trash, or remove them for good.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Move messages to the Trash, or remove them for good with --expunge.",
        discussion: """
            Deleting in the Trash itself removes for good. A Maildir account without a Trash folder \
            gets one at the first delete.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: AccountOptions
    @OptionGroup var folderOption: FolderOption

    @Argument(help: ArgumentHelp("The messages' uids (from `tern list`).", valueName: "uid"))
    var uids: [UInt32] = []

    @ArgumentParser.Flag(name: .long, help: "Remove the messages for good instead of moving them to the Trash.")
    var expunge = false

    mutating func validate() throws {
        if uids.isEmpty { throw ValidationError("Give the uids of the messages to delete (see `tern list`).") }
    }

    mutating func run() async throws {
        let session = try AccountSession.open(options, global: global)
        let backend = session.backend
        let folder = try await session.folder(folderOption.folder)
        try await session.sync(folder)
        let uids = self.uids.map(UID.init)
        let plural = uids.count == 1 ? "" : "s"
        if expunge {
            try await session.run { try await backend.expunge(uids, in: folder) }
            print("Removed \(uids.count) message\(plural) for good.")
        } else {
            try await session.run { try await backend.delete(uids, in: folder) }
            print("Deleted \(uids.count) message\(plural).")
        }
        await backend.close()
    }
}
