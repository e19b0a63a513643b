/// Every command a key can be bound to: the closed set of names `[keys.*]` tables accept.
///
/// TernUI implements one command value per name; ``summary`` is the line the help screen (`?`) shows,
/// and ``contexts`` says where binding it makes sense.
public enum CommandName: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    // MARK: Anywhere
    case help
    case commandLine = "command-line"
    case redraw
    case quit
    case cancel
    case compose
    case recallPostponed = "recall-postponed"
    case changeFolder = "change-folder"
    case changeAccount = "change-account"
    case nextFolder = "next-folder"
    case previousFolder = "previous-folder"
    case toggleSidebar = "toggle-sidebar"
    case focusSidebar = "focus-sidebar"
    case focusList = "focus-list"
    case checkMail = "check-mail"
    case syncFolder = "sync-folder"

    // MARK: Moving
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case first
    case last
    case scrollDown = "scroll-down"
    case scrollUp = "scroll-up"
    case nextUnread = "next-unread"
    case previousUnread = "previous-unread"
    case nextMessage = "next-message"
    case previousMessage = "previous-message"
    case open
    case close

    // MARK: Searching
    case search
    case searchBackward = "search-backward"
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case limit

    // MARK: Messages
    case reply
    case groupReply = "group-reply"
    case listReply = "list-reply"
    case forward
    case bounce
    case delete
    case undelete
    case toggleFlag = "toggle-flag"
    case toggleRead = "toggle-read"
    case markThreadRead = "mark-thread-read"
    case save
    case copy
    case archive
    case pipe
    case viewAttachments = "view-attachments"
    case tag
    case tagPattern = "tag-pattern"
    case untagPattern = "untag-pattern"
    case tagPrefix = "tag-prefix"
    case toggleThread = "toggle-thread"
    case collapseAllThreads = "collapse-all-threads"
    case expandAllThreads = "expand-all-threads"
    case sort
    case sortReverse = "sort-reverse"

    // MARK: Viewer
    case toggleHeaders = "toggle-headers"
    case toggleQuoted = "toggle-quoted"
    case toggleHTML = "toggle-html"
    case viewRaw = "view-raw"
    case openURL = "open-url"

    // MARK: Attachments
    case saveAttachment = "save-attachment"

    // MARK: Composer
    case send
    case editMessage = "edit-message"
    case editFrom = "edit-from"
    case editTo = "edit-to"
    case editCc = "edit-cc"
    case editBcc = "edit-bcc"
    case editSubject = "edit-subject"
    case editReplyTo = "edit-reply-to"
    case attachFile = "attach-file"
    case removeAttachment = "remove-attachment"
    case postpone
    case abort

    // MARK: Prompt
    case accept
    case cursorLeft = "cursor-left"
    case cursorRight = "cursor-right"
    case cursorStart = "cursor-start"
    case cursorEnd = "cursor-end"
    case wordLeft = "word-left"
    case wordRight = "word-right"
    case deleteBackward = "delete-backward"
    case deleteForward = "delete-forward"
    case deleteWordBackward = "delete-word-backward"
    case deleteToStart = "delete-to-start"
    case deleteToEnd = "delete-to-end"
    case historyPrevious = "history-previous"
    case historyNext = "history-next"
    case complete

    /// The command's name as written in a config file and on the `:` command line.
    public var description: String { rawValue }
}
