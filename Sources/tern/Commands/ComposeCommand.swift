import ArgumentParser
import Foundation
import MailCore
import MailEngine
import TernConfig

/// `tern compose` and `tern mailto:...`: open the composer on a new message.
struct ComposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Write a new message: open the composer with recipients, subject and attachments filled in.",
        discussion: """
            Address options take addresses or aliases from alias_files, comma-separated or \
            repeated. --attach takes a path or a glob pattern ('*.pdf'). A mailto: URL (RFC 6068) \
            fills in its to, cc, bcc, subject and body; `tern mailto:...` is the same as \
            `tern compose mailto:...`. A link cannot attach files: its attach= is ignored with a \
            warning (CVE-2020-11879).

            Examples:
              tern compose --to bob --subject "Lunch?"
              tern compose --to "Ann <ann@example.org>, team" --attach '~/reports/*.pdf'
              tern 'mailto:bob@example.org?subject=Hello&body=Hi%20Bob'
            """
    )

    @OptionGroup var global: GlobalOptions

    /// `--account` (see ``AccountOption`` for why it is a shared group).
    @OptionGroup var accountOption: AccountOption
    var account: String? { accountOption.account }

    @Option(name: .long, help: ArgumentHelp("Send as this identity of the account (its address or name).", valueName: "identity"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Recipients (addresses or aliases); repeatable.", valueName: "addresses"))
    var to: [String] = []

    @Option(name: .long, help: ArgumentHelp("Copy recipients; repeatable.", valueName: "addresses"))
    var cc: [String] = []

    @Option(name: .long, help: ArgumentHelp("Blind copy recipients; repeatable.", valueName: "addresses"))
    var bcc: [String] = []

    @Option(name: .long, help: ArgumentHelp("The subject.", valueName: "text"))
    var subject: String?

    @Option(name: .long, help: ArgumentHelp("A file or glob pattern to attach; repeatable.", valueName: "path"))
    var attach: [String] = []

    @Option(name: .customLong("body-file"), help: ArgumentHelp("Start the text with this file's contents.", valueName: "file"))
    var bodyFile: String?

    @Argument(help: ArgumentHelp("A mailto: URL.", valueName: "mailto-url"))
    var url: String?

    @ArgumentParser.Flag(name: .customLong("print-draft"), help: .hidden)
    var printDraft = false

    func validate() throws {
        if let url, !MailtoURL.isMailto(url) {
            throw ValidationError("\"\(url)\" is not a mailto: URL; put recipients in --to")
        }
    }

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config: Configuration
        do {
            config = try ConfigLoader(environment: environment).load(explicitPath: global.explicitConfigPath)
        } catch {
            throw ConfigCommand.fail(error)
        }
        let named: Account? = account.map { config.account(named: $0) } ?? config.defaultAccount
        guard let chosen = named else {
            let names = config.accounts.map(\.name).joined(separator: ", ")
            throw ComposeCommand.fail("there is no account \"\(account ?? "")\" in \(config.file) (accounts: \(names))")
        }
        var request = ComposeRequest()
        request.to = to
        request.cc = cc
        request.bcc = bcc
        request.subject = subject
        request.attachments = attach
        request.from = from
        request.mailto = url
        if let bodyFile {
            guard let data = FileManager.default.contents(atPath: bodyFile) else {
                throw ComposeCommand.fail("cannot read --body-file \(bodyFile): "
                    + (FileManager.default.fileExists(atPath: bodyFile) ? "check its permissions" : "there is no such file"))
            }
            request.body = TextSanitizer.bodyText(String(decoding: data, as: UTF8.self))
        }
        let (reader, aliasProblems) = AddressBook.fieldReader(settings: config.general)
        aliasProblems.forEach(ContactsCommand.warn)
        var signature = ""
        if let source = chosen.signature {
            do {
                signature = try Signature.load(source)
            } catch {
                ContactsCommand.warn("\(error) The message starts without a signature.")
            }
        }
        let starter = DraftStarter(account: chosen, options: ComposeOptions(settings: config.general), signature: signature)
        let started: (draft: Draft, warnings: [String])
        do {
            started = try request.draft(starter: starter, reader: reader)
        } catch {
            throw ComposeCommand.fail("\(error)")
        }
        started.warnings.forEach(ContactsCommand.warn)
        if printDraft {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(started.draft), as: UTF8.self))
            return
        }
        try await UILauncher.runClient(global: global, account: chosen.name, draft: started.draft)
    }

    /// Prints `message` to standard error and returns the exit code for bad arguments (64).
    static func fail(_ message: String) -> ExitCode {
        ContactsCommand.warn(message)
        return ExitCode(64)
    }
}
