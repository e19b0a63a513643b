import Foundation
import MailCore
import MailStore
import TernConfig
import Transport

/// Builds the backend of a configured account: the one place that looks at an account's kind.
///
/// - `[accounts.NAME.maildir]`: a `MaildirBackend` over `path` (which must exist).
/// - `[accounts.NAME.pop3]`: a `MaildirBackend` over the account's `maildir` (created when
///   missing), passed to ``pop3Decorator`` when one is set: the POP3 download wraps the local
///   backend there (its `sync` downloads, then syncs the Maildir).
/// - `[accounts.NAME.imap]`: an `IMAPBackend` (see `BackendFactory+IMAP.swift`): the password or
///   token is resolved at each connection, `ca_file` and `security` apply, bodies are cached next
///   to the header cache (`ACCOUNT.bodies/`, at most ``imapOptions`` `bodyCacheLimit` bytes).
///
/// ```swift
/// let factory = BackendFactory(environment: ProcessInfo.processInfo.environment)
/// let backend = try factory.makeBackend(for: config.account(named: "home")!)
/// let folders = try await backend.folders()
/// ```
public struct BackendFactory: Sendable {
    /// Wraps the local Maildir backend of a POP3 account, e.g. in a backend whose `sync(.inbox)`
    /// first downloads new mail into the Maildir. Receives the factory for its secrets.
    public typealias POP3Decorator = @Sendable (_ local: MaildirBackend, _ account: Account, _ settings: TernConfig.POP3Settings,
                                                _ factory: BackendFactory) throws -> any MailBackend

    /// The environment (`XDG_CACHE_HOME`, `HOME`, `password_env` variables).
    public var environment: [String: String]
    /// Resolves `password_command` / `password_env`.
    public var secrets: SecretResolver
    /// Where the header cache of an account lives (by default ``HeaderCache/defaultLocation(account:environment:)``).
    public var cacheLocation: @Sendable (_ account: String) -> URL
    /// Wraps POP3 accounts' local backends (nil: the local Maildir only, no download).
    public var pop3Decorator: POP3Decorator?
    /// How often a watched Maildir folder is polled.
    public var pollInterval: Duration
    /// How IMAP backends behave (their body cache folder is set per account).
    public var imapOptions = IMAPBackendOptions()
    /// Where IMAP dialogues are traced (secrets hidden), if anywhere.
    public var imapTrace: ProtocolTrace?

    /// A factory over an environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, pop3Decorator: POP3Decorator? = nil,
                pollInterval: Duration = .seconds(3)) {
        self.environment = environment
        self.secrets = SecretResolver(environment: environment)
        self.cacheLocation = { HeaderCache.defaultLocation(account: $0, environment: environment) }
        self.pop3Decorator = pop3Decorator
        self.pollInterval = pollInterval
    }

    /// The backend of `account`.
    /// - Throws: `BackendError.failed` when the Maildir is missing, `CacheError` when the cache
    ///   cannot be opened. (IMAP secrets are resolved when the backend connects.)
    public func makeBackend(for account: Account) throws -> any MailBackend {
        switch account.source {
        case .maildir(let settings):
            return try makeMaildirBackend(for: account, root: settings.path, createIfMissing: false)
        case .pop3(let settings):
            let local = try makeMaildirBackend(for: account, root: settings.maildir, createIfMissing: true)
            return try pop3Decorator?(local, account, settings, self) ?? local
        case .imap(let connection):
            return try makeIMAPBackend(for: account, connection: connection)
        }
    }

    /// The Maildir backend of an account whose mail is in the Maildir at `root`.
    public func makeMaildirBackend(for account: Account, root: String, createIfMissing: Bool) throws -> MaildirBackend {
        let url = URL(fileURLWithPath: root).standardizedFileURL
        let cache = try HeaderCache(url: cacheLocation(account.name), account: account.name, source: "maildir:\(url.path)")
        return try MaildirBackend(accountName: account.name, root: url, cache: cache, roles: Self.roles(of: account),
                                  pollInterval: pollInterval, createIfMissing: createIfMissing)
    }

    /// The account's `[accounts.NAME.folders]` overrides as roles (names split at `/`).
    public static func roles(of account: Account) -> FolderRoles {
        var overrides: [MailboxRole: MailboxPath] = [:]
        for (role, name) in account.folders {
            guard let mapped = MailboxRole(rawValue: role.rawValue) else { continue }
            overrides[mapped] = MailboxPath(name)
        }
        return FolderRoles(overrides: overrides)
    }
}
