import ArgumentParser

/// `--account NAME` and `--demo`, shared by `tern` itself and the commands that work on an
/// account's mail.
struct AccountOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The account to use (default: the config's default account).", valueName: "name"))
    var account: String?

    @ArgumentParser.Flag(name: .long, help: "Use the bundled demo mailbox instead of a configured account (no config or network needed).")
    var demo = false
}

/// `--folder NAME`, for the commands that work in one folder.
struct FolderOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder, e.g. INBOX, Sent or Archive/2024 (default: INBOX).", valueName: "folder"))
    var folder: String = "INBOX"
}
