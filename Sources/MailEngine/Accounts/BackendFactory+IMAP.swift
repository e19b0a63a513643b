import Foundation
import IMAP
import MailStore
import TernConfig
import Transport

extension BackendFactory {
    /// Applies the config's general settings that concern backends: `body_cache_mb` bounds the
    /// IMAP body cache (0 turns it off).
    public mutating func configure(_ general: GeneralSettings) {
        imapOptions.bodyCacheLimit = max(0, general.bodyCacheMB) << 20
    }

    /// The IMAP backend of an account: its header cache (source `imap://USER@HOST:PORT`, so a
    /// cache of another server is rebuilt), its body cache (`ACCOUNT.bodies/` beside the header
    /// cache) and settings built at each connection (the secret resolved then, never stored).
    public func makeIMAPBackend(for account: Account, connection server: ServerConnection) throws -> IMAPBackend {
        let cacheURL = cacheLocation(account.name)
        let cache = try HeaderCache(url: cacheURL, account: account.name,
                                    source: "imap://\(server.user)@\(server.host):\(server.port)")
        var options = imapOptions
        switch server.headerFetch {
        case .fields: options.headerFetch = .fields
        case .whole: options.headerFetch = .whole
        case .auto: options.headerFetch = .automatic
        case nil: break
        }
        if options.bodyCacheDirectory == nil {
            options.bodyCacheDirectory = cacheURL.deletingPathExtension().appendingPathExtension("bodies")
        }
        let secrets = self.secrets
        let name = account.name
        return IMAPBackend(accountName: name, cache: cache, roles: Self.roles(of: account), options: options,
                           trace: imapTrace) {
            try Self.imapSettings(server, account: name, secrets: secrets)
        }
    }

    /// Session settings from an account's `[accounts.NAME.imap]` table.
    /// - Throws: `SecretError` when the password or token cannot be had, `BackendError.failed`
    ///   when the account has no way to log in.
    static func imapSettings(_ server: ServerConnection, account: String, secrets: SecretResolver) throws -> IMAPSettings {
        let security: Transport.ConnectionSecurity = switch server.security {
        case .tls: .tls
        case .starttls: .startTLS
        case .none: .none
        }
        let secret: IMAPCredentials.Secret
        if let token = server.oauthToken {
            secret = .oauth2AccessToken(try secrets.resolve(token, account: account, what: "OAuth token").reveal())
        } else if let password = server.password {
            secret = .password(try secrets.resolve(password, account: account).reveal())
        } else {
            throw BackendError.failed("account \"\(account)\" has no password_command, password_env or oauth_token_command in its [accounts.\(account).imap] table: tern cannot log in")
        }
        return IMAPSettings(host: server.host, port: server.port,
                            connection: ConnectionOptions(security: security, caFile: server.caFile),
                            credentials: IMAPCredentials(username: server.user, secret: secret),
                            authentication: IMAPAuthenticationOptions(allowInsecureAuthentication: server.allowInsecureAuth),
                            compression: server.compress.map { $0 ? .on : .off } ?? .automatic)
    }
}
