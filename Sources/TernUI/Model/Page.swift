import MailCore
import TerminalKit
import TernConfig

/// A message opened in the viewer.
public struct MessageReference: Hashable, Sendable {
    /// Its folder.
    public var folder: FolderKey
    /// Its uid.
    public var uid: UID

    /// Creates a reference.
    public init(folder: FolderKey, uid: UID) {
        self.folder = folder
        self.uid = uid
    }
}

/// A full-screen page of text over the main screen: help, the log, a program's output. The
/// message viewer is a screen of its own (``ReaderScreen``).
public struct Page: Sendable {
    /// What the page shows.
    public enum Kind: Hashable, Sendable {
        /// The key bindings of a context.
        case help(KeyContext)
        /// The session's messages.
        case log
        /// Text from elsewhere: a program's output, a text part opened from the attachment screen.
        case output
    }

    /// What the page shows.
    public var kind: Kind
    /// The title on the top line.
    public var title: String
    /// The text; nil while it loads.
    public var lines: [Line]?
    /// The scroll position.
    public var view = TextViewState()
    /// The layout for the last width drawn (rebuilt when the width changes).
    public var layout: TextLayout?
    /// The last text searched for on the page.
    public var search: String?
    /// Makes the lines for a width, for text laid out by its maker (help's columns); the lines are
    /// then used as they are, not wrapped again.
    public var linesForWidth: (@Sendable (Int) -> [Line])?

    /// Creates a page.
    public init(kind: Kind, title: String, lines: [Line]?) {
        self.kind = kind
        self.title = title
        self.lines = lines
    }

    /// The key context of the page.
    public var keyContext: KeyContext {
        switch kind {
        case .help, .log, .output: return .help
        }
    }

    /// Replaces the text (and drops the layout made for the old one).
    public mutating func setLines(_ lines: [Line]) {
        self.lines = lines
        layout = nil
    }

    /// Creates a page whose lines are made for the width it is drawn at.
    public init(kind: Kind, title: String, linesForWidth: @escaping @Sendable (Int) -> [Line]) {
        self.kind = kind
        self.title = title
        self.lines = []
        self.linesForWidth = linesForWidth
    }

    /// The layout for `width`, made now if the cached one is for another width.
    public mutating func layout(width: Int) -> TextLayout {
        if let layout, layout.width == width { return layout }
        if let linesForWidth {
            let made = TextLayout(lines: linesForWidth(width), width: width, wrap: false)
            layout = made
            return made
        }
        let made = TextLayout(lines: lines ?? [], width: width, wrap: true)
        layout = made
        return made
    }
}
