import MailCore
import TerminalKit

/// The viewer screen of one message: what is shown while it loads, the ``ReaderState`` once it
/// is there, or why it could not be shown.
public struct ReaderScreen: Sendable {
    /// The message.
    public var reference: MessageReference
    /// The title line (the subject from the list, sanitised when drawn).
    public var title: String
    /// The laid-out message; nil while it loads or when it failed.
    public var reader: ReaderState?
    /// Why the message cannot be shown.
    public var failure: String?
    /// Open the attachment screen as soon as the message is loaded (`v` in the list).
    public var attachmentsWhenLoaded = false
    /// The choices of the message shown before (HTML, all headers, folding), kept for this one.
    public var carriedOptions: ReaderOptions?
    /// `Tab` asked the account for the next unread message: the list line it started from, then
    /// the line found (opened as soon as its row is loaded).
    public var unreadJump: UnreadJumpWait?
    /// Numbers the layouts started in the background, so that only the last one is taken.
    public var layoutGeneration = 0
    /// True while the rest of the message is laid out in the background (``ViewerEffect/layOut(_:)``).
    public var layingOut = false
    /// `u` was pressed while the message was laid out in the background: show the link list when
    /// the layout is done.
    public var urlsWhenLaidOut = false

    /// A screen for `reference`, loading.
    public init(reference: MessageReference, title: String) {
        self.reference = reference
        self.title = title
    }

    /// The parsed message, once loaded.
    public var message: Message? { reader?.document.message }
}

/// The attachment screen (`v`): every part of a message with number, type, size, name and charset.
public struct AttachmentScreen: Sendable {
    /// The message.
    public var reference: MessageReference
    /// The parsed message.
    public var message: Message
    /// One row per part.
    public var rows: [AttachmentRow]
    /// The selection.
    public var list = ListState()
    /// Close the viewer under this screen too when it closes (opened with `v` from the list).
    public var closesViewer = false

    /// The screen for `message`.
    /// - Parameter preferHTML: which alternative the viewer shows (its part is marked as shown).
    public init(reference: MessageReference, message: Message, preferHTML: Bool) {
        self.reference = reference
        self.message = message
        self.rows = ReaderAttachments.rows(of: message, preferHTML: preferHTML)
        // Start on the first part that is not the text on screen or a container.
        let first = rows.firstIndex { !$0.isContainer && !$0.isShownAsText } ?? rows.firstIndex { !$0.isContainer } ?? 0
        list.select(first, count: rows.count)
    }

    /// The selected row.
    public var selectedRow: AttachmentRow? {
        list.selected.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
    }
}

/// Where a `next-unread` from the viewer is, while the account searches for the message.
public enum UnreadJumpWait: Hashable, Sendable {
    /// Searching from this list line.
    case searching(from: Int)
    /// Found on this line; its row is loading.
    case found(line: Int)
}
