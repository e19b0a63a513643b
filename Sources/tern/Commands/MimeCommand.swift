import ArgumentParser
import Foundation
import MailCore

/// `tern mime`: Print a message's MIME structure and decoded headers, or extract one part.
struct MimeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mime",
        abstract: "Print a message's MIME structure and decoded headers, or extract one part.",
        discussion: """
            Reads one message file (RFC 5322, as a mail client saves it or as found in a \
            Maildir), or standard input with `-`.

              tern mime message.eml
                  the part tree with types, sizes and file names, then the headers
              tern mime --json message.eml
                  one JSON object: subject, from, to, cc, date, message_id, root
              tern mime --part 1.2 --output report.pdf message.eml
                  write part 1.2, transfer-decoded, to report.pdf

            Part numbers are IMAP section numbers, as the tree shows them.
            """
    )

    @OptionGroup var global: GlobalOptions

    @ArgumentParser.Flag(name: .long, help: "Print the structure as one JSON object.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Extract this part (an IMAP section number such as 1.2).", valueName: "number"))
    var part: String?

    @Option(name: .long, help: ArgumentHelp("Where --part writes the decoded bytes (`-` for standard output).", valueName: "file"))
    var output: String?

    @ArgumentParser.Flag(name: .long, help: "Let --output replace an existing file.")
    var force = false

    @Argument(help: ArgumentHelp("The message file, or - for standard input.", valueName: "message"))
    var file: String

    mutating func run() async throws {
        let message = Message(bytes: try MessageFile.read(file))
        if let number = part {
            guard let p = message.part(number: number) else {
                let known = message.numberedParts.map(\.number).joined(separator: ", ")
                throw CommandError("\(file) has no part \(number). Its parts are: \(known.isEmpty ? "none" : known).")
            }
            let bytes: [UInt8] = p.isLeaf ? p.decodedBody() : Array(p.rawBody)
            try MessageFile.writeOutput(bytes, to: output, force: force)
            return
        }
        if output != nil { throw CommandError("--output needs --part: say which part to write.") }
        let summary = MessageSummary(message)
        if json {
            print(summary.json())
            return
        }
        print(summary.tree())
        print("")
        for field in message.header.fields {
            print("\(TextSanitizer.headerText(field.name)): \(field.text())")
        }
        let notes = message.notes
        if !notes.isEmpty {
            print("")
            for note in notes { print("note: \(note)") }
        }
    }
}

/// A plain error for the command line: the message says what was wrong and what to do.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reading message files and writing extracted bytes for the MIME commands.
enum MessageFile {
    /// The bytes of `path`, or of standard input for `-`.
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError("\(path): no such file. Give the path of a message file, or - to read standard input.")
        }
        if isDirectory.boolValue {
            throw CommandError("\(path) is a folder; give the path of one message file.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError("\(path) cannot be read (check its permissions).")
        }
        return [UInt8](data)
    }

    /// Writes bytes to a new file (never replacing one unless `force`), or to standard output
    /// for `-` or nil when standard output is not a terminal.
    static func writeOutput(_ bytes: [UInt8], to output: String?, force: Bool) throws {
        if output == nil || output == "-" {
            if output == nil, isatty(STDOUT_FILENO) == 1 {
                throw CommandError("Refusing to write a part's raw bytes to the terminal: add --output FILE (or --output - to force).")
            }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let path = output!
        if FileManager.default.fileExists(atPath: path) && !force {
            throw CommandError("\(path) already exists; choose another name or add --force to replace it.")
        }
        if force { _ = unlink(path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            throw CommandError("Cannot create \(path): \(String(cString: strerror(errno))).")
        }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
    }

    /// Writes every byte to a file descriptor.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandError("Writing \(path) failed: \(String(cString: strerror(errno))).")
            }
            offset += n
        }
    }
}
