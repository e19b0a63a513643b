/// Every command a key can be bound to: the closed set of names `[keys.*]` tables accept.
///
/// TernUI implements one command value per name; ``summary`` is the line the help screen (`?`) shows,
/// and ``contexts`` says where binding it makes sense.
public enum CommandName: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    // MARK: Anywhere
    /// Show the key bindings of this screen.
    case help
    /// Type a command by name.
    case commandLine = "command-line"
    /// Redraw the screen.
    case redraw
    /// Quit tern.
    case quit
    /// Cancel the current prompt or pending key sequence.
    case cancel
    /// Write a new message.
    case compose
    /// Continue a postponed message.
    case recallPostponed = "recall-postponed"
    /// Open a folder by name.
    case changeFolder = "change-folder"
    /// Switch to another account.
    case changeAccount = "change-account"
    /// Open the next folder in the sidebar.
    case nextFolder = "next-folder"
    /// Open the previous folder in the sidebar.
    case previousFolder = "previous-folder"
    /// Show or hide the sidebar.
    case toggleSidebar = "toggle-sidebar"
    /// Make the sidebar wider.
    case sidebarWider = "sidebar-wider"
    /// Make the sidebar narrower.
    case sidebarNarrower = "sidebar-narrower"
    /// Move the keyboard focus to the sidebar.
    case focusSidebar = "focus-sidebar"
    /// Move the keyboard focus to the message list.
    case focusList = "focus-list"
    /// Check all accounts for new mail now.
    case checkMail = "check-mail"
    /// Write flag changes and deletions to the server.
    case syncFolder = "sync-folder"
    /// Show the messages and errors of this session.
    case showLog = "show-log"
    /// Show the outbox: messages waiting to be sent, failed ones, Sent copies still to be made.
    case outbox

    // MARK: Moving
    /// Select the next line.
    case moveDown = "move-down"
    /// Select the previous line.
    case moveUp = "move-up"
    /// Go down one screen.
    case pageDown = "page-down"
    /// Go up one screen.
    case pageUp = "page-up"
    /// Go down half a screen.
    case halfPageDown = "half-page-down"
    /// Go up half a screen.
    case halfPageUp = "half-page-up"
    /// Go to the first line.
    case first
    /// Go to the last line.
    case last
    /// Scroll the text down one line.
    case scrollDown = "scroll-down"
    /// Scroll the text up one line.
    case scrollUp = "scroll-up"
    /// Go to the next unread message (in the sidebar: folder with unread mail).
    case nextUnread = "next-unread"
    /// Go to the previous unread message (in the sidebar: folder).
    case previousUnread = "previous-unread"
    /// Show the next message.
    case nextMessage = "next-message"
    /// Show the previous message.
    case previousMessage = "previous-message"
    /// Open the selected folder, message or attachment.
    case open
    /// Close this screen and go back.
    case close

    // MARK: Searching
    /// Search forward.
    case search
    /// Search backward.
    case searchBackward = "search-backward"
    /// Repeat the last search.
    case searchNext = "search-next"
    /// Repeat the last search in the other direction.
    case searchPrevious = "search-previous"
    /// Show only the messages matching a pattern.
    case limit

    // MARK: Messages
    /// Reply to the sender.
    case reply
    /// Reply to the sender and all recipients.
    case groupReply = "group-reply"
    /// Reply to the mailing list.
    case listReply = "list-reply"
    /// Forward the message with its text inline.
    case forward
    /// Forward the whole message as an attachment (message/rfc822).
    case forwardAsAttachment = "forward-as-attachment"
    /// Start a new message from this one (a draft or a sent message): same recipients, text and attachments.
    case editAsNew = "edit-as-new"
    /// Redirect the message unchanged to another address (bounce).
    case bounce
    /// Mark the message for deletion.
    case delete
    /// Remove the deletion mark.
    case undelete
    /// Flag or unflag the message as important.
    case toggleFlag = "toggle-flag"
    /// Mark the message read or unread.
    case toggleRead = "toggle-read"
    /// Mark the whole thread read.
    case markThreadRead = "mark-thread-read"
    /// Move the message to another folder.
    case save
    /// Copy the message to another folder.
    case copy
    /// Move the message to the archive folder.
    case archive
    /// Pipe the message or attachment to a shell command.
    case pipe
    /// List the message's attachments.
    case viewAttachments = "view-attachments"
    /// Tag or untag the message.
    case tag
    /// Tag the messages matching a pattern.
    case tagPattern = "tag-pattern"
    /// Untag the messages matching a pattern.
    case untagPattern = "untag-pattern"
    /// Apply the next command to every tagged message.
    case tagPrefix = "tag-prefix"
    /// Collapse or expand the current thread.
    case toggleThread = "toggle-thread"
    /// Collapse every thread.
    case collapseAllThreads = "collapse-all-threads"
    /// Expand every thread.
    case expandAllThreads = "expand-all-threads"
    /// Choose the sort order.
    case sort
    /// Choose the sort order, reversed.
    case sortReverse = "sort-reverse"

    // MARK: Viewer
    /// Show all headers or only the usual ones.
    case toggleHeaders = "toggle-headers"
    /// Hide or show quoted text.
    case toggleQuoted = "toggle-quoted"
    /// Show the HTML part instead of the plain text, or back.
    case toggleHTML = "toggle-html"
    /// Show the message's raw source.
    case viewRaw = "view-raw"
    /// Pick a link in the message and open it.
    case openURL = "open-url"
    /// List the links of the message, to open or copy one.
    case urlList = "url-list"
    /// Copy the selected link to the clipboard.
    case copyURL = "copy-url"

    // MARK: Attachments
    /// Save the attachment to a file.
    case saveAttachment = "save-attachment"
    /// Save every attachment of the message into a folder.
    case saveAllAttachments = "save-all-attachments"

    // MARK: Composer
    /// Send the message.
    case send
    /// Edit the message text in the editor.
    case editMessage = "edit-message"
    /// Choose the sender identity.
    case editFrom = "edit-from"
    /// Edit the To recipients.
    case editTo = "edit-to"
    /// Edit the Cc recipients.
    case editCc = "edit-cc"
    /// Edit the Bcc recipients.
    case editBcc = "edit-bcc"
    /// Edit the subject.
    case editSubject = "edit-subject"
    /// Edit the Reply-To address.
    case editReplyTo = "edit-reply-to"
    /// Attach a file.
    case attachFile = "attach-file"
    /// Remove the selected attachment.
    case removeAttachment = "remove-attachment"
    /// Change the name the recipient sees for the selected attachment.
    case renameAttachment = "rename-attachment"
    /// Change the MIME type of the selected attachment.
    case changeContentType = "change-content-type"
    /// Send the text as format=flowed (RFC 3676) or not.
    case toggleFlowed = "toggle-flowed"
    /// Save the message as a draft to finish later.
    case postpone
    /// Discard the message (asks first).
    case abort

    // MARK: Prompt
    /// Accept the input.
    case accept
    /// Move the cursor left.
    case cursorLeft = "cursor-left"
    /// Move the cursor right.
    case cursorRight = "cursor-right"
    /// Move the cursor to the start.
    case cursorStart = "cursor-start"
    /// Move the cursor to the end.
    case cursorEnd = "cursor-end"
    /// Move the cursor one word left.
    case wordLeft = "word-left"
    /// Move the cursor one word right.
    case wordRight = "word-right"
    /// Delete the character before the cursor.
    case deleteBackward = "delete-backward"
    /// Delete the character under the cursor.
    case deleteForward = "delete-forward"
    /// Delete the word before the cursor.
    case deleteWordBackward = "delete-word-backward"
    /// Delete everything before the cursor.
    case deleteToStart = "delete-to-start"
    /// Delete everything from the cursor on.
    case deleteToEnd = "delete-to-end"
    /// Recall the previous input.
    case historyPrevious = "history-previous"
    /// Recall the next input.
    case historyNext = "history-next"
    /// Complete the folder, address or command name.
    case complete

    /// The command's name as written in a config file and on the `:` command line.
    public var description: String { rawValue }
}
