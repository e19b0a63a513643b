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
            Run `tern` with no subcommand to open the mail client on your default account.
            Try it without any setup on a bundled demo mailbox:

                tern --demo

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
            ComposeCommand.self, ContactsCommand.self,
            SendCommand.self, SyncCommand.self,
            FoldersCommand.self, ListCommand.self, ReadCommand.self,
            ConfigCommand.self,
        ]
    )

    /// `tern mailto:...` is `tern compose mailto:...` (see ``MailtoArguments``).
    static func main() async {
        await main(MailtoArguments.rewrite(Array(CommandLine.arguments.dropFirst())))
    }

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Open a bundled demo mailbox (no account or network needed).")
    var demo = false

    mutating func run() async throws {
        if demo {
            try DemoLauncher.run(global: global)
            return
        }
        throw NotYetAvailable(feature: "the interactive mail client", issue: 7)
    }
}
