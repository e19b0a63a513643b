import ArgumentParser
import Foundation
import TernConfig

/// `tern config`: check the config file, show which file is used, print an example.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file, show which one is used, or print an example.",
        discussion: """
            Problems are printed to standard error as FILE:LINE: MESSAGE, and tern exits with
            status 78 (EX_CONFIG from sysexits.h). Passwords are never printed.
            """,
        subcommands: [Check.self, Path.self, Example.self],
        defaultSubcommand: Check.self
    )

    /// The exit status for a config that cannot be used: EX_CONFIG (sysexits.h).
    static let configErrorStatus: Int32 = 78

    /// Prints `error` to standard error and returns the exit code to throw.
    static func fail(_ error: ConfigError) -> ExitCode {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        return ExitCode(configErrorStatus)
    }

    /// `tern config check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the config file and print a summary (accounts, servers, theme; never a secret)."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let loader = ConfigLoader(environment: ProcessInfo.processInfo.environment)
            let location = loader.location(explicitPath: global.config)
            let config: Configuration
            do {
                config = try loader.load(explicitPath: global.config)
            } catch {
                throw ConfigCommand.fail(error)
            }
            print(ConfigSummary.render(config, origin: location.origin))
        }
    }

    /// `tern config path`.
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "Print the path of the config file tern reads (whether or not it exists)."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let loader = ConfigLoader(environment: ProcessInfo.processInfo.environment)
            let location = loader.location(explicitPath: global.config)
            print(location.path)
            if !FileManager.default.fileExists(atPath: location.path) {
                FileHandle.standardError.write(Data("tern: \(location.path) does not exist yet; `tern config example > \(location.path)` creates one\n".utf8))
            }
        }
    }

    /// `tern config example`.
    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "example",
            abstract: "Print a complete, commented example config file."
        )

        func run() throws {
            print(ExampleConfig.text, terminator: "")
        }
    }
}

/// The text `tern config check` prints for a valid config.
enum ConfigSummary {
    static func render(_ config: Configuration, origin: ConfigLocator.Origin) -> String {
        var lines = ["config: \(config.file) (\(origin))", "accounts:"]
        let width = config.accounts.map(\.name.count).max() ?? 0
        for account in config.accounts {
            let name = account.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let marker = account.isDefault ? " (default)" : "          "
            var line = "  \(name)\(marker)  \(account.source.kind.padding(toLength: 7, withPad: " ", startingAt: 0)) "
            switch account.source {
            case .imap(let connection):
                line += "\(connection.endpointDescription) user \(connection.user)"
            case .pop3(let settings):
                line += "\(settings.connection.endpointDescription) user \(settings.connection.user) -> \(settings.maildir)"
                if settings.keepOnServer {
                    line += settings.keepDays.map { ", kept on server \($0) days" } ?? ", kept on server"
                }
            case .maildir(let settings):
                line += settings.path
            }
            lines.append(line)
            let indent = String(repeating: " ", count: width + 14)
            switch account.outgoing {
            case .smtp(let connection)?:
                lines.append("\(indent)send: smtp \(connection.endpointDescription) user \(connection.user)")
            case .sendmail(let command)?:
                lines.append("\(indent)send: \(command)")
            case nil:
                lines.append("\(indent)send: (none: this account cannot send)")
            }
            lines.append("\(indent)from: \(account.identities.map(\.address.description).joined(separator: ", "))")
        }
        lines.append("default account: \(config.defaultAccountName)")
        lines.append("theme: \(config.theme.name) (\(config.theme.origin))")
        lines.append("layout: \(config.ui.layout), sort: \(config.ui.sort), sidebar width: \(config.ui.sidebarWidth)")
        lines.append("OK")
        return lines.joined(separator: "\n")
    }
}
