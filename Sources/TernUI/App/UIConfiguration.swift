import Foundation
import TernConfig

/// The settings the UI runs with, taken from the config (or made up by a test).
public struct UIConfiguration: Sendable {
    /// An account as the UI needs to know it.
    public struct AccountEntry: Sendable {
        /// The account's name.
        public var name: String
        /// Folder names with special roles from `[accounts.NAME.folders]`.
        public var roleOverrides: [FolderRole: String]
        /// True when syncing the account's inbox downloads mail from a server into it (POP3):
        /// `check-mail` then syncs that inbox even when another folder is open.
        public var downloadsMail: Bool
        /// True when the account's mail is on a server that can send a folder's newest messages on
        /// their own (IMAP): a folder with nothing cached then gets its newest page first
        /// (``Effect/syncNewest(_:count:)``), before the folder list and the full sync.
        public var fetchesNewestFirst: Bool

        /// Creates an entry.
        public init(name: String, roleOverrides: [FolderRole: String] = [:], downloadsMail: Bool = false,
                    fetchesNewestFirst: Bool = false) {
            self.name = name
            self.roleOverrides = roleOverrides
            self.downloadsMail = downloadsMail
            self.fetchesNewestFirst = fetchesNewestFirst
        }
    }

    /// The accounts, in config order.
    public var accounts: [AccountEntry]
    /// The account opened first.
    public var defaultAccount: String
    /// The key bindings.
    public var keymap: Keymap
    /// The theme.
    public var theme: UITheme
    /// The list order a folder opens with.
    public var order: ListOrder
    /// The sidebar's width; 0 starts with it hidden.
    public var sidebarWidth: Int
    /// strftime(3) format for dates older than a week.
    public var dateFormat: String
    /// Show the HTML part of multipart/alternative in the viewer.
    public var preferHTML: Bool
    /// Problems met before the UI started (an account that could not be opened), shown at start.
    public var notices: [String] = []
    /// The time zone dates are shown in (the system's; tests fix it).
    public var timeZone: DisplayZone = .system
    /// The viewer's programs and folders (`opener`, `download_dir`, `mailcap_files`).
    public var viewer = ViewerSettings()
    /// Full-screen viewer, or the viewer under the list (`layout`).
    public var layout: Layout = ConfigDefaults.layout

    /// Creates a configuration; everything but the accounts defaults to the config's defaults.
    public init(accounts: [AccountEntry], defaultAccount: String? = nil, keymap: Keymap = .defaults,
                theme: UITheme = .standard, order: ListOrder = ListOrder(ConfigDefaults.sort),
                sidebarWidth: Int = ConfigDefaults.sidebarWidth, dateFormat: String = ConfigDefaults.dateFormat,
                preferHTML: Bool = ConfigDefaults.preferHTML) {
        precondition(!accounts.isEmpty, "the UI needs at least one account")
        self.accounts = accounts
        self.defaultAccount = defaultAccount ?? accounts[0].name
        self.keymap = keymap
        self.theme = theme
        self.order = order
        self.sidebarWidth = sidebarWidth
        self.dateFormat = dateFormat
        self.preferHTML = preferHTML
    }

    /// The UI settings of a loaded config.
    public init(_ configuration: Configuration) {
        self.init(accounts: configuration.accounts.map { account in
                      var downloads = false
                      var newestFirst = false
                      if case .pop3 = account.source { downloads = true }
                      if case .imap = account.source { newestFirst = true }
                      return AccountEntry(name: account.name, roleOverrides: account.folders, downloadsMail: downloads,
                                          fetchesNewestFirst: newestFirst)
                  },
                  defaultAccount: configuration.defaultAccount.name, keymap: configuration.keymap,
                  theme: UITheme(configuration.theme), order: ListOrder(configuration.ui.sort),
                  sidebarWidth: configuration.ui.sidebarWidth, dateFormat: configuration.ui.dateFormat,
                  preferHTML: configuration.ui.preferHTML)
        viewer = ViewerSettings(configuration.general)
        layout = configuration.ui.layout
    }
}
