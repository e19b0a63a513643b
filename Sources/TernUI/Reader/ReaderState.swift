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

    /// `G` was pressed while the rest of the message is laid out in the background: go to the
    /// last screen when ``adopt(_:)`` gets the finished layout.
    public var wantsBottom = false

    /// Takes a layout finished in the background, when it is this document's (same options, and
    /// at least as far along); keeps the position and the search. Goes to the bottom when
    /// ``wantsBottom``.
    /// - Returns: false when the layout was for other options (the document has changed since).
    @discardableResult
    public mutating func adopt(_ finished: ReaderDocument) -> Bool {
        guard finished.options == document.options, finished.lines.count >= document.lines.count else { return false }
        if !document.isComplete { document = finished }
        if wantsBottom {
            wantsBottom = false
            top = maxTop
        }
        return true
    }

    /// Goes to the last screen (lays out the whole message).
    public mutating func toBottom() {
        wantsBottom = false
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

    /// Lines laid out at a time while a search looks for its next match.
    static let searchChunk = 2048

    /// Searches for `query` and shows the first match from the top line on (before it, `backward`),
    /// wrapping around. The message is laid out only as far as that match (all of it when the
    /// match is above, going backward, or when nothing matches).
    /// - Returns: false when nothing matches.
    @discardableResult
    public mutating func find(_ query: String, backward: Bool = false) -> Bool {
        lastQuery = query
        search = ReaderSearch(query: query, startingAt: top)
        currentMatch = nil
        return backward ? seekBackward(before: top) : seekForward(from: top)
    }

    /// Shows the next match of the last search (`n`), or the previous one (`N`, `backward`).
    /// - Returns: false when there is no search or nothing matches.
    @discardableResult
    public mutating func findNext(backward: Bool = false) -> Bool {
        guard let search else { return false }
        if let current = currentMatch, search.matches.indices.contains(current) {
            let line = search.matches[current].line
            if backward {
                if current > 0 {
                    show(match: current - 1)
                    return true
                }
                return seekBackward(before: line)
            }
            if current + 1 < search.matches.count {
                show(match: current + 1)
                return true
            }
            return seekForward(from: line + 1)
        }
        return backward ? seekBackward(before: top) : seekForward(from: top)
    }

    /// Shows the first match on line `line` or later, scanning and laying out more lines until one
    /// is found; wraps to the first match of the message.
    mutating func seekForward(from line: Int) -> Bool {
        guard var found = search else { return false }
        if line < found.scannedLines.lowerBound { found.extendBackward(document.lines, to: line) }
        while true {
            if let index = found.firstIndex(onOrAfter: line) {
                search = found
                show(match: index)
                return true
            }
            if found.scanned < document.lines.count {
                found.extend(document.lines, through: found.scanned + Self.searchChunk)
                continue
            }
            guard !document.isComplete else { break }
            document.layOut(through: document.lines.count + Self.searchChunk)
        }
        // Around to the top: the lines above the window.
        found.extendBackward(document.lines, to: 0)
        search = found
        guard !found.matches.isEmpty else { return false }
        show(match: 0)
        return true
    }

    /// Shows the last match on a line before `line`, scanning up from the window; wraps to the
    /// last match of the message (which lays out and scans the whole message).
    mutating func seekBackward(before line: Int) -> Bool {
        guard var found = search else { return false }
        found.extend(document.lines, through: line)
        while true {
            if let index = found.last(before: line), found.matches[index].line < line {
                search = found
                show(match: index)
                return true
            }
            guard found.scannedLines.lowerBound > 0 else { break }
            found.extendBackward(document.lines, to: found.scannedLines.lowerBound - Self.searchChunk)
        }
        document.layOutAll()
        found.extend(document.lines)
        search = found
        guard !found.matches.isEmpty else { return false }
        show(match: found.matches.count - 1)
        return true
    }

    /// Clears the search highlight.
    public mutating func clearSearch() {
        search = nil
        currentMatch = nil
        lastQuery = nil
    }

    mutating func show(match index: Int) {
        guard let search, search.matches.indices.contains(index) else { return }
        currentMatch = index
        let line = search.matches[index].line
        if line < top || line >= top + height {
            document.layOut(through: line + height)
            top = min(max(0, line - height / 3), maxTop)
        }
    }

    /// The URLs of the message, numbered from 1 (lays out the whole message).
    public mutating func urls() -> [String] {
        document.layOutAll()
        return document.urls
    }
}
