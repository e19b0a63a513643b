import ArgumentParser
import Foundation
import MailCore
import MailEngine

/// `tern move`: Move messages to another folder of the same account.
struct MoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move messages to another folder of the same account.",
        discussion: """
              tern move 12 13 --to Archive
              tern move --folder Archive 7 --to INBOX
            In the target folder the messages get new uids.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: AccountOptions
    @OptionGroup var folderOption: FolderOption

    @Argument(help: ArgumentHelp("The messages' uids (from `tern list`).", valueName: "uid"))
    var uids: [UInt32] = []

    @Option(name: .long, help: ArgumentHelp("The folder to move them to.", valueName: "folder"))
    var to: String

    mutating func validate() throws {
        if uids.isEmpty { throw ValidationError("Give the uids of the messages to move (see `tern list`).") }
    }

    mutating func run() async throws {
        let session = try AccountSession.open(options, global: global)
        let backend = session.backend
        let folder = try await session.folder(folderOption.folder)
        let target = try await session.folder(to)
        try await session.sync(folder)
        try await session.sync(target)
        let uids = self.uids.map(UID.init)
        try await session.run { try await backend.move(uids, from: folder, to: target) }
        await backend.close()
        print("Moved \(uids.count) message\(uids.count == 1 ? "" : "s") from \(folder) to \(target).")
    }
}
