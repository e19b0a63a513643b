import ArgumentParser
import Foundation
import MailEngine

/// The `tern` command: with no subcommand it opens the mail client; subcommands script it.
@main
struct Tern: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tern",
        abstract: "A terminal email client: IMAP, POP3, Maildir and SMTP in one quick, safe program.",
        discussion: """
            Run `tern` with no subcommand to open the mail client on all your accounts, the \
            default one first (`--account NAME` opens another first); `?` shows the keys.
            Try it without any setup on a bundled demo mailbox:

                tern --demo

            When standard output is not a terminal, `tern --demo` prints the demo's folders and \
            newest messages instead.

            Accounts are read from $XDG_CONFIG_HOME/tern/config.toml (usually \
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

            The subcommands below are for scripts and quick looks; most take --json. \
            `tern help SUBCOMMAND` explains each one.
            """,
        version: TernVersion.string,
        subcommands: [
            MimeCommand.self, AttachmentsCommand.self,
            ComposeCommand.self, ContactsCommand.self,
            SendCommand.self, OutboxCommand.self, SyncCommand.self,
            FoldersCommand.self, ListCommand.self, ReadCommand.self,
            FlagCommand.self, MoveCommand.self, DeleteCommand.self,
            ConfigCommand.self,
        ]
    )

    /// `tern mailto:...` is `tern compose mailto:...` (see ``MailtoArguments``).
    static func main() async {
        let arguments = MailtoArguments.rewrite(Array(CommandLine.arguments.dropFirst()))
        AllocatorTuning.apply(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        await main(arguments)
    }

    @OptionGroup var global: GlobalOptions

    /// `--account` and `--demo`: the account the interactive client opens first, or the demo mailbox.
    /// Shared with the subcommands that take them (see ``AccountOption`` and ``DemoOption``).
    @OptionGroup var accountOptions: AccountOptions

    mutating func run() async throws {
        try await UILauncher.run(global: global, accountOptions: accountOptions)
    }
}
