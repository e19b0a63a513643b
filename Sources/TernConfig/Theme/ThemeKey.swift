/// Every part of the screen a theme can style: the closed set of keys a theme file may set.
///
/// A key a theme does not set takes the style of its ``fallback`` (for example `list.unread`
/// falls back to `list`, which falls back to `normal`), unless the theme inherits it.
public enum ThemeKey: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Everything not styled otherwise.
    case normal
    /// The title bar: account, folder and counts.
    case title
    /// Dividers between panes.
    case border

    /// The folder sidebar.
    case sidebar
    /// The selected folder.
    case sidebarSelected = "sidebar.selected"
    /// A folder with unread mail.
    case sidebarUnread = "sidebar.unread"
    /// An account's name above its folders.
    case sidebarAccount = "sidebar.account"
    /// The message counts beside folder names.
    case sidebarCount = "sidebar.count"

    /// The message list.
    case list
    /// The selected message.
    case listSelected = "list.selected"
    /// An unread message.
    case listUnread = "list.unread"
    /// A flagged (important) message.
    case listFlagged = "list.flagged"
    /// A message marked for deletion.
    case listDeleted = "list.deleted"
    /// A tagged message.
    case listTagged = "list.tagged"
    /// The thread tree lines.
    case listTree = "list.tree"
    /// The date column.
    case listDate = "list.date"
    /// The sender column.
    case listFrom = "list.from"
    /// The subject column.
    case listSubject = "list.subject"
    /// The size column.
    case listSize = "list.size"
    /// The status flags column (N, D, F, r, t).
    case listFlags = "list.flags"

    /// The status line.
    case status
    /// A progress bar or spinner in the status line.
    case statusProgress = "status.progress"
    /// The tab bar (open accounts or screens).
    case tabs
    /// The current tab.
    case tabsSelected = "tabs.selected"

    /// An informational message at the bottom of the screen.
    case message
    /// An error message.
    case error
    /// A warning message.
    case warning

    /// A header field's name in the viewer (`Subject:`).
    case headerName = "header.name"
    /// A header field's value in the viewer.
    case headerValue = "header.value"
    /// The Subject header's value.
    case headerSubject = "header.subject"
    /// The From header's value.
    case headerFrom = "header.from"
    /// The message text.
    case body
    /// Quoted text, first level (`> `).
    case quote1 = "quote.1"
    /// Quoted text, second level (`> > `).
    case quote2 = "quote.2"
    /// Quoted text, third level.
    case quote3 = "quote.3"
    /// Quoted text, fourth level and deeper.
    case quote4 = "quote.4"
    /// The signature, below `-- `.
    case signature
    /// A URL in the text.
    case url
    /// An attachment line in the viewer.
    case attachment
    /// Text matching the current search.
    case searchMatch = "search.match"
    /// Added lines of a patch (`+`).
    case diffAdded = "diff.added"
    /// Removed lines of a patch (`-`).
    case diffRemoved = "diff.removed"
    /// Hunk headers of a patch (`@@`).
    case diffHunk = "diff.hunk"

    /// The attachment list.
    case attachments
    /// The selected attachment.
    case attachmentsSelected = "attachments.selected"

    /// A field name in the composer (`To:`).
    case composerField = "composer.field"
    /// A field value in the composer.
    case composerValue = "composer.value"
    /// The selected line in the composer.
    case composerSelected = "composer.selected"

    /// The prompt's label (`Save to folder:`).
    case prompt
    /// The text being typed at the prompt.
    case promptInput = "prompt.input"
    /// A completion offered at the prompt.
    case promptCompletion = "prompt.completion"
    /// The completion that is selected.
    case promptCompletionSelected = "prompt.completion.selected"

    /// A pop-up window (confirmations, menus).
    case popup
    /// A pop-up window's border.
    case popupBorder = "popup.border"
    /// A pop-up window's title.
    case popupTitle = "popup.title"

    /// The help screen.
    case help
    /// Key names on the help screen.
    case helpKey = "help.key"
    /// Section titles on the help screen.
    case helpSection = "help.section"

    /// The key whose style this one takes when a theme sets neither it nor inherits it; nil for `normal`.
    public var fallback: ThemeKey? {
        switch self {
        case .normal: return nil
        case .quote2: return .quote1
        case .quote3: return .quote2
        case .quote4: return .quote3
        case .headerSubject, .headerFrom: return .headerValue
        case .promptCompletionSelected: return .promptCompletion
        case .sidebarSelected, .attachmentsSelected, .composerSelected: return .listSelected
        case .title, .border, .sidebar, .list, .status, .tabs, .message, .error, .warning, .body, .signature,
             .url, .attachment, .searchMatch, .attachments, .prompt, .popup, .help, .headerName, .headerValue,
             .quote1, .diffAdded, .diffRemoved, .diffHunk:
            return .normal
        default:
            let name = rawValue
            guard let dot = name.lastIndex(of: ".") else { return .normal }
            return ThemeKey(rawValue: String(name[..<dot])) ?? .normal
        }
    }

    /// The key's name as written in a theme file.
    public var description: String { rawValue }
}
