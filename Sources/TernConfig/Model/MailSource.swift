/// Where an account's mail comes from: exactly one of `[accounts.NAME.imap]`, `.pop3` or `.maildir`.
public enum MailSource: Sendable, Equatable, CustomStringConvertible {
    /// Mail stays on an IMAP server.
    case imap(ServerConnection)
    /// Mail is downloaded from a POP3 server into a local Maildir.
    case pop3(POP3Settings)
    /// Mail is in a local Maildir that something else (or nothing) fills.
    case maildir(MaildirSettings)

    /// `imap`, `pop3` or `maildir`.
    public var kind: String {
        switch self {
        case .imap: return "imap"
        case .pop3: return "pop3"
        case .maildir: return "maildir"
        }
    }

    /// The server connection, for IMAP and POP3.
    public var connection: ServerConnection? {
        switch self {
        case .imap(let connection): return connection
        case .pop3(let settings): return settings.connection
        case .maildir: return nil
        }
    }

    /// `imap host:port (tls) user NAME`, `pop3 ... -> /path` or `maildir /path`.
    public var description: String {
        switch self {
        case .imap(let connection): return connection.description
        case .pop3(let settings): return settings.description
        case .maildir(let settings): return settings.description
        }
    }
}

/// The keys of `[accounts.NAME.pop3]`: a server connection plus where and how long to keep mail.
public struct POP3Settings: Sendable, Equatable, CustomStringConvertible {
    /// The server connection.
    public var connection: ServerConnection
    /// The local Maildir downloaded mail goes to (`maildir`, default `$XDG_DATA_HOME/tern/NAME`).
    public var maildir: String
    /// Whether messages stay on the server after download (`keep_on_server`, default false).
    public var keepOnServer: Bool
    /// With `keepOnServer`, delete from the server after this many days (`keep_days`; nil: never).
    public var keepDays: Int?
    /// Whether APOP (RFC 1939 section 7, MD5) may be used (`allow_apop`, default false).
    public var allowAPOP: Bool

    /// Creates POP3 settings.
    public init(connection: ServerConnection, maildir: String, keepOnServer: Bool = false,
                keepDays: Int? = nil, allowAPOP: Bool = false) {
        self.connection = connection
        self.maildir = maildir
        self.keepOnServer = keepOnServer
        self.keepDays = keepDays
        self.allowAPOP = allowAPOP
    }

    /// `pop3 host:port (tls) user NAME -> maildir`.
    public var description: String {
        "\(connection.description) -> \(maildir)"
    }
}

/// The keys of `[accounts.NAME.maildir]`.
public struct MaildirSettings: Sendable, Equatable, CustomStringConvertible {
    /// The Maildir's root folder (`path`, required; `~` and `$VARS` expanded).
    public var path: String

    /// Creates Maildir settings.
    public init(path: String) {
        self.path = path
    }

    /// `maildir /path`.
    public var description: String { "maildir \(path)" }
}

/// How an account sends mail: `[accounts.NAME.smtp]` or `sendmail = "command"`.
public enum OutgoingTransport: Sendable, Equatable, CustomStringConvertible {
    /// SMTP submission to a server.
    case smtp(ServerConnection)
    /// A local program reading the message on stdin (e.g. `/usr/sbin/sendmail -t -i`).
    case sendmail(command: String)

    /// `smtp host:port (starttls) user NAME` or `sendmail COMMAND`.
    public var description: String {
        switch self {
        case .smtp(let connection): return connection.description
        case .sendmail(let command): return "sendmail \(command)"
        }
    }
}
