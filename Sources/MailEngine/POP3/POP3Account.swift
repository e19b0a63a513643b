import Foundation
import MailStore
import POP3
import TernConfig
import Transport

/// A POP3 account of the config, ready to download: where its Maildir and its state database
/// are, how to reach the server, and what to keep there.
///
/// The state database is ``POP3StateStore/fileName`` in the root of the account's Maildir: it
/// describes which server messages that Maildir holds, so it moves with the Maildir, and it is
/// never in the disposable cache (losing it would download everything still on the server again).
public struct POP3Account: Sendable {
    /// The account's name.
    public let name: String
    /// The `[accounts.NAME.pop3]` settings.
    public let settings: TernConfig.POP3Settings

    /// The POP3 account `name` with its settings.
    public init(name: String, settings: TernConfig.POP3Settings) {
        self.name = name
        self.settings = settings
    }

    /// The Maildir the mail goes to (its root is the inbox).
    public var maildir: Maildir {
        Maildir(directory: URL(fileURLWithPath: settings.maildir).standardizedFileURL)
    }

    /// The state database's file.
    public var statePath: String {
        maildir.directory.appendingPathComponent(POP3StateStore.fileName).path
    }

    /// `keep_on_server` and `keep_days`, with the default pipelining and batch size.
    public var options: POP3DownloadOptions {
        POP3DownloadOptions(keepOnServer: settings.keepOnServer, keepDays: settings.keepDays)
    }

    /// True when the account needs a password or token (it has a source for one).
    public var needsSecret: Bool { settings.connection.authenticates }

    /// The connection settings, with the password or OAuth token resolved from the account's
    /// source (`password_command`, `password_env`, `oauth_token_command`).
    ///
    /// - Parameter secret: The resolved password, or the token when the account has an
    ///   `oauth_token_command` and no password.
    public func connectionSettings(secret: String) -> Transport.POP3Settings {
        let connection = settings.connection
        let security: Transport.ConnectionSecurity
        switch connection.security {
        case .tls: security = .tls
        case .starttls: security = .startTLS
        case .none: security = .none
        }
        let usesToken = connection.password == nil && connection.oauthToken != nil
        return Transport.POP3Settings(
            host: connection.host, port: connection.port,
            connection: ConnectionOptions(security: security, caFile: connection.caFile),
            credentials: POP3Credentials(username: connection.user,
                                         secret: usesToken ? .oauth2AccessToken(secret) : .password(secret)),
            authentication: POP3AuthenticationOptions(allowInsecureAuthentication: connection.allowInsecureAuth,
                                                      allowAPOP: settings.allowAPOP))
    }

    /// Resolves the account's password (`password_command`, `password_env`) or, without one, its
    /// OAuth token (`oauth_token_command`).
    ///
    /// - Throws: ``POP3AccountError/noCredentials(account:)`` when the account has neither;
    ///   `SecretError` when the source fails.
    public func resolveSecret(with resolver: SecretResolver) throws -> Secret {
        if let password = settings.connection.password { return try resolver.resolve(password, account: name) }
        if let token = settings.connection.oauthToken {
            return try resolver.resolve(token, account: name, what: "OAuth token")
        }
        throw POP3AccountError.noCredentials(account: name)
    }

    /// A downloader for this account, its state database opened (and created when missing).
    ///
    /// - Throws: ``POP3StateError`` when the state database cannot be opened.
    public func downloader(secret: String, options: POP3DownloadOptions? = nil) throws -> POP3Downloader {
        POP3Downloader(settings: connectionSettings(secret: secret), maildir: maildir,
                       state: try POP3StateStore(path: statePath), options: options ?? self.options)
    }
}

/// A POP3 account that cannot download as configured.
public enum POP3AccountError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The account has no password or token source.
    case noCredentials(account: String)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .noCredentials(let account):
            return "account \"\(account)\" has no password_command, password_env or oauth_token_command in its"
                + " [accounts.\(account).pop3] table: tern cannot log in to download mail. Add one of them."
        }
    }
}
