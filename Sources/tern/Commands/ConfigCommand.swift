import ArgumentParser
import Foundation
import TernConfig

/// `tern config`: check the config file, show which file is used, print an example.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file, show which one is used, or print an example.",
        discussion: """
            Problems are printed to standard error as FILE:LINE: MESSAGE, and tern exits with \
            status 78 (EX_CONFIG from sysexits.h). Passwords are never printed. \
            The reference of every key is docs/config.md.
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
