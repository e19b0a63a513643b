import Foundation
import MailCore
import MailStore
import TernConfig
import Transport

/// Wires the send pipeline of a configured account: its outbox folder, its transport (SMTP or
/// sendmail) and where its Sent copies go.
public enum AccountSending {
    /// The account cannot send.
    public struct SetupError: Error, Sendable, CustomStringConvertible {
        /// What is missing and how to fix it.
        public let description: String
    }

    /// `$XDG_DATA_HOME/tern/ACCOUNT/outbox` (`~/.local/share/tern/ACCOUNT/outbox`).
    public static func outboxDirectory(account: String, environment: [String: String]) -> URL {
        URL(fileURLWithPath: ConfigDefaults.pop3Maildir(account: account, environment: environment))
            .appendingPathComponent("outbox")
    }

    /// The account's outbox.
    public static func outbox(for account: Account, environment: [String: String]) -> Outbox {
        Outbox(directory: outboxDirectory(account: account.name, environment: environment))
    }

    /// The account's transport.
    ///
    /// - Throws: ``SetupError`` when the account has neither `[smtp]` nor `sendmail`.
    public static func transport(for account: Account, environment: [String: String], trace: ProtocolTrace?)
        throws(SetupError) -> any MessageTransport
    {
        switch account.outgoing {
        case .smtp(let server)?:
            return SMTPTransport(account: account.name, server: server, environment: environment, trace: trace)
        case .sendmail(let command)?:
            return SendmailTransport(command: command, environment: environment)
        case nil:
            throw SetupError(description: "account \"\(account.name)\" cannot send: add an [accounts.\(account.name).smtp] "
                + "table or a sendmail = \"...\" line to it (see `tern config example`)")
        }
    }

    /// Where the account's Sent copies go: the `Sent` folder of the local Maildir for POP3 and
    /// Maildir accounts (or the `folders.sent` name); for IMAP accounts, an APPEND to the server's
    /// Sent folder through the account's backend (a backend of its own when none is given).
    ///
    /// - Parameters:
    ///   - environment: The environment a backend of its own is made with (its cache location,
    ///     `password_env` variables), the same the caller's own backends use.
    ///   - backend: The account's backend, when the caller has one (IMAP APPEND).
    public static func sentCopy(for account: Account, environment: [String: String],
                                backend: (any MailBackend)? = nil) -> any SentCopyStore {
        let folder = MailboxPath(account.folders[.sent] ?? "Sent")
        if let backend { return BackendSentCopy(backend: backend, configuredFolder: account.folders[.sent]) }
        switch account.source {
        case .maildir(let settings): return MaildirSentCopy(root: URL(fileURLWithPath: settings.path), folder: folder)
        case .pop3(let settings): return MaildirSentCopy(root: URL(fileURLWithPath: settings.maildir), folder: folder)
        case .imap:
            // A backend of its own for each copy, closed afterwards (the sender may outlive any UI).
            return ClosureSentCopy { message, date in
                let backend = try BackendFactory(environment: environment).makeBackend(for: account)
                do {
                    try await BackendSentCopy(backend: backend, configuredFolder: account.folders[.sent])
                        .storeSentCopy(message, date: date)
                } catch {
                    await backend.close()
                    throw error
                }
                await backend.close()
            }
        }
    }

    /// The whole pipeline of an account.
    ///
    /// - Throws: ``SetupError`` when the account cannot send.
    public static func sender(
        for account: Account, environment: [String: String], trace: ProtocolTrace? = nil,
        backend: (any MailBackend)? = nil
    ) throws(SetupError) -> OutboxSender {
        OutboxSender(account: account.name, outbox: outbox(for: account, environment: environment),
                     transport: try transport(for: account, environment: environment, trace: trace),
                     sentCopy: sentCopy(for: account, environment: environment, backend: backend))
    }
}
