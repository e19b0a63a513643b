import ArgumentParser
import Foundation
import MailCore
import MailEngine

/// `tern flag`: Set or clear flags on messages.
struct FlagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag",
        abstract: "Set or clear flags on messages.",
        discussion: """
            Flags: seen, flagged, answered, draft, deleted, forwarded.

              tern flag 12 13 --set seen            mark two messages as read
              tern flag 12 --clear seen flagged     unread and unflagged
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: AccountOptions
    @OptionGroup var folderOption: FolderOption

    @Argument(help: ArgumentHelp("The messages' uids (from `tern list`).", valueName: "uid"))
    var uids: [UInt32] = []

    @Option(name: .customLong("set"), parsing: .upToNextOption, help: ArgumentHelp("Flags to set.", valueName: "flag"))
    var setFlags: [String] = []

    @Option(name: .customLong("clear"), parsing: .upToNextOption, help: ArgumentHelp("Flags to clear.", valueName: "flag"))
    var clearFlags: [String] = []

    /// The flags the command line may name.
    static let names: [String: MailCore.Flag] = [
        "seen": .seen, "flagged": .flagged, "answered": .answered, "draft": .draft, "deleted": .deleted, "forwarded": .forwarded,
    ]

    /// The flag called `name` (any case).
    static func flag(_ name: String) throws -> MailCore.Flag {
        guard let flag = names[name.lowercased()] else {
            throw ValidationError("Unknown flag \"\(name)\"; use seen, flagged, answered, draft, deleted or forwarded.")
        }
        return flag
    }

    mutating func validate() throws {
        if uids.isEmpty { throw ValidationError("Give the uids of the messages (see `tern list`).") }
        if setFlags.isEmpty && clearFlags.isEmpty { throw ValidationError("Say what to change: --set FLAG... or --clear FLAG....") }
        let set = try Set(setFlags.map(Self.flag))
        let clear = try Set(clearFlags.map(Self.flag))
        if let both = set.intersection(clear).first { throw ValidationError("\(both.name) is both set and cleared; choose one.") }
    }

    mutating func run() async throws {
        let set = try Set(setFlags.map(Self.flag))
        let clear = try Set(clearFlags.map(Self.flag))
        let session = try AccountSession.open(options, global: global)
        let backend = session.backend
        let folder = try await session.folder(folderOption.folder)
        try await session.sync(folder)
        let uids = self.uids.map(UID.init)
        if !set.isEmpty { try await session.run { try await backend.setFlags(.add(set), on: uids, in: folder) } }
        if !clear.isEmpty { try await session.run { try await backend.setFlags(.remove(clear), on: uids, in: folder) } }
        await backend.close()
    }
}
