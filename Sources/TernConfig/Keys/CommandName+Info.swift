extension CommandName {
    /// The contexts a command can be bound in. A command whose set contains ``KeyContext/global`` may
    /// also be bound in every context that inherits the global bindings.
    public var contexts: Set<KeyContext> {
        let pages: Set<KeyContext> = [.sidebar, .list, .viewer, .attachments, .urls, .composer, .help, .outbox]
        switch self {
        case .help, .commandLine, .redraw, .quit, .compose, .recallPostponed, .changeFolder, .changeAccount,
             .nextFolder, .previousFolder, .toggleSidebar, .sidebarWider, .sidebarNarrower, .focusSidebar, .focusList,
             .checkMail, .syncFolder, .showLog, .outbox:
            return [.global]
        case .cancel:
            return [.global, .prompt]
        case .moveDown, .moveUp:
            return [.sidebar, .list, .attachments, .urls, .composer, .outbox]
        case .pageDown, .pageUp, .halfPageDown, .halfPageUp, .first, .last:
            return pages
        case .scrollDown, .scrollUp:
            return [.viewer, .help]
        case .nextUnread, .previousUnread:
            return [.sidebar, .list, .viewer]
        case .nextMessage, .previousMessage:
            return [.list, .viewer]
        case .open:
            return [.sidebar, .list, .attachments, .urls]
        case .close:
            return [.viewer, .attachments, .urls, .help, .outbox]
        case .search, .searchBackward, .searchNext, .searchPrevious:
            return [.list, .viewer, .help]
        case .limit, .tagPattern, .untagPattern, .tagPrefix, .toggleThread, .collapseAllThreads, .expandAllThreads,
             .sort, .sortReverse:
            return [.list]
        case .reply, .groupReply, .listReply, .forward, .forwardAsAttachment, .editAsNew, .bounce, .undelete, .toggleFlag, .toggleRead,
             .markThreadRead, .save, .copy, .archive, .viewAttachments, .tag:
            return [.list, .viewer]
        case .delete:
            return [.list, .viewer, .outbox]
        case .pipe:
            return [.list, .viewer, .attachments]
        case .toggleHeaders, .toggleQuoted, .toggleHTML, .viewRaw, .openURL, .urlList:
            return [.viewer]
        case .copyURL:
            return [.urls]
        case .saveAttachment:
            return [.attachments]
        case .saveAllAttachments:
            return [.viewer, .attachments]
        case .send, .editMessage:
            return [.composer, .outbox]
        case .editFrom, .editTo, .editCc, .editBcc, .editSubject, .editReplyTo, .attachFile,
             .removeAttachment, .renameAttachment, .changeContentType, .toggleFlowed, .postpone, .abort:
            return [.composer]
        case .accept, .cursorLeft, .cursorRight, .cursorStart, .cursorEnd, .wordLeft, .wordRight, .deleteBackward,
             .deleteForward, .deleteWordBackward, .deleteToStart, .deleteToEnd, .historyPrevious, .historyNext,
             .complete:
            return [.prompt]
        }
    }

    /// Whether the command may be bound in `context` (directly, or through the global bindings).
    public func isAvailable(in context: KeyContext) -> Bool {
        contexts.contains(context) || (context.inheritsGlobal && contexts.contains(.global))
    }

    /// One line saying what the command does, for the help screen.
    public var summary: String {
        switch self {
        case .help: return "Show the key bindings of this screen"
        case .commandLine: return "Type a command by name"
        case .redraw: return "Redraw the screen"
        case .quit: return "Quit tern"
        case .cancel: return "Cancel the current prompt or pending key sequence"
        case .compose: return "Write a new message"
        case .recallPostponed: return "Continue a postponed message"
        case .changeFolder: return "Open a folder by name"
        case .changeAccount: return "Switch to another account"
        case .nextFolder: return "Open the next folder in the sidebar"
        case .previousFolder: return "Open the previous folder in the sidebar"
        case .toggleSidebar: return "Show or hide the sidebar"
        case .sidebarWider: return "Make the sidebar wider"
        case .sidebarNarrower: return "Make the sidebar narrower"
        case .focusSidebar: return "Move the keyboard focus to the sidebar"
        case .focusList: return "Move the keyboard focus to the message list"
        case .checkMail: return "Check all accounts for new mail now"
        case .syncFolder: return "Write flag changes and deletions to the server"
        case .showLog: return "Show the messages and errors of this session"
        case .outbox: return "Show the outbox: retry, edit or delete a message waiting to be sent"
        case .moveDown: return "Select the next line"
        case .moveUp: return "Select the previous line"
        case .pageDown: return "Go down one screen"
        case .pageUp: return "Go up one screen"
        case .halfPageDown: return "Go down half a screen"
        case .halfPageUp: return "Go up half a screen"
        case .first: return "Go to the first line"
        case .last: return "Go to the last line"
        case .scrollDown: return "Scroll the text down one line"
        case .scrollUp: return "Scroll the text up one line"
        case .nextUnread: return "Go to the next unread message (in the sidebar: folder with unread mail)"
        case .previousUnread: return "Go to the previous unread message (in the sidebar: folder)"
        case .nextMessage: return "Show the next message"
        case .previousMessage: return "Show the previous message"
        case .open: return "Open the selected folder, message or attachment"
        case .close: return "Close this screen and go back"
        case .search: return "Search forward"
        case .searchBackward: return "Search backward"
        case .searchNext: return "Repeat the last search"
        case .searchPrevious: return "Repeat the last search in the other direction"
        case .limit: return "Show only the messages matching a pattern"
        case .reply: return "Reply to the sender"
        case .groupReply: return "Reply to the sender and all recipients"
        case .listReply: return "Reply to the mailing list"
        case .forward: return "Forward the message with its text inline"
        case .forwardAsAttachment: return "Forward the whole message as an attachment"
        case .editAsNew: return "Edit a draft or a sent message as a new message"
        case .bounce: return "Redirect the message unchanged to another address (bounce)"
        case .delete: return "Mark the message for deletion"
        case .undelete: return "Remove the deletion mark"
        case .toggleFlag: return "Flag or unflag the message as important"
        case .toggleRead: return "Mark the message read or unread"
        case .markThreadRead: return "Mark the whole thread read"
        case .save: return "Move the message to another folder"
        case .copy: return "Copy the message to another folder"
        case .archive: return "Move the message to the archive folder"
        case .pipe: return "Pipe the message or attachment to a shell command"
        case .viewAttachments: return "List the message's attachments"
        case .tag: return "Tag or untag the message"
        case .tagPattern: return "Tag the messages matching a pattern"
        case .untagPattern: return "Untag the messages matching a pattern"
        case .tagPrefix: return "Apply the next command to every tagged message"
        case .toggleThread: return "Collapse or expand the current thread"
        case .collapseAllThreads: return "Collapse every thread"
        case .expandAllThreads: return "Expand every thread"
        case .sort: return "Choose the sort order"
        case .sortReverse: return "Choose the sort order, reversed"
        case .toggleHeaders: return "Show all headers or only the usual ones"
        case .toggleQuoted: return "Hide or show quoted text"
        case .toggleHTML: return "Show the HTML part instead of the plain text, or back"
        case .viewRaw: return "Show the message's raw source"
        case .openURL: return "Pick a link in the message and open it"
        case .urlList: return "List the links of the message, to open or copy one"
        case .copyURL: return "Copy the selected link to the clipboard (OSC 52 and the desktop's clipboard program)"
        case .saveAttachment: return "Save the attachment to a file"
        case .saveAllAttachments: return "Save every attachment of the message into a folder"
        case .send: return "Send the message"
        case .editMessage: return "Edit the message text in the editor"
        case .editFrom: return "Choose the sender identity"
        case .editTo: return "Edit the To recipients"
        case .editCc: return "Edit the Cc recipients"
        case .editBcc: return "Edit the Bcc recipients"
        case .editSubject: return "Edit the subject"
        case .editReplyTo: return "Edit the Reply-To address"
        case .attachFile: return "Attach a file"
        case .removeAttachment: return "Remove the selected attachment"
        case .renameAttachment: return "Rename the selected attachment (the name the recipient sees)"
        case .changeContentType: return "Change the MIME type of the selected attachment"
        case .toggleFlowed: return "Send the text as format=flowed or not"
        case .postpone: return "Save the message as a draft to finish later"
        case .abort: return "Discard the message (asks first)"
        case .accept: return "Accept the input"
        case .cursorLeft: return "Move the cursor left"
        case .cursorRight: return "Move the cursor right"
        case .cursorStart: return "Move the cursor to the start"
        case .cursorEnd: return "Move the cursor to the end"
        case .wordLeft: return "Move the cursor one word left"
        case .wordRight: return "Move the cursor one word right"
        case .deleteBackward: return "Delete the character before the cursor"
        case .deleteForward: return "Delete the character under the cursor"
        case .deleteWordBackward: return "Delete the word before the cursor"
        case .deleteToStart: return "Delete everything before the cursor"
        case .deleteToEnd: return "Delete everything from the cursor on"
        case .historyPrevious: return "Recall the previous input"
        case .historyNext: return "Recall the next input"
        case .complete: return "Complete the folder, address or command name"
        }
    }
}
