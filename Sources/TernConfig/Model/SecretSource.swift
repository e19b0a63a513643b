/// Where a secret (a password or OAuth token) comes from: a command whose first line of output is
/// the secret, or an environment variable holding it.
///
/// The config holds only the command or the variable's name; MailEngine resolves it when it
/// connects. Even so, `description`, `debugDescription` and reflection (`dump`, `Mirror`) never show
/// the command or the variable's name, so a log line or error message cannot leak them. Read
/// ``command`` or ``environmentVariable`` explicitly where the secret is resolved.
public struct SecretSource: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// The two kinds of source.
    public enum Kind: String, Sendable {
        /// `password_command` / `oauth_token_command`: run with `/bin/sh -c`, first line of stdout.
        case command
        /// `password_env`: the value of an environment variable.
        case environment
    }

    /// Which kind of source this is.
    public let kind: Kind
    private let text: String

    /// A command whose standard output's first line is the secret.
    public static func command(_ command: String) -> SecretSource {
        SecretSource(kind: .command, text: command)
    }

    /// An environment variable whose value is the secret.
    public static func environment(_ name: String) -> SecretSource {
        SecretSource(kind: .environment, text: name)
    }

    private init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// The shell command, for a `.command` source; run it with `/bin/sh -c` to get the secret.
    public var command: String? {
        kind == .command ? text : nil
    }

    /// The variable's name, for an `.environment` source.
    public var environmentVariable: String? {
        kind == .environment ? text : nil
    }

    /// `<from command, hidden>` or `<from environment, hidden>`.
    public var description: String {
        kind == .command ? "<from command, hidden>" : "<from environment, hidden>"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// Shows only the kind, so that `dump` and debuggers print no command or name.
    public var customMirror: Mirror {
        Mirror(self, children: ["kind": kind], displayStyle: .struct)
    }
}
