import Foundation
import MailEngine
import TernConfig

/// What the composer needs from the config: the accounts it sends from (identities, signature,
/// transport, folders), the general settings (editor, `edit_headers`, alias files, reply layout)
/// and the environment (where drafts and the outbox live, `$HOME` for `~` in paths).
public struct ComposeSettings: Sendable {
    /// The accounts by name.
    public var accounts: [String: Account]
    /// The top-level settings.
    public var general: GeneralSettings
    /// The environment the editor and sendmail run with; `XDG_DATA_HOME`/`HOME` place the drafts
    /// and the outbox.
    public var environment: [String: String]
    /// Where relative paths typed at the attach prompt start.
    public var directory: String
    /// The home directory for `~` in paths.
    public var home: String

    /// Settings from their parts.
    /// - Parameters:
    ///   - accounts: the configured accounts.
    ///   - general: the top-level settings.
    ///   - environment: the process environment.
    ///   - directory: the working directory for relative paths.
    public init(accounts: [Account], general: GeneralSettings,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                directory: String = FileManager.default.currentDirectoryPath) {
        var byName: [String: Account] = [:]
        for account in accounts { byName[account.name] = account }
        self.accounts = byName
        self.general = general
        self.environment = environment
        self.directory = directory
        self.home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
    }

    /// The layout options of new drafts.
    public var options: ComposeOptions { ComposeOptions(settings: general) }
}
