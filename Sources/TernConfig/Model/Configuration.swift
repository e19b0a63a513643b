/// Everything config.toml says, checked and with defaults filled in.
public struct Configuration: Sendable {
    /// The file it was read from, as the user named it.
    public var file: String
    /// The accounts in the order the file lists them.
    public var accounts: [Account]
    /// The name of the default account: the one with `default = true`, else the first.
    public var defaultAccountName: String
    /// How things look (`[ui]`).
    public var ui: UISettings
    /// Programs and files (top-level keys).
    public var general: GeneralSettings
    /// The key bindings: defaults plus `[keys.*]`.
    public var keymap: Keymap
    /// The theme `[ui] theme` names, loaded.
    public var theme: Theme

    /// Creates a configuration.
    /// - Precondition: `accounts` is not empty.
    public init(file: String, accounts: [Account], defaultAccountName: String, ui: UISettings,
                general: GeneralSettings, keymap: Keymap, theme: Theme) {
        precondition(!accounts.isEmpty, "a configuration has at least one account")
        self.file = file
        self.accounts = accounts
        self.defaultAccountName = defaultAccountName
        self.ui = ui
        self.general = general
        self.keymap = keymap
        self.theme = theme
    }

    /// The default account (there is always at least one account).
    public var defaultAccount: Account {
        accounts.first { $0.name == defaultAccountName } ?? accounts[0]
    }

    /// The account called `name`, if any.
    public func account(named name: String) -> Account? {
        accounts.first { $0.name == name }
    }
}
