import ArgumentParser
import Foundation
import MailCore

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
        var writer = try SafeDirectoryWriter(path: dir)
        defer { writer.close() }
        for a in found {
            let name = SafeFileName.make(a.filename, mimeType: a.contentType)
            let path = try writer.write(a.data(), proposedName: name, force: force)
            print(path)
        }
    }
}

/// Creates files directly inside one directory, never following a symbolic link and never
/// replacing a file unless asked: every file is opened with `openat(dirfd, name, O_CREAT|O_EXCL|O_NOFOLLOW)`
/// on a name without `/`.
struct SafeDirectoryWriter {
    let path: String
    let fd: Int32
    /// Names written in this run, so two attachments with one name both survive even with --force.
    var used = Set<String>()

    init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw CommandError("Cannot create the folder \(path): \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw CommandError("\(path) is not a folder; give --dir a folder to save into.")
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw CommandError("Cannot open the folder \(path): \(String(cString: strerror(errno))).") }
        self.fd = fd
    }

    func close() { _ = Glibc.close(fd) }

    /// Writes a new file named `proposedName` (already a safe base name) or a numbered variant,
    /// and returns its path.
    mutating func write(_ bytes: [UInt8], proposedName: String, force: Bool) throws -> String {
        precondition(!proposedName.contains("/") && proposedName != "." && proposedName != "..")
        var n = 0
        while true {
            let name = n == 0 ? proposedName : SafeFileName.numbered(proposedName, n)
            n += 1
            if used.contains(name) { continue }
            if force { _ = unlinkat(fd, name, 0) }  // removes a file or a symlink itself, never its target
            let file = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if file < 0 {
                if errno == EEXIST || errno == EISDIR || errno == ELOOP, n < 10_000 { continue }
                throw CommandError("Cannot create \(name) in \(path): \(String(cString: strerror(errno))).")
            }
            used.insert(name)
            defer { Glibc.close(file) }
            let full = (path as NSString).appendingPathComponent(name)
            try MessageFile.writeAll(file, bytes, path: full)
            return full
        }
    }
}
