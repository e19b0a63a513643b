import TerminalKit

/// Where the parts of the screen go at a given size: the sidebar and its divider, the message
/// list, the status line and the bottom line (messages and prompts).
///
/// The sidebar hides itself when it would leave the list fewer than ``minimumListWidth`` columns.
public struct ScreenLayout: Hashable, Sendable {
    /// The narrowest the message list may get before the sidebar hides.
    public static let minimumListWidth = 20

    /// The sidebar, if shown.
    public var sidebar: Rect?
    /// The divider between sidebar and list, if the sidebar is shown.
    public var divider: Rect?
    /// The message list (or a page's text).
    public var list: Rect
    /// The status line.
    public var status: Rect
    /// The bottom line.
    public var bottom: Rect

    /// The layout of the main screen.
    public init(size: Size, sidebar: SidebarState) {
        let full = Rect(size: size)
        let (rest, bottom) = full.splitBottom(1)
        let (main, status) = rest.splitBottom(1)
        self.bottom = bottom
        self.status = status
        if sidebar.isVisible, size.width >= sidebar.width + 1 + Self.minimumListWidth, !main.isEmpty {
            let (left, right) = main.splitLeft(sidebar.width)
            let (divider, list) = right.splitLeft(1)
            self.sidebar = left
            self.divider = divider
            self.list = list
        } else {
            self.sidebar = nil
            self.divider = nil
            self.list = main
        }
    }

    /// The layout of a full-screen page: a title line, the text, the status line, the bottom line.
    public static func page(size: Size) -> (title: Rect, body: Rect, status: Rect, bottom: Rect) {
        let full = Rect(size: size)
        let (rest, bottom) = full.splitBottom(1)
        let (main, status) = rest.splitBottom(1)
        let (title, body) = main.splitTop(main.height > 1 ? 1 : 0)
        return (title, body, status, bottom)
    }
}
