import ArgumentParser
import Foundation
import MailEngine
import TernConfig
import Transport

/// `tern sync`: Bring an account's local state up to date with its server.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring an account's local state up to date with its server.",
        discussion: """
            For a POP3 account: downloads every message not downloaded before into the account's \
            Maildir (each one flushed to disk before it is recorded), then deletes them from the \
            server unless keep_on_server = true (keep_days = N deletes them N days after download). \
            An interrupted sync loses nothing and the next one downloads nothing twice.

            For an IMAP account: brings the header cache of every folder (or --folder F) up to \
            date with the server and prints what changed; for a Maildir account, rescans its folders.

            Progress goes to standard error (one updating line on a terminal); the last line, on \
            standard output, says what was downloaded and deleted. --quiet prints only problems.
            """
    )

    @OptionGroup var global: GlobalOptions

    /// `--account` (see ``AccountOption`` for why it is a shared group).
    @OptionGroup var accountOption: AccountOption
    var account: String? { accountOption.account }

    @Flag(name: .long, help: "Sync every account of the config, one after the other.")
    var all = false

    @Option(name: .long, help: "IMAP and Maildir accounts: sync only this folder (default: every folder).")
    var folder: String?

    @Flag(name: .shortAndLong, help: "Print nothing but warnings and errors.")
    var quiet = false

    /// `--trace`, `--trace-file PATH`.
    @OptionGroup var traceOptions: TraceOptions

    mutating func validate() throws {
        if all && account != nil { throw ValidationError("Use either --account NAME or --all, not both.") }
    }

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config: Configuration
        do {
            config = try ConfigLoader(environment: environment).load(explicitPath: global.explicitConfigPath)
        } catch {
            throw ConfigCommand.fail(error)
        }
        let accounts: [Account]
        if all {
            accounts = config.accounts
        } else if let name = account {
            guard let chosen = config.account(named: name) else {
                let names = config.accounts.map(\.name).joined(separator: ", ")
                throw SyncFailure("No account named \"\(name)\" in \(config.file); its accounts are: \(names).")
            }
            accounts = [chosen]
        } else {
            accounts = [config.defaultAccount]
        }
        var failures = 0
        for account in accounts {
            do {
                try await sync(account, environment: environment, label: accounts.count > 1)
            } catch let error as NotYetAvailable where all {
                FileHandle.standardError.write(Data("tern: \(account.name): \(error)\n".utf8))
            } catch where all {
                failures += 1
                FileHandle.standardError.write(Data("tern: \(account.name): \(error)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    private func sync(_ account: Account, environment: [String: String], label: Bool) async throws {
        guard case .pop3(let settings) = account.source else {
            try await syncFolders(account, environment: environment, label: label)
            return
        }
        let pop3 = POP3Account(name: account.name, settings: settings)
        let secret = try pop3.resolveSecret(with: SecretResolver(environment: environment))
        let downloader = try pop3.downloader(secret: secret.reveal())
        let trace = try traceOptions.makeTrace()
        let progress = ProgressPrinter(enabled: !quiet, prefix: label ? "\(account.name): " : "")
        let report: POP3DownloadReport
        do {
            report = try await downloader.run(trace: trace) { progress.show($0) }
        } catch {
            progress.end()
            throw SyncFailure("Syncing \"\(account.name)\" failed: \(error) Nothing was deleted from the server"
                + " that is not safely on disk; run tern sync again to go on.")
        }
        progress.end()
        for warning in report.warnings {
            FileHandle.standardError.write(Data("tern: \(account.name): warning: \(warning)\n".utf8))
        }
        if !quiet { print("\(label ? "\(account.name): " : "")\(report.summary)") }
    }
}

/// A sync that could not be done, in words for the user.
struct SyncFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
