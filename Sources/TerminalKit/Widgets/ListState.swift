/// The view state of a ``ListView``: which row is selected and which row is at the top.
///
/// Every navigation is O(1) in the number of rows, so a list of millions of rows pages and jumps to
/// its end as fast as a short one. The page height is the one the list was last drawn with.
public struct ListState: Hashable, Sendable {
    /// The selected row, or nil when nothing is selected (an empty list).
    public private(set) var selected: Int?
    /// The first visible row.
    public private(set) var offset: Int = 0
    /// The number of rows shown by the last draw (used for paging); 1 before the first draw.
    public private(set) var viewHeight: Int = 1

    /// Creates a state.
    /// - Parameter selected: the initially selected row (clamped when drawn).
    public init(selected: Int? = 0) {
        self.selected = selected
    }

    /// Selects `index` (clamped to `0..<count`), scrolling it into view.
    public mutating func select(_ index: Int?, count: Int) {
        guard count > 0, let index else { selected = nil; offset = 0; return }
        selected = min(max(0, index), count - 1)
        keepSelectionVisible(count: count)
    }

    /// Moves the selection by `delta` rows (negative is up), stopping at the ends.
    public mutating func move(by delta: Int, count: Int) {
        select((selected ?? 0) + delta, count: count)
    }

    /// Moves the selection one page down, the page scrolling with it.
    public mutating func pageDown(count: Int) {
        guard count > 0 else { return select(nil, count: 0) }
        let page = max(1, viewHeight)
        offset = min(offset + page, max(0, count - page))
        select((selected ?? 0) + page, count: count)
    }

    /// Moves the selection one page up, the page scrolling with it.
    public mutating func pageUp(count: Int) {
        guard count > 0 else { return select(nil, count: 0) }
        let page = max(1, viewHeight)
        offset = max(0, offset - page)
        select((selected ?? 0) - page, count: count)
    }

    /// Moves the selection half a page down (`<C-d>` in vi).
    public mutating func halfPageDown(count: Int) {
        let half = max(1, viewHeight / 2)
        offset = max(0, min(offset + half, count - max(1, viewHeight)))
        select((selected ?? 0) + half, count: count)
    }

    /// Moves the selection half a page up (`<C-u>` in vi).
    public mutating func halfPageUp(count: Int) {
        let half = max(1, viewHeight / 2)
        offset = max(0, offset - half)
        select((selected ?? 0) - half, count: count)
    }

    /// Selects the first row.
    public mutating func selectFirst(count: Int) { select(0, count: count) }

    /// Selects the last row; O(1).
    public mutating func selectLast(count: Int) { select(count - 1, count: count) }

    /// Scrolls the view by `delta` rows without moving the selection unless it would leave the view
    /// (the mouse wheel).
    public mutating func scroll(by delta: Int, count: Int) {
        guard count > 0 else { return select(nil, count: 0) }
        let page = max(1, viewHeight)
        offset = min(max(0, offset + delta), max(0, count - page))
        if let s = selected {
            selected = min(max(s, offset), min(count - 1, offset + page - 1))
        }
    }

    /// The row index shown on visual row `row` of the list (0 = top), or nil below the last row.
    public func index(atRow row: Int, count: Int) -> Int? {
        let i = offset + row
        return row >= 0 && row < viewHeight && i < count ? i : nil
    }

    /// Applies a mouse event that happened inside `area`: a left click selects the row under it,
    /// the wheel scrolls by 3 rows. Returns true when the event was for this list.
    public mutating func handleMouse(_ event: MouseEvent, area: Rect, count: Int) -> Bool {
        guard area.contains(event.position) else { return false }
        switch event.kind {
        case .press(.left):
            if let i = index(atRow: event.position.y - area.y, count: count) { select(i, count: count) }
        case .wheelUp: scroll(by: -3, count: count)
        case .wheelDown: scroll(by: 3, count: count)
        default: return false
        }
        return true
    }

    /// Fits the state to `count` rows shown `height` at a time: clamps the selection and keeps it
    /// visible. Called by ``ListView`` when drawing.
    public mutating func fit(count: Int, height: Int) {
        viewHeight = max(1, height)
        if count <= 0 { selected = nil; offset = 0; return }
        if let s = selected { selected = min(max(0, s), count - 1) } else { selected = 0 }
        offset = min(offset, max(0, count - viewHeight))
        keepSelectionVisible(count: count)
    }

    private mutating func keepSelectionVisible(count: Int) {
        guard let s = selected else { return }
        if s < offset { offset = s }
        if s >= offset + viewHeight { offset = s - viewHeight + 1 }
        offset = max(0, min(offset, max(0, count - 1)))
    }
}
