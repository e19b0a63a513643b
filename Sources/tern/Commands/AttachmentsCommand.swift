import ArgumentParser
import Foundation
import MailCore
import MailStore

/// `tern attachments`: List or save the attachments of a message file.
struct AttachmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachments",
        abstract: "List or save the attachments of a message file.",
        subcommands: [AttachmentsList.self, AttachmentsSave.self],
        defaultSubcommand: AttachmentsList.self
    )
}

/// One attachment of a message file: a MIME part or a file uuencoded in the text.
struct FoundAttachment {
    var number: String
    var contentType: String
    var filename: String?
    var disposition: String?
    var data: () -> [UInt8]

    static func all(in message: Message) -> [FoundAttachment] {
        var out = message.attachments().map { a in
            let p = a.part
            return FoundAttachment(
                number: a.number, contentType: p.contentType.mimeType,
                filename: p.filename ?? (p.embeddedMessage != nil ? p.embeddedMessage!.header.text("Subject").map { $0 + ".eml" } : nil),
                disposition: p.disposition.map { $0.type == "inline" ? "inline" : "attachment" },
                data: { p.isLeaf ? p.decodedBody() : Array(p.rawBody) })
        }
        for u in message.uuencodedFiles() {
            let file = u.file
            out.append(FoundAttachment(number: u.number, contentType: MediaTypes.guess(fileName: file.name, content: file.data[...]),
                                       filename: file.name, disposition: "uuencode", data: { file.data }))
        }
        return out
    }
}

/// `tern attachments list MESSAGE [--json]`
struct AttachmentsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the attachments: part number, type, size and file name."
    )

    @OptionGroup var global: GlobalOptions

    @ArgumentParser.Flag(name: .long, help: "Print a JSON array of {number, content_type, filename, disposition, size}.")
    var json = false

    @Argument(help: ArgumentHelp("The message file, or - for standard input.", valueName: "message"))
    var file: String

    mutating func run() async throws {
        let message = Message(bytes: try MessageFile.read(file))
        let found = FoundAttachment.all(in: message)
        if json {
            let items: [[String: Any]] = found.map {
                ["number": $0.number, "content_type": $0.contentType, "filename": $0.filename as Any? ?? NSNull(),
                 "disposition": $0.disposition as Any? ?? NSNull(), "size": $0.data().count]
            }
            let data = try JSONSerialization.data(withJSONObject: items, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        if found.isEmpty {
            print("No attachments.")
            return
        }
        for a in found {
            let name = a.filename.map { "\"\(TextSanitizer.headerText($0))\"" } ?? "(no name)"
            print("\(a.number)\t\(a.contentType)\t\(MessageSummary.formatSize(a.data().count))\t\(name)")
        }
    }
}

/// `tern attachments save MESSAGE --dir DIR [--force]`
struct AttachmentsSave: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Save every attachment into a folder and print each path written.",
        discussion: """
            File names are made safe: only the base name is used, control characters become \
            `_`, leading dots and dashes are removed, and a name is never empty. An existing \
            file is never replaced (`name (1).pdf` is used instead) unless you add --force. \
            Nothing is ever written outside the folder, whatever the names or symbolic links in it.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The folder to save into (created if missing).", valueName: "dir"))
    var dir: String

    @ArgumentParser.Flag(name: .long, help: "Replace existing files of the same name.")
    var force = false

    @Argument(help: ArgumentHelp("The message file, or - for standard input.", valueName: "message"))
    var file: String

    mutating func run() async throws {
        let message = Message(bytes: try MessageFile.read(file))
        let found = FoundAttachment.all(in: message)
        if found.isEmpty {
            FileHandle.standardError.write(Data("\(file) has no attachments; nothing was saved.\n".utf8))
            return
        }
        let folder: AttachmentFolder
        do {
            folder = try AttachmentFolder(path: dir, create: true)
        } catch {
            throw CommandError(String(describing: error))
        }
        for a in found {
            do {
                let saved = try folder.save(a.data(), proposedName: a.filename, mimeType: a.contentType,
                                            collision: force ? .overwrite : .rename)
                print(saved.path)
            } catch {
                throw CommandError(String(describing: error))
            }
        }
    }
}
