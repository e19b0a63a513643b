import ArgumentParser
import Foundation
import MailCore
import MailEngine
import MailStore
import TernConfig

/// `tern contacts`: search the address book, import contacts, expand aliases.
struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Search the address book, import contacts, or expand aliases.",
        discussion: """
            The address book merges the aliases of alias_files (NeoMutt's `alias KEY Name <addr>` \
            lines), contacts imported with `tern contacts import`, the people seen in your mail \
            (ranked by how often and how recently), and query_command when one is configured. \
            The imported and seen contacts are kept in $XDG_DATA_HOME/tern/contacts.sqlite.

            Examples:
              tern contacts bob                 people matching "bob", best first
              tern contacts --json              everyone, as JSON
              tern contacts import google.csv   CSV from Google, Outlook, Thunderbird, ...
              tern contacts import cards.vcf    vCard 2.1, 3.0 or 4.0
              tern contacts expand team         the addresses the alias "team" stands for
            """,
        subcommands: [Search.self, Import.self, Expand.self],
        defaultSubcommand: Search.self
    )

    /// The general settings of the config; the defaults when there is no config file at the
    /// default location (the address book works without one).
    static func settings(global: GlobalOptions) throws -> GeneralSettings {
        let environment = ProcessInfo.processInfo.environment
        let loader = ConfigLoader(environment: environment)
        let location = loader.location(explicitPath: global.explicitConfigPath)
        if location.origin == .default && !FileManager.default.fileExists(atPath: location.path) {
            return GeneralSettings(editor: ConfigDefaults.editor(environment: environment), opener: ConfigDefaults.opener,
                                   downloadDirectory: ConfigDefaults.downloadDirectory(environment: environment),
                                   mailcapFiles: ConfigDefaults.mailcapFiles(environment: environment))
        }
        do {
            return try loader.load(explicitPath: global.explicitConfigPath).general
        } catch {
            throw ConfigCommand.fail(error)
        }
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("tern: \(message)\n".utf8))
    }

    /// `tern contacts [QUERY]`.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "List the contacts matching QUERY (all of them without one), best first."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Part of a name, address, nickname or alias; matching ignores case and accents.",
                                     valueName: "query"))
        var query: String = ""

        @Option(name: .long, help: ArgumentHelp("Show at most this many.", valueName: "n"))
        var limit: Int?

        @ArgumentParser.Flag(name: .customLong("no-query-command"), help: "Do not run query_command.")
        var noQueryCommand = false

        @ArgumentParser.Flag(name: .long, help: "Print JSON: an array of {name, address, alias, nickname, members (groups), sources, uses, lastUsed, note}.")
        var json = false

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let settings = try ContactsCommand.settings(global: global)
            let (book, problems) = AddressBook.load(settings: settings)
            problems.forEach(ContactsCommand.warn)
            let result = book.search(query, limit: limit, useQueryCommand: !noQueryCommand)
            result.problems.forEach(ContactsCommand.warn)
            if json {
                print(try ContactsJSON.render(result.contacts))
            } else {
                for contact in result.contacts { print(ContactsText.line(contact)) }
            }
            if result.contacts.isEmpty {
                if !json { ContactsCommand.warn(query.isEmpty ? "the address book is empty" : "no contact matches \"\(TextSanitizer.headerText(query))\"") }
                throw ExitCode(1)
            }
        }
    }

    /// `tern contacts import FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add the contacts of a CSV or vCard file to the address book."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The file: .csv (Google, Outlook, Thunderbird, ...) or .vcf.", valueName: "file"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("csv or vcard (default: from the file's name and contents).", valueName: "format"))
        var format: String?

        @ArgumentParser.Flag(name: .customLong("dry-run"), help: "Show what would be imported; change nothing.")
        var dryRun = false

        func validate() throws {
            if let format, ContactImport.Format(rawValue: format.lowercased()) == nil {
                throw ValidationError("--format must be csv or vcard")
            }
        }

        func run() throws {
            _ = try ContactsCommand.settings(global: global)
            guard let data = FileManager.default.contents(atPath: file) else {
                ContactsCommand.warn("cannot read \(file): "
                    + (FileManager.default.fileExists(atPath: file) ? "check its permissions" : "there is no such file"))
                throw ExitCode(1)
            }
            let text = String(decoding: data, as: UTF8.self)
            let chosen = format.flatMap { ContactImport.Format(rawValue: $0.lowercased()) } ?? ContactImport.detect(path: file, text: text)
            let result: ContactImport.Result
            do {
                result = try ContactImport.read(text, format: chosen)
            } catch {
                ContactsCommand.warn("\(file): \(error)")
                throw ExitCode(1)
            }
            for skipped in result.skipped { ContactsCommand.warn("\(file): skipped \(skipped)") }
            if dryRun {
                for record in result.records { print(record.address.description) }
                print("Would import \(result.records.count) contact\(result.records.count == 1 ? "" : "s") from \(file).")
                return
            }
            let path = AddressBook.defaultStorePath()
            do {
                let store = try ContactStore(path: path)
                let summary = try store.importContacts(result.records)
                print("Imported \(file) (\(chosen == .csv ? "CSV" : "vCard")): \(summary).")
            } catch {
                ContactsCommand.warn("\(error)")
                throw ExitCode(1)
            }
        }
    }

    /// `tern contacts expand ALIAS...`.
    struct Expand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expand",
            abstract: "Print the addresses that aliases (and addresses) stand for, one per line."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Aliases or addresses, as in an address field.", valueName: "alias"))
        var names: [String]

        func run() throws {
            let settings = try ContactsCommand.settings(global: global)
            let (reader, problems) = AddressBook.fieldReader(settings: settings)
            problems.forEach(ContactsCommand.warn)
            do {
                for address in try reader.read(names.joined(separator: ", "), field: "expand") { print(address.description) }
            } catch {
                ContactsCommand.warn("\(error)")
                throw ExitCode(1)
            }
        }
    }
}

