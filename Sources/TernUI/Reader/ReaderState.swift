import MailCore

/// The viewer's state for one message: the laid-out document, the scroll position, the search.
/// Every change is a plain mutation, so commands are tested without a terminal.
public struct ReaderState: Sendable {
    /// The laid-out message.
    public private(set) var document: ReaderDocument
    /// The first line shown.
    public private(set) var top = 0
    /// The rows of the text area.
    public private(set) var height: Int
    /// The current search, if any.
    public private(set) var search: ReaderSearch?
    /// The index of the current match in ``search``.
    public private(set) var currentMatch: Int?

    /// Opens a message.
    ///
    /// - Parameters:
    ///   - message: the parsed message.
    ///   - options: the layout options (their width is the text area's).
    ///   - height: the rows of the text area.
    public init(message: Message, options: ReaderOptions, height: Int) {
        self.height = max(1, height)
        document = ReaderDocument(message: message, options: options, firstLines: max(1, height))
    }

    /// The layout options.
    public var options: ReaderOptions { document.options }

    /// The last possible top line (known once the document is complete).
    var maxTop: Int { max(0, document.lines.count - height) }

    /// Scrolls by `lines` (negative: up), never past the last screen.
    public mutating func scroll(by lines: Int) {
        let wanted = max(0, top + lines)
        document.layOut(through: wanted + height)
        top = min(wanted, maxTop)
    }

    /// Scrolls by `pages` screens less a line of overlap.
    public mutating func page(by pages: Int) {
        scroll(by: pages * max(1, height - 1))
    }

    /// Goes to the first line.
    public mutating func toTop() { top = 0 }

    /// Goes to the last screen (lays out the whole message).
    public mutating func toBottom() {
        document.layOutAll()
        top = maxTop
    }

    /// True when the last line is on screen.
    public var isAtBottom: Bool { document.isComplete && top + height >= document.lines.count }

    /// Where the view is: `All`, `Top`, `Bot` or a percentage of the lines (less(1)'s words); the
    /// percentage counts the lines laid out so far while the layout is not complete (shown with `+`).
    public var positionText: String {
        let count = document.lines.count
        if document.isComplete && count <= height { return "All" }
        if top == 0 { return "Top" }
        if isAtBottom { return "Bot" }
        let percent = count == 0 ? 0 : min(99, (top + height) * 100 / count)
        return document.isComplete ? "\(percent)%" : "\(percent)%+"
    }

    /// Changes the layout options (HTML or plain, all headers, raw, folding); the view goes to the
    /// top unless only the width changed. Only the first screen is laid out again.
    public mutating func setOptions(_ options: ReaderOptions) {
        let onlyWidth = { var o = options; o.width = document.options.width; return o }() == document.options
        let fraction = document.lines.isEmpty ? 0 : Double(top) / Double(document.lines.count)
        document.setOptions(options, firstLines: height)
        // The highlights go; `n` searches the new layout for ``lastQuery`` again. Searching here
        // would lay out the whole message on every toggle (seconds for a 20 MB body).
        search = nil
        currentMatch = nil
        if onlyWidth && top > 0 {
            // Keep about the same place in the text.
            document.layOut(through: Int(fraction * Double(document.lines.count)) + height)
            top = min(Int(fraction * Double(max(document.lines.count, 1))), maxTop)
        } else {
            top = 0
        }
    }

    /// A new size of the text area.
    public mutating func resize(width: Int, height: Int) {
        self.height = max(1, height)
        if width != document.options.width {
            var o = document.options
            o.width = width
            setOptions(o)
        } else {
            document.layOut(through: top + self.height)
            top = min(top, maxTop)
        }
    }

    /// The query of the last search, kept across relayouts.
    public private(set) var lastQuery: String?

    /// Searches for `query` (the whole message is laid out) and shows the first match after the
    /// top line (before it, `backward`), wrapping around.
    /// - Returns: false when nothing matches.
    @discardableResult
    public mutating func find(_ query: String, backward: Bool = false) -> Bool {
        lastQuery = query
        return runSearch(query, from: top, backward: backward, move: true)
    }

    /// Shows the next match of the last search (`n`), or the previous one (`N`, `backward`).
    /// - Returns: false when there is no search or nothing matches.
    @discardableResult
    public mutating func findNext(backward: Bool = false) -> Bool {
        guard let search, !search.matches.isEmpty else { return false }
        let from = currentMatch.map { search.matches[$0].line } ?? top
        guard let index = search.next(after: from, backward: backward) else { return false }
        show(match: index)
        return true
    }

    /// Clears the search highlight.
    public mutating func clearSearch() {
        search = nil
        currentMatch = nil
        lastQuery = nil
    }

    @discardableResult
    mutating func runSearch(_ query: String, from line: Int, backward: Bool, move: Bool) -> Bool {
        document.layOutAll()
        let found = ReaderSearch(query: query, in: document.lines)
        search = found
        currentMatch = nil
        guard move else { return !found.matches.isEmpty }
        // Start with a match on the top line itself.
        guard let index = found.next(after: backward ? line : line - 1, backward: backward) else { return false }
        show(match: index)
        return true
    }

    mutating func show(match index: Int) {
        guard let search else { return }
        currentMatch = index
        let line = search.matches[index].line
        if line < top || line >= top + height {
            top = min(max(0, line - height / 3), maxTop)
        }
    }

    /// The URLs of the message, numbered from 1 (lays out the whole message).
    public mutating func urls() -> [String] {
        document.layOutAll()
        return document.urls
    }
}
