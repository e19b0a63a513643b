import ArgumentParser
import Foundation

/// The `tern` command: with no subcommand it opens the mail client; subcommands script it.
@main
struct Tern: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tern",
        abstract: "A terminal email client: IMAP, POP3, Maildir and SMTP in one quick, safe program.",
        discussion: """
            Run `tern` with no subcommand to open the mail client on all your accounts, the
            default one first (`--account NAME` opens another first); `?` shows the keys.
            Try it without any setup on a bundled demo mailbox:

                tern --demo

            When standard output is not a terminal, `tern --demo` prints the demo's folders and
            newest messages instead.

            Accounts are read from $XDG_CONFIG_HOME/tern/config.toml (usually
            ~/.config/tern/config.toml); `--config PATH` or TERN_CONFIG=PATH picks another file.
            A minimal account:

                [accounts.me]
                from = "Me <me@example.org>"
                [accounts.me.imap]
                host = "imap.example.org"
                user = "me"
                password_command = "pass show mail/me"
                [accounts.me.smtp]
                host = "smtp.example.org"
                user = "me"
                password_command = "pass show mail/me"

            The subcommands below are for scripts and quick looks; most take --json.
            `tern help SUBCOMMAND` explains each one.
            """,
        version: TernVersion.string,
        subcommands: [
            MimeCommand.self, AttachmentsCommand.self,
            SendCommand.self, SyncCommand.self,
            FoldersCommand.self, ListCommand.self, ReadCommand.self,
            FlagCommand.self, MoveCommand.self, DeleteCommand.self,
            ConfigCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    /// `--account` and `--demo`, shared with the subcommands (ArgumentParser hands a parent's
    /// option group to a child that declares the same type, wherever on the line it was given).
    @OptionGroup var accountOptions: AccountOptions

    mutating func run() async throws {
        try await UILauncher.run(global: global, accountOptions: accountOptions)
    }
}
