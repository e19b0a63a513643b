import ArgumentParser

/// `--demo`: the bundled demo mailbox instead of a configured account. Declared by `tern` itself
/// and, through ``AccountOptions``, by the commands that work on an account's mail: ArgumentParser
/// hands the value parsed for the root command to a child that declares the same option group
/// type, wherever on the command line `--demo` was written.
struct DemoOption: ParsableArguments {
    @Flag(name: .long, help: "Use the bundled demo mailbox instead of a configured account (no config or network needed).")
    var demo = false
}

/// `--account NAME`. Declared by `tern` itself (the interactive client opens that account first) and
/// by every command that takes an account, always through this type: ArgumentParser hands the value
/// parsed for the root command to a child that declares the same option group type, so a plain
/// `--account` option in a child would be taken by the root instead.
struct AccountOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The account to use (default: the config's default account).", valueName: "name"))
    var account: String?
}

/// `--account NAME` and `--demo`, for the commands that work on an account's mail.
struct AccountOptions: ParsableArguments {
    @OptionGroup var accountOption: AccountOption

    /// The `--account` value.
    var account: String? { accountOption.account }

    @OptionGroup var demoOption: DemoOption

    /// True for `--demo`.
    var demo: Bool { demoOption.demo }
}

/// `--folder NAME`, for the commands that work in one folder.
struct FolderOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder, e.g. INBOX, Sent or Archive/2024 (default: INBOX).", valueName: "folder"))
    var folder: String = "INBOX"
}