/// The text lines of `tern contacts`.
enum ContactsText {
    static func line(_ contact: Contact) -> String {
        var parts: [String] = []
        if contact.isGroup, let key = contact.aliasKey {
            parts.append(key)
            parts.append("(group: " + contact.members.map(\.address).joined(separator: ", ") + ")")
        } else {
            parts.append(TextSanitizer.headerText(contact.address.description))
            if let key = contact.aliasKey { parts.append("alias " + TextSanitizer.headerText(key)) }
        }
        if let nickname = contact.nickname { parts.append("\"\(TextSanitizer.headerText(nickname))\"") }
        var origin = contact.sources.filter { $0 != .harvested && $0 != .alias }.map(\.rawValue)
        if contact.useCount > 0 {
            var seen = "seen in \(contact.useCount) mail\(contact.useCount == 1 ? "" : "s")"
            if let last = contact.lastUsed { seen += ", last \(ContactsJSON.day(last))" }
            origin.append(seen)
        }
        if let note = contact.note { origin.append(TextSanitizer.headerText(note)) }
        if !origin.isEmpty { parts.append("[" + origin.joined(separator: "; ") + "]") }
        return parts.joined(separator: "  ")
    }
}

/// The JSON of `tern contacts --json`.
enum ContactsJSON {
    struct Entry: Encodable {
        var name: String?
        var address: String?
        var alias: String?
        var nickname: String?
        var members: [String]?
        var sources: [String]
        var uses: Int
        var lastUsed: String?
        var note: String?
    }

    static func render(_ contacts: [Contact]) throws -> String {
        let entries = contacts.map { c in
            Entry(name: c.isGroup ? nil : c.address.name, address: c.isGroup ? nil : c.address.address, alias: c.aliasKey, nickname: c.nickname,
                  members: c.isGroup ? c.members.map(\.description) : nil, sources: c.sources.map(\.rawValue),
                  uses: c.useCount, lastUsed: c.lastUsed.map(timestamp), note: c.note)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func day(_ date: Date) -> String {
        String(timestamp(date).prefix(10))
    }
}
