import ArgumentParser
import Foundation
import MailCore
import MailEngine

/// `tern read`: Show a message.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Show a message: as text for a person, its exact bytes, or its structure as JSON.",
        discussion: """
            The uid is the one `tern list` shows. Reading a message marks it as seen, as opening it \
            in the mail client does; --peek leaves its flags alone.

              tern read 42                  headers, the text and the attachment list
              tern read --raw 42 > m.eml    the message exactly as stored
              tern read --json 42           the JSON form of `tern mime --json`
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: AccountOptions
    @OptionGroup var folderOption: FolderOption

    @ArgumentParser.Flag(name: .long, help: "Print the message's exact bytes.")
    var raw = false

    @ArgumentParser.Flag(name: .long, help: "Print the message's structure as JSON (as `tern mime --json` does).")
    var json = false

    @ArgumentParser.Flag(name: .long, help: "Do not mark the message as seen.")
    var peek = false

    @Argument(help: ArgumentHelp("The message's uid (from `tern list`).", valueName: "uid"))
    var uid: UInt32

    mutating func validate() throws {
        if raw && json { throw ValidationError("Choose one of --raw and --json.") }
    }

    mutating func run() async throws {
        let session = try AccountSession.open(options, global: global)
        let backend = session.backend
        let folder = try await session.folder(folderOption.folder)
        try await session.sync(folder)
        let uid = UID(self.uid)
        let bytes = try await session.run { try await backend.messageBytes(uid, in: folder) }
        if !peek {
            try await session.run { try await backend.setFlags(.add([.seen]), on: [uid], in: folder) }
        }
        await backend.close()
        if raw {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let message = Message(bytes: bytes)
        if json {
            print(MailCore.MessageSummary(message).json())
            return
        }
        print(MessageText.render(message, width: DisplayWidth.terminalColumns()))
    }
}
