import Foundation
import MailCore
import TerminalKit
import TernConfig

/// Which pane of the main screen has the keyboard.
public enum Focus: Hashable, Sendable {
    /// The folder sidebar.
    case sidebar
    /// The message list.
    case list
}

/// The last search, for `n` and `N`.
public struct LastSearch: Hashable, Sendable {
    /// As typed.
    public var text: String
    /// Toward the top.
    public var backward: Bool
}

/// Everything the UI shows and remembers: one value, changed by input, backend answers and commands,
/// and drawn by ``AppRenderer``. There is no global state; the runtime owns one `AppState`.
public struct AppState: Sendable {
    /// The settings.
    public var config: UIConfiguration
    /// The terminal's size.
    public var size: Size
    /// The time dates are shown relative to (updated on each tick).
    public var now: Date
    /// The accounts.
    public var accounts: [AccountState]
    /// The folder sidebar.
    public var sidebar: SidebarState
    /// Which pane has the keyboard.
    public var focus: Focus = .list
    /// The open folder.
    public var folder: FolderView?
    /// Screens over the main screen, the top one last (help, log, a message).
    public var screens: [ScreenEntry] = []
    /// The text prompt at the bottom, if one is open.
    public var prompt: PromptState?
    /// The one-key question at the bottom, if one is open.
    public var choice: ChoiceState?
    /// The message on the bottom line.
    public var message: StatusMessage?
    /// Every message of the session.
    public var log = EventLog()
    /// Keys typed of a sequence not finished yet (`g` of `gg`).
    public var pendingKeys: [TernConfig.Key] = []
    /// `;` was pressed: the next command applies to the tagged messages.
    public var tagPrefix = false
    /// The last search, for `n`/`N`.
    public var lastSearch: LastSearch?
    /// Whether a search or a jump to the next unread message is running.
    public var isSearching = false
    /// Prompt histories by ``PromptPurpose/historyKind``.
    public var history: [String: [String]] = [:]
    /// Set by `quit`: the runtime ends the loop after performing the effects of this step.
    public var quitRequested = false
    /// The commands keys can run (the viewer and composer register theirs here).
    public var commands: CommandRegistry = .standard
    /// Bumped for each new generation of list rows.
    public var generationCounter = 0
    /// The composer's state across drafts (Compose/ComposerState.swift); each draft's review
    /// screen is a ``ScreenEntry/composer(_:)``.
    public var compose = ComposeState()

    /// Creates the state at start-up: no folder open yet.
    /// - Parameters:
    ///   - config: the settings.
    ///   - size: the terminal's size.
    ///   - now: the current time.
    public init(config: UIConfiguration, size: Size, now: Date = Date()) {
        self.config = config
        self.size = size
        self.now = now
        self.accounts = config.accounts.map {
            AccountState(name: $0.name, roleOverrides: $0.roleOverrides, downloadsMail: $0.downloadsMail,
                         fetchesNewestFirst: $0.fetchesNewestFirst)
        }
        self.sidebar = SidebarState(isVisible: config.sidebarWidth > 0, width: config.sidebarWidth > 0 ? config.sidebarWidth : ConfigDefaults.sidebarWidth)
        self.sidebar.entries = SidebarModel.entries(for: accounts)
    }

    /// The theme.
    public var theme: UITheme { config.theme }

    /// The key context the next key is looked up in.
    public var keyContext: KeyContext {
        if prompt != nil { return .prompt }
        if let top = screens.last { return top.keyContext }
        return focus == .sidebar && layout.sidebar != nil ? .sidebar : .list
    }

    /// The main screen's layout at the current size.
    public var layout: ScreenLayout { ScreenLayout(size: size, sidebar: sidebar) }

    /// The state of account `name`.
    public func account(_ name: String) -> AccountState? {
        accounts.first { $0.name == name }
    }

    /// Changes the state of account `name`.
    public mutating func updateAccount(_ name: String, _ change: (inout AccountState) -> Void) {
        guard let i = accounts.firstIndex(where: { $0.name == name }) else { return }
        change(&accounts[i])
    }

    /// A new list generation number.
    public mutating func nextGeneration() -> Int {
        generationCounter += 1
        return generationCounter
    }

    /// Shows `text` on the bottom line and keeps it in the log.
    public mutating func show(_ level: MessageLevel, _ text: String) {
        let entry = StatusMessage(level: level, text: text, time: now)
        message = entry
        log.append(entry)
    }

    /// Records `text` in the log without showing it.
    public mutating func record(_ level: MessageLevel, _ text: String) {
        log.append(StatusMessage(level: level, text: text, time: now))
    }
}
